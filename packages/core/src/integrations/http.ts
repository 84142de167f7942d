import type { HttpMethod } from './api-gateway.js';
import { createIntegration, type Integration, mergePayload } from './integration.js';

/**
 * The HTTP Task's request fields (the EventBridge connection is given to `http.invoke`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html
 */
export interface HttpInvokeRequest {
  readonly ApiEndpoint: string;
  readonly Method: HttpMethod;
  /** Some headers (Authorization, Host, Content-Length, x-amz-*, …) are refused with `States.Runtime`. */
  readonly Headers?: Readonly<Record<string, string | readonly string[]>>;
  readonly QueryParameters?: Readonly<Record<string, string | readonly string[]>> | string;
  readonly RequestBody?: unknown;
  readonly Transform?: {
    readonly RequestBodyEncoding?: 'NONE' | 'URL_ENCODED';
    readonly RequestEncodingOptions?: { readonly ArrayFormat?: 'INDICES' | 'REPEAT' | 'COMMAS' | 'BRACKETS' };
  };
}

/** The HTTP Task's result: the response, its body parsed when it is JSON. */
export interface HttpInvokeResult<TBody> {
  readonly Headers: Readonly<Record<string, readonly string[]>>;
  readonly ResponseBody: TBody;
  readonly StatusCode: number;
  readonly StatusText: string;
}

/**
 * The errors an HTTP Task raises: `States.Http.StatusCode.<code>` for a non-2xx answer, `States.Http.Socket` when
 * the call times out (60 s), and `Events.ConnectionResource.*` for problems with the EventBridge connection.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html#connect-http-task-errors
 */
export type HttpError =
  | `States.Http.StatusCode.${number}`
  | 'States.Http.Socket'
  | 'Events.ConnectionResource.InvalidConnectionState'
  | 'Events.ConnectionResource.InvalidPrivateConnectionState'
  | 'Events.ConnectionResource.AccessDenied'
  | 'Events.ConnectionResource.ResourceNotFound'
  | 'Events.ConnectionResource.AuthInProgress'
  | 'Events.ConnectionResource.ConcurrentModification'
  | 'Events.ConnectionResource.InternalError';

/**
 * HTTP Task: calls any HTTPS API through an EventBridge connection (which holds the credentials).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html
 */
export const http = Object.freeze({
  /**
   * `arn:aws:states:::http:invoke`; declare the response body with the task's `output` schema
   * (`result.ResponseBody`).
   * @example
   * task('Charge', { resource: http.invoke('arn:aws:events:us-east-1:123456789012:connection/stripe/1'), parameters: ({ input }) => ({ ApiEndpoint: 'https://api.stripe.com/v1/charges', Method: 'POST', RequestBody: { amount: input.cents } }) })
   * // "Resource": "arn:aws:states:::http:invoke",
   * // "Parameters": { "InvocationConfig": { "ConnectionArn": "arn:…:connection/stripe/1" }, "ApiEndpoint": "https://api.stripe.com/v1/charges", "Method": "POST", "RequestBody": { "amount.$": "$.cents" } }
   */
  invoke(connectionArn: string): Integration<'http-invoke', 'request-response'> {
    return createIntegration(
      'http-invoke',
      'request-response',
      'arn:aws:states:::http:invoke',
      mergePayload({ InvocationConfig: { ConnectionArn: connectionArn } }, 'HTTP Task', [
        'ApiEndpoint',
        'Method',
      ]),
    );
  },
});
