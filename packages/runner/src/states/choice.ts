import {
  type ChoiceRule,
  type ChoiceState,
  isJsonataString,
  type JsonValue,
  jsonataBody,
} from '@stepcraft/asl';
import { evaluateChoiceRule } from '../choice-rules.js';
import { StatesError } from '../errors.js';
import {
  evaluateAssign,
  inputPathOf,
  jsonataOutput,
  jsonPathAssign,
  outputPathOf,
  scopeOf,
} from '../evaluation.js';
import { jsonTypeName } from '../io/json.js';
import { evaluateJsonataExpression } from '../jsonata/evaluate.js';
import type { StateKind } from '../progress.js';
import type { Fiber, StateRun } from '../snapshot.js';
import type { StateOutcome } from '../state-outcome.js';

/**
 * Choice: the first matching rule wins (its `Assign`/`Output` replace the state's), else `Default` (with the
 * state's `Assign`/`Output`), else `States.NoChoiceMatched`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export const choiceKind: StateKind<ChoiceState> = {
  run(fiber, run, state) {
    if (run.jsonata) return runJsonataChoice(fiber, run, state, run.input);
    const effective = inputPathOf(fiber, run, state.InputPath, run.input);
    const scope = scopeOf(fiber, run, effective, 'Choices');
    const matched = state.Choices.find((rule) => evaluateChoiceRule(rule, scope));
    const next = nextOf(run, state, matched);
    const assigned = jsonPathAssign(
      fiber,
      run,
      matched === undefined ? state.Assign : matched.Assign,
      effective,
    );
    return {
      output: outputPathOf(fiber, run, state.OutputPath, effective),
      next,
      assigned,
    };
  },
};

async function runJsonataChoice(
  fiber: Fiber,
  run: StateRun,
  state: ChoiceState,
  raw: JsonValue,
): Promise<StateOutcome> {
  let matched: ChoiceRule | undefined;
  for (const rule of state.Choices) {
    if (await conditionHolds(fiber, run, rule, raw)) {
      matched = rule;
      break;
    }
  }
  const next = nextOf(run, state, matched);
  const assigned = await evaluateAssign(
    fiber,
    run,
    matched === undefined ? state.Assign : matched.Assign,
    raw,
  );
  const output = matched === undefined ? state.Output : matched.Output;
  return { output: await jsonataOutput(fiber, run, output, raw, raw), next, assigned };
}

/** The matched rule's `Next`, else `Default`, else `States.NoChoiceMatched`. */
function nextOf(run: StateRun, state: ChoiceState, matched: ChoiceRule | undefined): string {
  const next = matched?.Next ?? state.Default;
  if (next !== undefined) return next;
  throw new StatesError(
    'States.NoChoiceMatched',
    `No Choice rule matched the input and state '${run.name}' has no Default.`,
  );
}

async function conditionHolds(
  fiber: Fiber,
  run: StateRun,
  rule: ChoiceRule,
  input: JsonValue,
): Promise<boolean> {
  const condition = rule.Condition;
  if (typeof condition === 'boolean') return condition;
  if (condition === undefined) {
    throw new StatesError(
      'States.QueryEvaluationError',
      `A Choice rule of state '${run.name}' has no Condition.`,
    );
  }
  const value = await evaluateJsonataExpression(
    condition,
    scopeOf(fiber, run, input, 'Condition'),
    'Condition',
  );
  if (typeof value === 'boolean') return value;
  // Like every other JSONata message (and AWS's recorded ones for Items), quote the expression without `{% %}`.
  const expression = isJsonataString(condition) ? jsonataBody(condition).trim() : condition;
  throw new StatesError(
    'States.QueryEvaluationError',
    value === undefined
      ? `The JSONata expression '${expression}' specified for the field 'Condition' returned nothing (undefined).`
      : `The JSONata expression '${expression}' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was '${jsonTypeName(value)}' for value: ${JSON.stringify(value)}`,
  );
}
