import type { ChoiceRule, ChoiceState, JsonValue } from '@stepcraft/asl';
import { evaluateChoiceRule } from '../choice-rules.js';
import { StatesError } from '../errors.js';
import { evaluateAssign, jsonataOutput, scopeOf } from '../evaluation.js';
import type { Fiber, StateRun } from '../execution.js';
import { applyInputPath, applyOutputPath } from '../io/jsonpath.js';
import { evaluateJsonataExpression } from '../jsonata/evaluate.js';
import type { StateOutcome } from '../state-outcome.js';

/**
 * Choice: the first matching rule wins (its `Assign`/`Output` replace the state's), else `Default` (with the
 * state's `Assign`/`Output`), else `States.NoChoiceMatched`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export async function runChoice(fiber: Fiber, run: StateRun, raw: JsonValue): Promise<StateOutcome> {
  const state = run.state as ChoiceState;
  const effective = run.jsonata
    ? raw
    : applyInputPath(state.InputPath, scopeOf(fiber, run, raw, 'InputPath'));
  let matched: ChoiceRule | undefined;
  for (const rule of state.Choices) {
    if (await ruleMatches(fiber, run, rule, effective)) {
      matched = rule;
      break;
    }
  }
  const next = matched?.Next ?? state.Default;
  if (next === undefined) {
    throw new StatesError(
      'States.NoChoiceMatched',
      `No Choice rule matched the input and state '${run.name}' has no Default.`,
    );
  }
  const assign = matched === undefined ? state.Assign : matched.Assign;
  const assigned = await evaluateAssign(fiber, run, assign, effective);
  if (run.jsonata) {
    const output = matched === undefined ? state.Output : matched.Output;
    return { output: await jsonataOutput(fiber, run, output, raw, raw), next, assigned };
  }
  return {
    output: applyOutputPath(state.OutputPath, scopeOf(fiber, run, effective, 'OutputPath')),
    next,
    assigned,
  };
}

async function ruleMatches(
  fiber: Fiber,
  run: StateRun,
  rule: ChoiceRule,
  input: JsonValue,
): Promise<boolean> {
  if (!run.jsonata) return evaluateChoiceRule(rule, scopeOf(fiber, run, input, 'Choices'));
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
  throw new StatesError(
    'States.QueryEvaluationError',
    value === undefined
      ? `The JSONata expression '${condition}' specified for the field 'Condition' returned nothing (undefined).`
      : `The JSONata expression '${condition}' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was '${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value}' for value: ${JSON.stringify(value)}`,
  );
}
