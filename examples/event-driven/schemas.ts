import { z } from 'zod';

/** What the shop publishes when an order ships: the `detail` of the event. */
export const Shipment = z.object({
  orderId: z.string(),
  carrier: z.string(),
  weightKg: z.number(),
  items: z.number().int(),
  webhook: z.string(),
});
export type Shipment = z.infer<typeof Shipment>;

/**
 * An EventBridge event, as a rule's Step Functions target receives it: the whole envelope is the execution input.
 * @see https://docs.aws.amazon.com/eventbridge/latest/ref/overiew-event-structure.html
 */
export const ShipmentEvent = z.object({
  version: z.string(),
  id: z.string(),
  'detail-type': z.literal('OrderShipped'),
  source: z.literal('shop.orders'),
  account: z.string(),
  time: z.string(),
  region: z.string(),
  resources: z.array(z.string()),
  detail: Shipment,
});
export type ShipmentEvent = z.infer<typeof ShipmentEvent>;

export const Notified = ShipmentEvent.extend({ notified: z.object({ status: z.number() }) });

/** The event with the HTTP Task's Error Output, when the webhook stays down. */
export const Parked = ShipmentEvent.extend({ error: z.object({ Error: z.string(), Cause: z.string() }) });
