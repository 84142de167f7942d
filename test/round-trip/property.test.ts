import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type JsonObject, type JsonValue, validate } from '@stepcraft/asl';
import { compile } from '@stepcraft/core';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { aslText } from '../../packages/cli/src/import/faithful.js';
import { generateWorkflowSource } from '../../packages/cli/src/import/index.js';
import { loadModule } from '../../packages/cli/src/load.js';
import { generatedDir } from './harness.js';

// Random valid ASL documents: a plan (kinds, variants, rules, nesting) is drawn, then turned into ASL with unique
// state names. Transitions only go forward, so every document is a DAG the builder can express.

type Language = 'JSONPath' | 'JSONata';
const KINDS = ['Pass', 'Task', 'Wait', 'Choice', 'Parallel', 'Map', 'Succeed', 'Fail'] as const;

interface Step {
  readonly kind: (typeof KINDS)[number];
  readonly variant: number;
  readonly retry: boolean;
  readonly catch: boolean;
  readonly assign: boolean;
  readonly rules: readonly JsonObject[];
  readonly nested: readonly Step[][];
}

const field = fc.constantFrom('a', 'b', 'order', 'items', 'count');
const variable = fc
  .tuple(field, fc.option(field, { nil: undefined }))
  .map(([f, g]) => `$.${f}${g ? `.${g}` : ''}`);

// One comparison of every operator family, literal or …Path form.
const comparison: fc.Arbitrary<JsonObject> = fc
  .oneof(
    fc.tuple(
      variable,
      fc.constantFrom('StringEquals', 'StringLessThan', 'StringGreaterThanEquals'),
      fc.string({ maxLength: 5 }),
    ),
    fc.tuple(variable, fc.constant('StringMatches'), fc.constantFrom('a*', 'log-*.txt', 'x')),
    fc.tuple(
      variable,
      fc.constantFrom('NumericEquals', 'NumericLessThan', 'NumericGreaterThanEquals'),
      fc.integer({ min: -5, max: 50 }),
    ),
    fc.tuple(variable, fc.constant('BooleanEquals'), fc.boolean()),
    fc.tuple(
      variable,
      fc.constantFrom('TimestampEquals', 'TimestampLessThan'),
      fc.constant('2024-01-01T00:00:00Z'),
    ),
    fc.tuple(
      variable,
      fc.constantFrom('IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp'),
      fc.boolean(),
    ),
    fc.tuple(
      variable,
      fc.constantFrom('StringEqualsPath', 'NumericLessThanPath', 'TimestampGreaterThanPath'),
      variable,
    ),
  )
  .map(([v, op, operand]) => ({ Variable: v, [op]: operand }) as JsonObject);

const rule: fc.Arbitrary<JsonObject> = fc.letrec<{ rule: JsonObject }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.array(tie('rule'), { minLength: 2, maxLength: 3 }).map((list) => ({ And: list })),
    fc.array(tie('rule'), { minLength: 2, maxLength: 3 }).map((list) => ({ Or: list })),
    tie('rule').map((inner) => ({ Not: inner })),
  ),
})).rule;

const steps = (depth: number): fc.Arbitrary<Step[]> =>
  fc.array(
    fc.record({
      kind: fc.constantFrom(...(depth >= 2 ? KINDS.filter((k) => k !== 'Parallel' && k !== 'Map') : KINDS)),
      variant: fc.nat(3),
      retry: fc.boolean(),
      catch: fc.boolean(),
      assign: fc.boolean(),
      rules: fc.array(rule, { minLength: 1, maxLength: 3 }),
      nested:
        depth >= 2
          ? fc.constant([])
          : fc
              .array(fc.constant(null), { minLength: 1, maxLength: 2 })
              .chain((slots) => fc.tuple(...slots.map(() => steps(depth + 1)))),
    }),
    { minLength: 1, maxLength: 4 },
  );

const document = fc.record({ language: fc.constantFrom<Language>('JSONPath', 'JSONata'), steps: steps(0) });

/** Turns a plan into an ASL document. */
function build(plan: { language: Language; steps: Step[] }): JsonObject {
  let counter = 0;
  const machine = (list: readonly Step[], language: Language): JsonObject => {
    const names = list.map((s) => `${s.kind} ${counter++}`);
    const states: Record<string, JsonValue> = {};
    list.forEach((step, i) => {
      const isLast = i === list.length - 1;
      // Terminal kinds only end a machine; a Choice needs a state after it.
      const kind =
        (!isLast && (step.kind === 'Succeed' || step.kind === 'Fail')) || (isLast && step.kind === 'Choice')
          ? 'Pass'
          : step.kind;
      const name = names[i] as string;
      const next = isLast ? { End: true } : { Next: names[i + 1] as string };
      states[name] = stateOf({ ...step, kind }, language, next, names.at(-1) as string, isLast, machine);
    });
    return { StartAt: names[0] as string, States: states };
  };
  return {
    Comment: 'generated',
    ...(plan.language === 'JSONata' ? { QueryLanguage: 'JSONata' } : {}),
    ...machine(plan.steps, plan.language),
  };
}

