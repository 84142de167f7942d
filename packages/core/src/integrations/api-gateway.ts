import { type CallbackIntegration, createCallbackIntegration, mergePayload } from './integration.js';

/** An HTTP method. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';

/**
 * The `apigateway:invoke` request fields (`ApiEndpoint` is given to `apiGateway.invoke`). Headers and query
 * parameters map a name to a list of values.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html
 */
export interface ApiGatewayInvokeRequest {
  /** `<api-id>.execute-api.<region>.amazonaws.com`. */
  readonly ApiEndpoint: string;
  readonly Method: HttpMethod;
  readonly Stage?: string;
  readonly Path?: string;
  readonly Headers?: Readonly<Record<string, readonly string[]>>;
  readonly QueryParameters?: Readonly<Record<string, readonly string[]>>;
  /** JSON sent as the request body (POST, PUT and PATCH only). */
  readonly RequestBody?: unknown;
  /** Keep `null` values in `RequestBody` (default: dropped). */
  readonly AllowNullValues?: boolean;
  readonly AuthType?: 'NO_AUTH' | 'IAM_ROLE' | 'RESOURCE_POLICY';
}

/** The `apigateway:invoke` result: the response, its body parsed when it is JSON. */
export interface ApiGatewayInvokeResult<TBody> {
  readonly Headers: Readonly<Record<string, readonly string[]>>;
  readonly ResponseBody: TBody;
  readonly StatusCode: number;
  readonly StatusText: string;
}

/**
 * The errors an API Gateway task raises: `ApiGateway.<status code>` for a non-2xx answer (cause: the response
 * body), `ApiGateway.Unknown` otherwise.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html
 */
export type ApiGatewayError = `ApiGateway.${number}` | 'ApiGateway.Unknown';

/**
 * Amazon API Gateway integrations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html
 */
export const apiGateway = Object.freeze({
  /**
   * `arn:aws:states:::apigateway:invoke`: calls a REST or HTTP API; declare the response body with the task's
   * `output` schema (`result.ResponseBody`). `.waitForTaskToken()` waits for the backend to call back.
   * @example
   * task('Approve', { resource: apiGateway.invoke('abc123.execute-api.us-east-1.amazonaws.com'), parameters: ({ input }) => ({ Method: 'POST', Stage: 'prod', Path: 'approvals', RequestBody: { id: input.id } }) })
   * // "Resource": "arn:aws:states:::apigateway:invoke",
   * // "Parameters": { "ApiEndpoint": "abc123.execute-api.us-east-1.amazonaws.com", "Method": "POST", "Stage": "prod", "Path": "approvals", "RequestBody": { "id.$": "$.id" } }
   */
  invoke(apiEndpoint: string): CallbackIntegration<'apigateway-invoke'> {
    return createCallbackIntegration(
      'apigateway-invoke',
      'arn:aws:states:::apigateway:invoke',
      mergePayload({ ApiEndpoint: apiEndpoint }, 'API Gateway invoke', ['Method']),
    );
  },
});
