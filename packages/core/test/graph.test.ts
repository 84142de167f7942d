import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { choice, compile, lambda, pass, stringifyAsl, succeed, task, workflow } from '../src/index.js';
import { emit } from './helpers.js';

const Counter = z.object({ count: z.number() });
const step = (name: string) =>
  task(name, {
    resource: lambda.invoke(name),
    input: Counter,
    output: Counter,
    resultSelector: lambda.payload,
  });

describe('graph', () => {
  test('a Choice loops back to an earlier state', () => {
    const increment = step('Increment');
    const check = choice('Check', { input: Counter })
      .when(({ input }) => input.count.numericLessThan(3), increment)
      .otherwise(succeed('Done'));
    const doc = emit(workflow('Loop', { input: Counter }).start(increment).next(check));
    expect(Object.keys(doc.States)).toEqual(['Increment', 'Check', 'Done']);
    expect(doc.States.Increment).toMatchObject({ Next: 'Check' });
    expect(doc.States.Check).toMatchObject({ Choices: [{ Next: 'Increment' }], Default: 'Done' });
  });

  test('two branches join into one state', () => {
    const join = step('Join');
    const route = choice('Route', { input: Counter })
      .when(({ input }) => input.count.numericGreaterThan(10), step('Big').next(join))
      .otherwise(step('Small').next(join));
    const doc = emit(workflow('Join', { input: Counter }).start(route));
    expect(doc.States.Big).toMatchObject({ Next: 'Join' });
    expect(doc.States.Small).toMatchObject({ Next: 'Join' });
    expect(doc.States.Join).toMatchObject({ End: true });
  });

  test('a fragment is a reusable value and never mutated by use', () => {
    const fragment = step('A').next(step('B'));
    const first = emit(workflow('One', { input: Counter }).start(fragment));
    const second = emit(workflow('Two', { input: Counter }).start(fragment).next(step('C')));
    expect(first.States.B).toMatchObject({ End: true });
    expect(second.States.B).toMatchObject({ Next: 'C' });
    expect(emit(workflow('One', { input: Counter }).start(fragment))).toEqual(first);
  });

  test('compiling twice gives the same bytes, in conventional key order', () => {
    const wf = workflow('Stable', { input: Counter, comment: 'c', timeoutSeconds: 60 })
      .start(step('A').retry({ errors: ['States.ALL'] }))
      .next(pass('P', { input: Counter, result: { b: 1, a: 2 } }).resultPath('$.x'));
    const a = stringifyAsl(compile(wf).definition);
    expect(stringifyAsl(compile(wf).definition)).toBe(a);
    expect(a).toMatchInlineSnapshot(`
      "{
        "Comment": "c",
        "StartAt": "A",
        "States": {
          "A": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {
              "FunctionName": "A",
              "Payload.$": "$"
            },
            "OutputPath": "$.Payload",
            "Retry": [
              {
                "ErrorEquals": [
                  "States.ALL"
                ]
              }
            ],
            "Next": "P"
          },
          "P": {
            "Type": "Pass",
            "Result": {
              "b": 1,
              "a": 2
            },
            "ResultPath": "$.x",
            "End": true
          }
        },
        "TimeoutSeconds": 60
      }
      "
    `);
  });

  test('contracts and handlers are collected by state name', () => {
    const handler = async (input: { count: number }) => ({ count: input.count + 1 });
    const wf = workflow('W', { input: Counter }).start(
      task('Inc', { resource: lambda.invoke('inc'), input: Counter, output: Counter, handler }),
    );
    const compiled = compile(wf);
    expect(compiled.handlers.Inc).toBe(handler);
    expect(compiled.contracts.Inc).toEqual({ stateInput: Counter, taskInput: Counter, taskResult: Counter });
    expect(compiled.name).toBe('W');
    expect(compiled.type).toBe('STANDARD');
  });
});
