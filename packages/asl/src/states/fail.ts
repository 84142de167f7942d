import type { StateBase } from './common.js';

/**
 * Fail: ends the execution (or fails the enclosing branch/iteration) with an error and cause.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 */
export interface FailState extends StateBase {
  readonly Type: 'Fail';
  readonly Error?: string;
  readonly ErrorPath?: string;
  readonly Cause?: string;
  readonly CausePath?: string;
}
