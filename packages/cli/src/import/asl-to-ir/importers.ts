import type { StateNode } from '@stepcraft/core/ir';
import { importChoice } from './choice.js';
import type { MachineContext } from './context.js';
import { importFail } from './fail.js';
import { importMap } from './map.js';
import { importParallel } from './parallel.js';
import { importPass } from './pass.js';
import type { StateReader } from './state-reader.js';
import { importSucceed } from './succeed.js';
import { importTask } from './task.js';
import { importWait } from './wait.js';

/** The IR kind of each ASL `Type`. */
interface KindOf {
  readonly Task: 'task';
  readonly Pass: 'pass';
  readonly Choice: 'choice';
  readonly Wait: 'wait';
  readonly Succeed: 'succeed';
  readonly Fail: 'fail';
  readonly Parallel: 'parallel';
  readonly Map: 'map';
}

/** An ASL state `Type`. */
export type AslStateType = keyof KindOf;

/** One importer per ASL state type, each returning its kind's node. */
type Importers = {
  readonly [T in AslStateType]: (
    r: StateReader,
    machines: MachineContext,
  ) => Extract<StateNode, { readonly kind: KindOf[T] }>;
};

/** One function per state type; adding a type without its importer fails to compile. */
export const IMPORTERS = Object.freeze({
  Task: importTask,
  Pass: importPass,
  Choice: importChoice,
  Wait: importWait,
  Succeed: importSucceed,
  Fail: importFail,
  Parallel: importParallel,
  Map: importMap,
} satisfies Importers);

/** The types whose states continue with `Next` (or end with `End: true`). */
export const TRANSITIONS: ReadonlySet<string> = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/** Whether `type` is an ASL state type. */
export function isStateType(type: unknown): type is AslStateType {
  return typeof type === 'string' && Object.hasOwn(IMPORTERS, type);
}
