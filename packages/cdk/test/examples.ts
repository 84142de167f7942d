import { etlPipeline } from '../../../examples/etl-pipeline/workflow.js';
import { humanApproval } from '../../../examples/human-approval/workflow.js';
import { mlInference } from '../../../examples/ml-inference/workflow.js';
import { orderProcessing } from '../../../examples/order-processing/workflow.js';
import { orderTotal } from '../../../examples/order-total/workflow.js';
import { retryBackoff } from '../../../examples/retry-backoff/workflow.js';

/** Every example workflow, by name. */
export const EXAMPLES = {
  etlPipeline,
  humanApproval,
  mlInference,
  orderProcessing,
  orderTotal,
  retryBackoff,
};
