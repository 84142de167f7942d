import type { AttributeValue, HttpInvokeResult, PutEventsResult } from '@stepcraft/core';
import { StatesError } from '@stepcraft/runner';

/** Stands in for DynamoDB when run locally: keeps the items written, in attribute-value form. */
export const shipments = new Map<string, Readonly<Record<string, AttributeValue>>>();

export async function recordShipment(request: {
  readonly Item: Readonly<Record<string, AttributeValue>>;
}): Promise<Record<string, never>> {
  const key = request.Item.pk;
  if (key === undefined || !('S' in key)) throw new Error('The item has no string key');
  shipments.set(key.S, request.Item);
  return {};
}

/** Stands in for the customer's webhook: an endpoint containing `down` answers 503, as a busy server would. */
export async function callWebhook(request: {
  readonly ApiEndpoint: string;
}): Promise<HttpInvokeResult<unknown>> {
  if (request.ApiEndpoint.includes('down')) {
    throw new StatesError('States.Http.StatusCode.503', '{"message":"Service Unavailable"}');
  }
  return { Headers: {}, ResponseBody: { received: true }, StatusCode: 200, StatusText: 'OK' };
}

/** Stands in for EventBridge: every entry accepted. */
export async function announce(request: { readonly Entries: readonly unknown[] }): Promise<PutEventsResult> {
  return { Entries: request.Entries.map((_, i) => ({ EventId: `event-${i + 1}` })), FailedEntryCount: 0 };
}
