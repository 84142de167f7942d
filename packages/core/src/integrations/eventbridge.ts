import { type CallbackIntegration, createCallbackIntegration, mergePayload } from './integration.js';

/**
 * One event of PutEvents. Step Functions serialises an object `Detail` to JSON for you and adds the execution's and
 * state machine's ARNs to `Resources`.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsRequestEntry.html
 */
export interface PutEventsEntry {
  readonly Detail?: unknown;
  readonly DetailType?: string;
  readonly Source?: string;
  readonly EventBusName?: string;
  readonly Resources?: readonly string[];
  /** An RFC 3339 timestamp. */
  readonly Time?: string;
  readonly TraceHeader?: string;
}

/**
 * The PutEvents request (1 to 10 entries).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html
 */
export interface PutEventsRequest {
  readonly Entries: readonly PutEventsEntry[];
}

/** PutEvents' response: one result per entry, in order. */
export interface PutEventsResult {
  readonly Entries: readonly {
    readonly EventId?: string;
    readonly ErrorCode?: string;
    readonly ErrorMessage?: string;
  }[];
  readonly FailedEntryCount: number;
}

/**
 * The errors an EventBridge task raises: `EventBridge.FailedEntry` when `FailedEntryCount` is not 0 (cause: the
 * PutEvents response), and the API's exceptions.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html
 */
export const EVENTBRIDGE_ERRORS = Object.freeze([
  'EventBridge.FailedEntry',
  'EventBridge.AmazonEventBridgeException',
  'EventBridge.InternalException',
] as const);

/** An error name of the EventBridge integration. */
export type EventBridgeError = (typeof EVENTBRIDGE_ERRORS)[number];

/**
 * Amazon EventBridge integrations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html
 */
export const eventBridge = Object.freeze({
  /**
   * `arn:aws:states:::events:putEvents`: sends events; the payload is the request (`{ Entries: [...] }`).
   * @example
   * task('Announce', { resource: eventBridge.putEvents(), parameters: ({ input }) => ({ Entries: [{ Source: 'orders', DetailType: 'OrderShipped', Detail: { id: input.id } }] }) })
   * // "Resource": "arn:aws:states:::events:putEvents",
   * // "Parameters": { "Entries": [{ "Source": "orders", "DetailType": "OrderShipped", "Detail": { "id.$": "$.id" } }] }
   */
  putEvents(): CallbackIntegration<'events-put-events'> {
    return createCallbackIntegration(
      'events-put-events',
      'arn:aws:states:::events:putEvents',
      mergePayload({}, 'EventBridge PutEvents', ['Entries']),
    );
  },
  /** The error names EventBridge tasks raise. */
  errors: EVENTBRIDGE_ERRORS,
});
