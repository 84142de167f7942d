export type { ImportOptions } from './generate.js';
export { generateWorkflowSource, ImportError } from './generate.js';
