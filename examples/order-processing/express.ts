import { workflow } from '@stepcraft/core';
import { Order } from './schemas.js';
import { orderFlow } from './workflow.js';

/**
 * The same order flow as an Express workflow: the same ASL, deployed with type EXPRESS. Far cheaper at volume (see
 * `express.test.ts` and `stepcraft cost`), but Express runs an execution at least once when started asynchronously:
 * charging a card must then be idempotent (the payment service de-duplicates on the order id).
 */
export const orderProcessingExpress = workflow('OrderProcessingExpress', {
  input: Order,
  comment: 'Receive an order, charge it, reserve the stock',
  timeoutSeconds: 300,
  type: 'EXPRESS',
}).start(orderFlow);
