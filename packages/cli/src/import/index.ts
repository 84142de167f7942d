import { type ImportOptions, importWorkflow } from './import-workflow.js';
import { printWorkflow } from './ir-to-ts/generate.js';

export { ImportError } from './errors.js';
export type { ImportedWorkflow, ImportOptions } from './import-workflow.js';
export { importWorkflow } from './import-workflow.js';
export { printWorkflow } from './ir-to-ts/generate.js';

/**
 * ASL → IR → TypeScript: builder code for an ASL document, which builds the document back exactly. Throws an
 * `ImportError` for what it cannot read.
 */
export function generateWorkflowSource(document: unknown, options: ImportOptions = {}): string {
  return printWorkflow(importWorkflow(document, options));
}
