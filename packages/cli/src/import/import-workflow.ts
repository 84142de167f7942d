import type { AslDocument } from '@stepcraft/asl';
import { createWorkflowNode, type WorkflowNode } from '@stepcraft/core/ir';
import { readWorkflow } from './asl-to-ir/workflow.js';
import { checkDepth } from './depth.js';
import { ImportError } from './errors.js';
import { assertFaithful, build, stateNames } from './faithful.js';
import { modernize } from './modernize.js';
import { isObject } from './source-text.js';

/** Options of `importWorkflow`. */
export interface ImportOptions {
  /** The workflow's name (default: `ImportedWorkflow`). */
  readonly name?: string;
  /** Renames the deprecated Map fields (`Iterator`, `Parameters`) to their current names first. */
  readonly modernize?: boolean;
}

/** A definition read into the IR, and the definition that IR builds: the document itself. */
export interface ImportedWorkflow {
  readonly node: WorkflowNode;
  readonly definition: AslDocument;
}

/**
 * Reads an ASL document into the IR and checks that the IR builds it back exactly (`stringifyAsl` of both is the
 * same text): legacy field names, explicit defaults, the top-level `QueryLanguage` and the order of the states
 * survive, so building imported code is a no-op deploy. The IR keeps the states' order only where core's own
 * would differ. Throws an `ImportError` naming the place otherwise.
 */
export function importWorkflow(document: unknown, options: ImportOptions = {}): ImportedWorkflow {
  if (!isObject(document)) throw new ImportError('not an ASL document: it needs "StartAt" and "States"');
  checkDepth(document);
  const source = options.modernize === true ? modernize(document) : document;
  const { stateOrder, ...rest } = readWorkflow(source, options.name ?? 'ImportedWorkflow');
  let node = createWorkflowNode(rest);
  let definition = build(node);
  const order = stateNames(source);
  const built = stateNames(definition);
  if (order.length !== built.length || order.some((name, i) => built[i] !== name)) {
    node = createWorkflowNode({ ...rest, ...(stateOrder === undefined ? {} : { stateOrder }) });
    definition = build(node);
  }
  assertFaithful(source, definition);
  return { node, definition };
}
