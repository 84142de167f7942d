import { createSucceedNode, type SucceedNode } from '@stepcraft/core/ir';
import { baseFields } from './context.js';
import type { StateReader } from './state-reader.js';
import { filterFields } from './wait.js';

/** A Succeed (JSONPath: its InputPath and OutputPath; a JSONata Succeed's Output stays raw). */
export function importSucceed(r: StateReader): SucceedNode {
  return createSucceedNode({ ...baseFields(r), ...filterFields(r), ...r.raw() });
}
