import type { AslDocument, AslState, ChoiceState, JsonObject } from '@stepcraft/asl';
import { run } from '@stepcraft/runner';
import { statesOf } from '../definition/states.js';
import type { PathSegment, StateVisit } from './visits.js';

/** Which rule of a Choice took the execution on: an index into `Choices`, or `Default`. */
export type ChoiceRuleTaken = number | 'Default';

/**
 * The rule a Choice visit took, told by where it went: undefined when it went nowhere (no rule matched and no
 * Default), `'ambiguous'` when several rules lead to that state (then only evaluating them can tell).
 */
export function ruleByTarget(
  choice: ChoiceState,
  next: string | undefined,
): ChoiceRuleTaken | 'ambiguous' | undefined {
  if (next === undefined || !Array.isArray(choice.Choices)) return undefined;
  const rules = choice.Choices.flatMap((rule, i) => (rule.Next === next ? [i] : []));
  if (rules.length === 0) return choice.Default === next ? 'Default' : undefined;
  if (rules.length === 1 && choice.Default !== next) return rules[0];
  return 'ambiguous';
}

const isPrefix = (outer: readonly PathSegment[], inner: readonly PathSegment[]): boolean =>
  outer.length <= inner.length &&
  outer.every((s, i) => s.state === inner[i]?.state && s.index === inner[i]?.index);

/** The variables a visit sees: every assignment made before it in its own fiber and the fibers around it. */
function variablesAt(visit: StateVisit, visits: readonly StateVisit[]): JsonObject {
  const vars: JsonObject = {};
  for (const other of visits) {
    if (other.enteredEventId >= visit.enteredEventId || other.assigned === undefined) continue;
    if (!isPrefix(other.path, visit.path)) continue;
    for (const [name, value] of Object.entries(other.assigned)) {
      Object.defineProperty(vars, name, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return vars;
}

/**
 * Evaluates a Choice again, alone, on the input and variables it had, to tell which of several rules that lead
 * to the same state matched: the rules are rewired to one end state each and the runner picks. The Context
 * Object is the mini-run's own, so a rule reading `$$` may not be told apart (undefined).
 */
export async function evaluateRule(
  definition: AslDocument,
  visit: StateVisit,
  visits: readonly StateVisit[],
): Promise<ChoiceRuleTaken | undefined> {
  const entry = statesOf(definition).get(visit.state);
  if (entry?.state.Type !== 'Choice' || visit.input === undefined) return undefined;
  const choice: ChoiceState = entry.state;
  const vars = variablesAt(visit, visits);
  const prepare = '#variables';
  const restore = '#input';
  const end = (key: string): [string, AslState] => [key, { Type: 'Succeed' }];
  const assign: JsonObject = {};
  for (const name of Object.keys(vars)) assign[`${name}.$`] = `$[${JSON.stringify(name)}]`;
  const probe: AslDocument = {
    StartAt: prepare,
    ...(definition.QueryLanguage === undefined ? {} : { QueryLanguage: definition.QueryLanguage }),
    States: Object.fromEntries([
      [
        prepare,
        {
          Type: 'Pass',
          QueryLanguage: 'JSONPath',
          ...(Object.keys(assign).length === 0 ? {} : { Assign: assign }),
          Next: restore,
        },
      ],
      [restore, { Type: 'Pass', QueryLanguage: 'JSONPath', Result: visit.input, Next: visit.state }],
      [
        visit.state,
        {
          ...choice,
          Choices: choice.Choices.map((rule, i) => ({ ...rule, Next: `#rule${i}` })),
          Default: '#default',
        },
      ],
      ...choice.Choices.map((_, i) => end(`#rule${i}`)),
      end('#default'),
    ]),
  };
  const result = await run(probe, vars, { validate: false });
  const taken = result.history.findLast((e) => e.type === 'SucceedStateEntered')?.stateEnteredEventDetails
    ?.name;
  if (taken === '#default') return 'Default';
  const index = typeof taken === 'string' && taken.startsWith('#rule') ? Number(taken.slice(5)) : Number.NaN;
  return Number.isInteger(index) ? index : undefined;
}
