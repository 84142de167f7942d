import { z } from 'zod';

export const Line = z.object({ sku: z.string(), quantity: z.number().int().positive() });

/** The child's input: one order to fulfil. */
export const Fulfilment = z.object({ orderId: z.string(), lines: z.array(Line) });
export type Fulfilment = z.infer<typeof Fulfilment>;

export const Reserved = Fulfilment.extend({ reservation: z.object({ id: z.string() }) });
export type Reserved = z.infer<typeof Reserved>;

/** The child's output. */
export const Shipped = z.object({ orderId: z.string(), trackingId: z.string() });
export type Shipped = z.infer<typeof Shipped>;

/** The parent's input. */
export const Order = Fulfilment.extend({ customerEmail: z.string() });
export type Order = z.infer<typeof Order>;

export const Fulfilled = Order.extend({
  fulfilment: z.object({ trackingId: z.string(), execution: z.string() }),
});

export const FailedOrder = Order.extend({ error: z.object({ Error: z.string(), Cause: z.string() }) });
