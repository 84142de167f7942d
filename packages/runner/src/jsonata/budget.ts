import type { Stop } from '../stop.js';
import { viewTarget } from './own-view.js';

/*
 * AWS bounds every JSONata evaluation and fails the state with States.QueryEvaluationError past a bound. Measured
 * with TestState (floci-io/floci#2737, #2697): `[1..873782] ~> $count()` succeeds and `[1..873783]` fails with
 * "Expression evaluation memory limit exceeded", i.e. one value may hold 873,782 × 8 = 6,990,256 bytes (8 bytes a
 * number; a 2^22-character string is accepted, 2^23 refused, so 1 byte a character); a non-tail-recursive
 * evaluation deeper than about 100 fails with "Stack overflow error". The same bounds, kept here with the same
 * texts, are what keeps a hostile expression from taking the process down:
 * - depth: nested evaluations (a runaway non-tail recursion, a 200-term `1+1+…`);
 * - steps: evaluated nodes (jsonata optimises tail calls, so a tail-recursive loop never deepens) — deterministic,
 *   unlike a wall-clock timeout;
 * - memory: the size of each value an expression builds, and (Stepcraft's own bound) the total it builds, so
 *   `[1..100].[1..800000]` cannot grow one sequence out of bounded pieces.
 * The evaluation also yields to the event loop every few thousand steps, so the execution's timeout timer and
 * `abort()` reach it, and it stops when the execution is interrupted.
 */

/** Evaluation steps one expression may take. */
export const JSONATA_STEP_LIMIT = 1_000_000;
/** Nested evaluations AWS allows (measured between 99 and 101). */
export const MAX_EVALUATION_DEPTH = 100;
/** Bytes one value built by an expression may hold (AWS's bound, measured). */
export const MAX_VALUE_BYTES = 6_990_256;
/** Bytes all the values one evaluation builds may hold together (Stepcraft's bound on total work). */
export const MAX_ALLOCATED_BYTES = 16 * MAX_VALUE_BYTES;
/** Steps between two yields to the event loop. */
const YIELD_EVERY = 8192;

/** AWS's causes (after "threw an error during evaluation: "). */
const MEMORY = 'Expression evaluation memory limit exceeded: Check for excessive memory usage';
const DEPTH =
  'Stack overflow error: Check for non-terminating recursive function. Consider rewriting as tail-recursive.';
const STEPS = 'Expression evaluation timeout: Check for infinite loop';

/** A bound of the evaluation was exceeded; the message is the cause AWS gives. */
export class EvaluationLimit extends Error {
  override readonly name = 'EvaluationLimit';
}

/** The budget of one evaluation, bound in its environment under {@link BUDGET}. */
export interface Budget {
  steps: number;
  depth: number;
  allocated: number;
  /** The execution's stop signal: set once it is interrupted (abort, timeout, a failed sibling). */
  readonly stop: Stop | undefined;
}

/** The binding name of the budget: it holds a space, so no JSONata expression can spell it. */
export const BUDGET = 'stepcraft budget';

interface Environment {
  lookup(name: string): unknown;
  /** The budget, cached on the frame after its first lookup (hooks run for every node). */
  [BUDGET_OF]?: Budget | undefined;
}

const BUDGET_OF: unique symbol = Symbol('stepcraft budget of frame');

/** The evaluation's budget: looked up once per jsonata frame, then read from the frame itself. */
function budgetOf(environment: Environment): Budget | undefined {
  if (BUDGET_OF in environment) return environment[BUDGET_OF];
  const budget = environment.lookup(BUDGET) as Budget | undefined;
  environment[BUDGET_OF] = budget;
  return budget;
}

/** jsonata's entry hook, called before each node is evaluated. */
export function enterNode(
  _node: unknown,
  _input: unknown,
  environment: Environment,
): Promise<void> | undefined {
  const budget = environment.lookup(BUDGET) as Budget | undefined;
  if (budget === undefined) return undefined;
  if (++budget.depth > MAX_EVALUATION_DEPTH) throw new EvaluationLimit(DEPTH);
  if (++budget.steps > JSONATA_STEP_LIMIT) throw new EvaluationLimit(STEPS);
  if (budget.stop?.aborted === true) throw new Error('The execution was interrupted.');
  return budget.steps % YIELD_EVERY === 0 ? pause(budget) : undefined;
}

/** jsonata's exit hook, called with each node's value. */
export function exitNode(
  node: { readonly type?: unknown },
  _input: unknown,
  environment: Environment,
  result: unknown,
): void {
  const budget = budgetOf(environment);
  if (budget === undefined) return;
  budget.depth--;
  const bytes = checkValueSize(result);
  if (bytes === 0 || PASSES_ON.has(node.type)) return;
  budget.allocated += bytes;
  if (budget.allocated > MAX_ALLOCATED_BYTES) throw new EvaluationLimit(MEMORY);
}

/**
 * Checks one value against AWS's bound on a value an expression builds (strings 1 byte a character, arrays 8 bytes
 * an item; data views are workflow data, not built) and returns its size, 0 for anything else.
 */
export function checkValueSize(value: unknown): number {
  let bytes: number;
  if (typeof value === 'string') bytes = value.length;
  else if (Array.isArray(value) && viewTarget(value) === undefined) bytes = value.length * 8;
  else return 0;
  if (bytes > MAX_VALUE_BYTES) throw new EvaluationLimit(MEMORY);
  return bytes;
}

/** Node types whose value is an existing one (a read, a literal, a child's value): not counted as built again. */
const PASSES_ON: ReadonlySet<unknown> = new Set([
  'block',
  'condition',
  'variable',
  'name',
  'string',
  'number',
  'value',
  'lambda',
  'bind',
  'regex',
  'parent',
]);

/** Lets timers and aborts run (a long evaluation only ever awaits microtasks), then checks for an interrupt. */
async function pause(budget: Budget): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  // jsonata annotates what is thrown, so the caller turns this back into the stop's reason.
  if (budget.stop?.aborted === true) throw new Error('The execution was interrupted.');
}
