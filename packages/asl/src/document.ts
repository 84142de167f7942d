import type { ChoiceState } from './states/choice.js';
import type { QueryLanguage } from './states/common.js';
import type { FailState } from './states/fail.js';
import type { MapState } from './states/map.js';
import type { ParallelState } from './states/parallel.js';
import type { PassState } from './states/pass.js';
import type { SucceedState } from './states/succeed.js';
import type { TaskState } from './states/task.js';
import type { WaitState } from './states/wait.js';

/** Any ASL state, discriminated by AWS's `Type`. */
export type AslState =
  | TaskState
  | PassState
  | ChoiceState
  | WaitState
  | SucceedState
  | FailState
  | ParallelState
  | MapState;

/** The eight values of `Type`. */
export type StateType = AslState['Type'];

/** Every `Type` value: {@link StateType} as a runtime list. */
export const STATE_TYPES: readonly StateType[] = [
  'Task',
  'Pass',
  'Choice',
  'Wait',
  'Succeed',
  'Fail',
  'Parallel',
  'Map',
];

/**
 * An Amazon States Language document.
 * @see https://states-language.net/spec.html
 */
export interface AslDocument {
  readonly Comment?: string;
  readonly StartAt: string;
  readonly States: Readonly<Record<string, AslState>>;
  readonly Version?: string;
  readonly TimeoutSeconds?: number;
  readonly QueryLanguage?: QueryLanguage;
}

/** The state of a given `Type`. */
export type StateOfType<TType extends StateType> = Extract<AslState, { Type: TType }>;
