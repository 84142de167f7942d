import { z } from 'zod';

/** An incoming order. `card: "declined"` makes the payment fail (to exercise the failure path). */
export const Order = z.object({
  orderId: z.string(),
  amount: z.number().positive(),
  card: z.string(),
  items: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive() })),
});
export type Order = z.infer<typeof Order>;

export const Payment = z.object({ paymentId: z.string(), status: z.literal('PAID') });
export type Payment = z.infer<typeof Payment>;

export const PaidOrder = Order.extend({ payment: Payment });
export type PaidOrder = z.infer<typeof PaidOrder>;

export const Inventory = z.object({ reserved: z.boolean() });
export type Inventory = z.infer<typeof Inventory>;

/** The workflow's output: the paid order with its stock reserved. */
export const CompletedOrder = PaidOrder.extend({ inventory: Inventory });
export type CompletedOrder = z.infer<typeof CompletedOrder>;

/** The input of the error path: the order plus AWS's Error Output at `$.error`. */
export const FailedOrder = Order.extend({ error: z.object({ Error: z.string(), Cause: z.string() }) });
export type FailedOrder = z.infer<typeof FailedOrder>;

export const Alert = z.object({ subject: z.string(), message: z.string() });
export type Alert = z.infer<typeof Alert>;
