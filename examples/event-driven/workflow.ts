import { dynamodb, eventBridge, fail, http, sqs, succeed, task, workflow } from '@stepcraft/core';
import { announce, callWebhook, recordShipment } from './handlers.js';
import { Notified, Parked, ShipmentEvent } from './schemas.js';

const record = task('RecordShipment', {
  resource: dynamodb.putItem('Shipments'),
  input: ShipmentEvent,
  parameters: ({ input }) => ({
    pk: { S: input.detail.orderId },
    carrier: { S: input.detail.carrier },
    // DynamoDB numbers travel as strings: dynamodb.N converts (a bare { N: ref-to-number } does not compile).
    weightKg: dynamodb.N(input.detail.weightKg),
    items: dynamodb.N(input.detail.items),
    shippedAt: { S: input.time },
    eventId: { S: input.id },
  }),
  handler: (request) => recordShipment(request),
}).resultPath(null);

const deadLetter = task('ParkForRetry', {
  resource: sqs.sendMessage('https://sqs.us-east-1.amazonaws.com/123456789012/shipment-notices-dlq'),
  input: Parked,
  parameters: ({ input }) => ({ event: input.id, orderId: input.detail.orderId, error: input.error.Error }),
  handler: () => ({ MD5OfMessageBody: 'local', MessageId: 'dlq-1' }),
})
  .resultPath(null)
  .next(fail('NoticeParked', { error: 'NoticeParked', cause: 'The customer webhook did not answer' }));

export const notifyCustomer = task('NotifyCustomer', {
  resource: http.invoke('arn:aws:events:us-east-1:123456789012:connection/customer-webhooks/1'),
  input: ShipmentEvent,
  parameters: ({ input }) => ({
    ApiEndpoint: input.detail.webhook,
    Method: 'POST',
    RequestBody: { orderId: input.detail.orderId, carrier: input.detail.carrier, shippedAt: input.time },
  }),
  handler: (request) => callWebhook(request),
  resultSelector: ({ result }) => ({ status: result.StatusCode }),
})
  .resultPath('$.notified')
  .retry({
    errors: ['States.Http.StatusCode.429', 'States.Http.StatusCode.503', 'States.Http.Socket'],
    intervalSeconds: 2,
    maxAttempts: 3,
    backoffRate: 2,
  })
  .catch(['States.ALL'], deadLetter, { resultPath: '$.error' });

const announceShipment = task('AnnounceShipment', {
  resource: eventBridge.putEvents(),
  input: Notified,
  parameters: ({ input }) => ({
    Entries: [
      {
        EventBusName: 'shop',
        Source: 'shop.shipping',
        DetailType: 'ShipmentRecorded',
        Detail: { orderId: input.detail.orderId, carrier: input.detail.carrier },
      },
    ],
  }),
  handler: (request) => announce(request),
}).resultPath(null);

/**
 * Started by an EventBridge rule (see `rule.json`) for every `OrderShipped` event: records the shipment in DynamoDB,
 * calls the customer's webhook (HTTP Task, retried, parked in a queue when it stays down), announces the shipment
 * on the shop's bus. An Express workflow: short, high-volume, and idempotent (the item is keyed by the order id).
 */
export const shipmentEvents = workflow('ShipmentEvents', {
  input: ShipmentEvent,
  type: 'EXPRESS',
  comment: 'Record a shipment event, notify the customer, announce it',
})
  .start(record)
  .next(notifyCustomer)
  .next(announceShipment)
  .next(succeed('Done'));
