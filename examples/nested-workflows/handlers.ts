import type { Fulfilment, Reserved, Shipped } from './schemas.js';

/** Reserves the stock; more than 10 of a SKU is more than the warehouse has. */
export async function reserveStock(order: Fulfilment): Promise<{ id: string }> {
  const short = order.lines.find((line) => line.quantity > 10);
  if (short !== undefined) {
    throw Object.assign(new Error(`Only 10 of ${short.sku} in stock`), { name: 'OutOfStock' });
  }
  return { id: `res-${order.orderId}` };
}

/** Hands the parcel to the carrier. */
export async function shipParcel(order: Reserved): Promise<Shipped> {
  return { orderId: order.orderId, trackingId: `1Z-${order.orderId}` };
}