function stateOf(
  step: Step,
  language: Language,
  next: JsonObject,
  last: string,
  isLast: boolean,
  machine: (list: readonly Step[], language: Language) => JsonObject,
): JsonObject {
  const jsonata = language === 'JSONata';
  const v = step.variant;
  const errorHandling = {
    ...(step.retry
      ? {
          Retry: [
            { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: v + 1, MaxAttempts: v, BackoffRate: 1.5 },
          ],
        }
      : {}),
    ...(step.catch && !isLast
      ? {
          Catch: [{ ErrorEquals: ['States.ALL'], Next: last, ...(jsonata ? {} : { ResultPath: '$.error' }) }],
        }
      : {}),
  };
  const assign = step.assign ? { Assign: { counter: jsonata ? '{% 1 %}' : 1 } } : {};
  switch (step.kind) {
    case 'Pass':
      return jsonata
        ? { Type: 'Pass', Output: { value: '{% $states.input.a %}' }, ...assign, ...next }
        : v === 0
          ? { Type: 'Pass', Result: { done: true }, ResultPath: '$.pass', ...next }
          : v === 1
            ? { Type: 'Pass', Parameters: { 'id.$': '$.order.id', fixed: 'x' }, ...assign, ...next }
            : { Type: 'Pass', ...next };
    case 'Task':
      return jsonata
        ? {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Arguments: { FunctionName: 'fn', Payload: '{% $states.input %}' },
            Output: '{% $states.result.Payload %}',
            ...errorHandling,
            ...next,
          }
        : v % 2 === 0
          ? {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Parameters: { FunctionName: `fn-${v}`, 'Payload.$': '$' },
              ...(v === 0
                ? { OutputPath: '$.Payload' }
                : { ResultSelector: { 'id.$': '$.Payload.id' }, ResultPath: '$.r' }),
              ...errorHandling,
              ...next,
            }
          : {
              Type: 'Task',
              Resource: 'arn:aws:states:::aws-sdk:s3:getObject',
              Parameters: { Bucket: 'b', 'Key.$': '$.order.key' },
              TimeoutSeconds: 30,
              ...errorHandling,
              ...next,
            };
    case 'Wait':
      return v % 2 === 0 || jsonata
        ? { Type: 'Wait', Seconds: v + 1, ...next }
        : { Type: 'Wait', SecondsPath: '$.count', ...next };
    case 'Choice':
      return {
        Type: 'Choice',
        Choices: step.rules.map((r, i) =>
          jsonata
            ? { Condition: `{% $states.input.count > ${i} %}`, Next: next.Next as string }
            : { ...r, Next: next.Next as string },
        ),
        Default: last,
      };
    case 'Parallel':
      return {
        Type: 'Parallel',
        Branches: step.nested.map((branch) => machine(branch, language)),
        ...(jsonata ? {} : { ResultPath: '$.branches' }),
        ...errorHandling,
        ...next,
      };
    case 'Map':
      return {
        Type: 'Map',
        ...(jsonata ? { Items: '{% $states.input.items %}' } : { ItemsPath: '$.items' }),
        ItemProcessor: machine(step.nested[0] ?? [], language),
        MaxConcurrency: v,
        ...errorHandling,
        ...next,
      };
    case 'Succeed':
      return { Type: 'Succeed' };
    case 'Fail':
      return { Type: 'Fail', Error: 'Generated', Cause: `variant ${v}` };
  }
}

const dir = generatedDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('random valid ASL: validate accepts it, and import → build gives it back exactly', {
  timeout: 90_000,
}, async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(document, async (plan) => {
      const asl = build(plan);
      expect(validate(asl).filter((d) => d.severity === 'error')).toEqual([]);
      const file = path.join(dir, `p${runs++}.ts`);
      writeFileSync(file, generateWorkflowSource(asl, { name: 'Generated' }));
      const module = await loadModule(file);
      const { definition } = compile(module.generated as never);
      // Exactly the document, as `stepcraft build` writes both.
      expect(aslText(definition)).toBe(aslText(asl));
    }),
    { seed: 20261126, numRuns: 100 },
  );
  expect(runs).toBeGreaterThanOrEqual(100);
});
