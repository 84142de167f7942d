import { apiApproval } from './api-approval/workflow.js';
import { etlPipeline } from './etl-pipeline/workflow.js';
import { shipmentEvents } from './event-driven/workflow.js';
import { glueEtl } from './glue-etl/workflow.js';
import { humanApproval } from './human-approval/workflow.js';
import { mlInference } from './ml-inference/workflow.js';
import { mlPipeline } from './ml-pipeline/workflow.js';
import { orderWithFulfilment } from './nested-workflows/workflow.js';
import { orderProcessing } from './order-processing/workflow.js';
import { orderTotal } from './order-total/workflow.js';
import { retryBackoff } from './retry-backoff/workflow.js';

/**
 * Every example workflow, by the folder it lives in: the one list the differential tests, the viewer's layout tests,
 * the cdk app and its tests read, so a new example is covered everywhere (`catalog.test.ts` fails until a new folder
 * with a `workflow.ts` is listed here; the cdk app does not compile until it deploys it).
 */
export const EXAMPLES = {
  'api-approval': apiApproval,
  'etl-pipeline': etlPipeline,
  'event-driven': shipmentEvents,
  'glue-etl': glueEtl,
  'human-approval': humanApproval,
  'ml-inference': mlInference,
  'ml-pipeline': mlPipeline,
  'nested-workflows': orderWithFulfilment,
  'order-processing': orderProcessing,
  'order-total': orderTotal,
  'retry-backoff': retryBackoff,
};

/** An example's folder name. */
export type ExampleName = keyof typeof EXAMPLES;

/** The examples' folder names, in order. */
export const EXAMPLE_NAMES = Object.keys(EXAMPLES) as ExampleName[];
