import type { ParallelState } from '@stepcraft/asl';
import { abortGroup, startGroup } from '../children.js';
import { beginAttempt } from '../context-object.js';
import { jsonataArguments, jsonPathEffectiveInput, outputWithResult } from '../evaluation.js';
import { type Progress, type StateKind, WAITING } from '../progress.js';

/**
 * Parallel: every branch runs on the same input in its own variable scope; the result is the array of branch
 * outputs in branch order (AWS writes no ParallelStateSucceeded event). The first failing branch aborts the others
 * and its error leaves the state unchanged.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html
 */
export const parallelKind: StateKind<ParallelState> = {
  async run(fiber, run, state): Promise<Progress> {
    const snap = fiber.snap;
    beginAttempt(run, undefined);
    const input = run.jsonata
      ? await jsonataArguments(fiber, run, state.Arguments, run.input)
      : jsonPathEffectiveInput(fiber, run, run.input, state.InputPath, state.Parameters);
    snap.history.emit(fiber, 'ParallelStateStarted');
    const branches = state.Branches;
    const group = startGroup(fiber, run, {
      count: branches.length,
      limit: branches.length,
      isolated: false,
      iterationEvents: false,
      machine: (index) => branches[index] as (typeof branches)[number],
      input: () => input,
    });
    run.work = { kind: 'group', group };
    return WAITING;
  },
  wake(fiber, run, state, wake) {
    if (wake.kind !== 'children') return WAITING;
    if (wake.group.failure !== undefined) throw wake.group.failure;
    return outputWithResult(fiber, run, state, run.input, wake.group.results);
  },
  abort(_fiber, run) {
    if (run.work?.kind === 'group') abortGroup(run.work.group);
  },
  gaveUp(fiber, _run, _state, failure) {
    if (failure.error !== 'States.Runtime') fiber.snap.history.emit(fiber, 'ParallelStateFailed');
  },
};
