import {
  type AslDocument,
  type CompiledWorkflow,
  type Diagnostic,
  formatDiagnostics,
  type JsonValue,
  validate,
  type WorkflowInput,
  type WorkflowOutput,
} from '@stepcraft/asl';
import { Driver } from './driver.js';
import { RunnerUsageError } from './errors.js';
import { copyJson } from './json-value.js';
import { MAX_JSON_DEPTH, MAX_PAYLOAD_BYTES, payloadProblem } from './limits.js';
import { checkOptions } from './options.js';
import { createSnapshot } from './step.js';
import type { ExecutionHandle, ExecutionResult, RunnableWorkflow, RunOptions } from './types.js';

/**
 * Starts a workflow and returns a handle to drive it: answer its callback tasks, move its clock, abort it, read its
 * history as it grows. Typed by a compiled workflow (`input` is its input schema's type, the result's `output` its
 * output); plain ASL documents take and give JSON. Virtual time moves only while the caller awaits the execution
 * (`result`, `waitForTaskToken`, `advance`). Throws a `RunnerUsageError` for bad options; a bad definition or input
 * is a FAILED result.
 * @example
 * const execution = start(compile(approval), { expenseId: 'e-1', amount: 420 });
 * const { token } = await execution.waitForTaskToken(askApproval);
 * execution.sendTaskSuccess(token, { approved: true, approver: 'ada' });
 * const result = await execution.result; // result.output typed as the workflow's output
 */
export function start<TWorkflow extends RunnableWorkflow>(
  workflow: TWorkflow,
  input?: WorkflowInput<TWorkflow>,
  options?: RunOptions,
): ExecutionHandle<WorkflowOutput<TWorkflow>>;
export function start(workflow: RunnableWorkflow, input?: unknown, options?: RunOptions): ExecutionHandle {
  return begin(workflow, input, options);
}

function begin(workflow: RunnableWorkflow, input: unknown = {}, options: RunOptions = {}): ExecutionHandle {
  const wallStart = performance.now();
  const compiled = isCompiled(workflow) ? workflow : undefined;
  const definition: AslDocument = compiled === undefined ? (workflow as AslDocument) : compiled.definition;
  const checked = checkOptions(options, compiled?.type);
  // Copied now: the caller may change its input object once `start` returns. Any depth copies (the walk is
  // iterative); too deep is the payload quota's to say.
  const copied = copyJson(input, Number.POSITIVE_INFINITY);
  const snap = createSnapshot({
    definition,
    settings: checked.settings,
    startMs: checked.startMs,
    seed: checked.seed,
    machineName: checked.stateMachineName ?? compiled?.name ?? 'StateMachine',
    executionName: checked.executionName,
    input: copied.ok ? copied.value : null,
    handlers: compiled?.handlers,
    contracts: compiled?.contracts,
  });
  if (checked.validate) {
    const { diagnostics, errors } = validated(
      definition,
      checked.checkArn,
      checked.settings.stateMachineType,
    );
    if (errors.length > 0)
      return Driver.ended<JsonValue>(snap, checked, wallStart, {
        error: 'Stepcraft.InvalidDefinition',
        cause: formatDiagnostics(errors),
        diagnostics,
      });
  }
  if (!copied.ok)
    return Driver.ended<JsonValue>(snap, checked, wallStart, {
      error: 'Stepcraft.InvalidInput',
      cause: `The execution input is not JSON: ${copied.message}`,
    });
  const problem = payloadProblem(copied.value);
  if (problem !== undefined)
    return Driver.ended<JsonValue>(snap, checked, wallStart, {
      error: 'States.DataLimitExceeded',
      cause: `The execution input ${problem === 'size' ? `exceeds the maximum size of ${MAX_PAYLOAD_BYTES} bytes` : `is nested deeper than ${MAX_JSON_DEPTH} levels`}.`,
    });
  const driver = new Driver<JsonValue>(snap, checked, wallStart);
  driver.start(copied.value);
  return driver;
}

/**
 * Runs a workflow to its end: `start()`, then await the result (so virtual time moves from the start). Never
 * rejects for a bad definition, bad input or a failing workflow: the result says what happened (`status`, `error`,
 * `cause`, `history`). Rejects with a `RunnerUsageError` for bad options. A definition object is treated as
 * immutable once run: its validation and compiled templates are cached per object.
 */
export function run<TWorkflow extends RunnableWorkflow>(
  workflow: TWorkflow,
  input?: WorkflowInput<TWorkflow>,
  options?: RunOptions,
): Promise<ExecutionResult<WorkflowOutput<TWorkflow>>>;
export async function run(
  workflow: RunnableWorkflow,
  input?: unknown,
  options?: RunOptions,
): Promise<ExecutionResult> {
  return begin(workflow, input, options).result;
}

/** Parses execution input text (CLI, files) with a clear error; empty text is `{}`, as AWS takes it. */
export function parseInput(text: string): JsonValue {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as JsonValue;
  } catch (e) {
    throw new RunnerUsageError(
      `Invalid execution input: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`,
    );
  }
}

const isCompiled = (workflow: RunnableWorkflow): workflow is CompiledWorkflow<unknown, unknown> =>
  typeof workflow === 'object' && workflow !== null && 'definition' in workflow;

/** A definition's validation: every finding, and its errors. */
interface Validation {
  readonly diagnostics: readonly Diagnostic[];
  readonly errors: readonly Diagnostic[];
}

/** Validation results per definition object and options: definitions are treated as immutable once run. */
const validations = new WeakMap<object, Map<string, Validation>>();

/** `validate()`, once per definition object (a workflow run many times, e.g. in tests, is checked once). */
function validated(
  definition: AslDocument,
  checkArn: boolean,
  stateMachineType: 'STANDARD' | 'EXPRESS',
): Validation {
  const check = (): Validation => {
    const diagnostics = validate(definition, { checkArn, stateMachineType });
    return { diagnostics, errors: diagnostics.filter((d) => d.severity === 'error') };
  };
  if (typeof definition !== 'object' || definition === null) return check();
  let byOptions = validations.get(definition);
  if (byOptions === undefined) {
    byOptions = new Map();
    validations.set(definition, byOptions);
  }
  const key = `${checkArn}/${stateMachineType}`;
  let validation = byOptions.get(key);
  if (validation === undefined) {
    validation = check();
    byOptions.set(key, validation);
  }
  return validation;
}
