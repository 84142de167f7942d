import type { Alert, FailedOrder, Inventory, Order, PaidOrder, Payment } from './schemas.js';

/** Validates and normalises the order (a real system would persist it). */
export async function receiveOrder(order: Order): Promise<Order> {
  return { ...order, orderId: order.orderId.trim() };
}

/** Charges the card; the card `"declined"` is refused, which the workflow's Catch turns into an alert. */
export async function processPayment(order: Order): Promise<Payment> {
  if (order.card === 'declined') {
    throw Object.assign(new Error(`Card refused for order ${order.orderId}`), { name: 'PaymentDeclined' });
  }
  return { paymentId: `pay-${order.orderId}`, status: 'PAID' };
}

/** Turns the caught error into an alert message. */
export async function handleError(failed: FailedOrder): Promise<Alert> {
  return {
    subject: `Order ${failed.orderId} failed`,
    message: `${failed.error.Error}: ${failed.error.Cause}`,
  };
}

/** Stands in for SNS Publish when run locally. */
export async function sendAlert(): Promise<{ MessageId: string }> {
  return { MessageId: 'local-alert' };
}

/** Reserves stock for every line. */
export async function checkInventory(order: PaidOrder): Promise<Inventory> {
  return { reserved: order.items.every((item) => item.quantity <= 100) };
}
