import { isWorkflow, type Workflow } from '@stepcraft/core';
import type { DiscoveredWorkflow } from './discover.js';
import { loadModule } from './load.js';

/** A workflow value taken from a loaded module, with where it came from. */
export interface LoadedWorkflow {
  readonly file: string;
  readonly exportName: string;
  readonly workflow: Workflow;
}

/**
 * Loads a module and returns the exports that are workflows at run time: the `expected` ones when given
 * (static discovery; an expected export that is not a workflow is reported through `onNotWorkflow`), or every
 * export otherwise.
 */
export async function loadWorkflows(
  file: string,
  expected?: readonly DiscoveredWorkflow[],
  onNotWorkflow?: (exportName: string) => void,
): Promise<LoadedWorkflow[]> {
  const namespace = await loadModule(file);
  const names = expected?.map((found) => found.exportName) ?? Object.keys(namespace).sort();
  const loaded: LoadedWorkflow[] = [];
  for (const exportName of names) {
    const value = namespace[exportName];
    if (isWorkflow(value)) loaded.push({ file, exportName, workflow: value });
    else if (expected !== undefined) onNotWorkflow?.(exportName);
  }
  return loaded;
}
