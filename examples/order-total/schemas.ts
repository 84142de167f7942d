import { z } from 'zod';

/** One order line. A quantity of 0 is refused by `PriceLine` (the failure path). */
export const Line = z.object({
  sku: z.string(),
  quantity: z.number().int().nonnegative(),
  unitPrice: z.number(),
});
export type Line = z.infer<typeof Line>;

/** The incoming order. */
export const Order = z.object({ orderId: z.string(), region: z.string(), lines: z.array(Line).min(1) });
export type Order = z.infer<typeof Order>;

/** The region's pricing, read once and kept in variables. */
export const Pricing = z.object({ taxRate: z.number(), currency: z.string() });
export type Pricing = z.infer<typeof Pricing>;

/** What each Map iteration prices: the line plus the outer `taxRate` variable. */
export const LineJob = z.object({ line: Line, taxRate: z.number() });
export type LineJob = z.infer<typeof LineJob>;

export const PricedLine = z.object({ sku: z.string(), amount: z.number() });
export type PricedLine = z.infer<typeof PricedLine>;

/** The order after pricing: every line's amount at `priced`. */
export const PricedOrder = Order.extend({ priced: z.array(PricedLine) });
export type PricedOrder = z.infer<typeof PricedOrder>;

/** One step of the running total. */
export const AddStep = z.object({ total: z.number(), line: PricedLine });
export type AddStep = z.infer<typeof AddStep>;

export const Running = z.object({ total: z.number() });
export type Running = z.infer<typeof Running>;
