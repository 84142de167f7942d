import type { SucceedState } from '@stepcraft/asl';
import { inputPathOf, jsonataOutput, outputPathOf } from '../evaluation.js';
import type { StateKind } from '../progress.js';

/**
 * Succeed: ends this machine (the execution, a branch or an iteration) with its filtered input.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-succeed.html
 */
export const succeedKind: StateKind<SucceedState> = {
  run(fiber, run, state) {
    const raw = run.input;
    if (run.jsonata)
      return jsonataOutput(fiber, run, state.Output, raw, raw).then((output) => ({
        output,
        next: undefined,
        assigned: undefined,
      }));
    const effective = inputPathOf(fiber, run, state.InputPath, raw);
    const output = outputPathOf(fiber, run, state.OutputPath, effective);
    return { output, next: undefined, assigned: undefined };
  },
};
