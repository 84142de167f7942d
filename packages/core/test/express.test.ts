import { validate } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { compile, ecs, glue, lambda, map, stepFunctions, task, workflow } from '../src/index.js';
import { diagnosticsOf } from './helpers.js';

const Job = z.object({ ids: z.array(z.string()) });

describe('Express workflows at compile time', () => {
  test('.sync, .waitForTaskToken and activities fail compile(), with the validator code', () => {
    const etl = task('Etl', { resource: glue.startJobRun('etl').sync(), input: Job });
    expect(diagnosticsOf(() => compile(workflow('W', { type: 'EXPRESS', input: Job }).start(etl)))).toEqual([
      { code: 'EXPRESS_UNSUPPORTED_RESOURCE', pointer: '/States/Etl/Resource', state: 'Etl' },
    ]);
    expect(() => compile(workflow('W', { type: 'EXPRESS', input: Job }).start(etl))).toThrow(
      /State "Etl": Express state machines do not support the '.sync' service integration/,
    );
    const standard = compile(workflow('W', { input: Job }).start(etl));
    expect(validate(standard.definition, { stateMachineType: 'STANDARD' })).toEqual([]);
  });

  test('the children of an Express Distributed Map are Express too, in a Standard workflow', () => {
    const fan = (executionType: 'STANDARD' | 'EXPRESS') =>
      map('Fan', {
        input: Job,
        itemsPath: '$.ids',
        mode: 'distributed',
        executionType,
        processor: task('Render', { resource: ecs.runTask('c', 'td').sync() }),
      });
    expect(diagnosticsOf(() => compile(workflow('W', { input: Job }).start(fan('EXPRESS'))))).toEqual([
      {
        code: 'EXPRESS_UNSUPPORTED_RESOURCE',
        pointer: '/States/Fan/ItemProcessor/States/Render/Resource',
        state: 'Render',
      },
    ]);
    const standard = compile(workflow('W', { input: Job }).start(fan('STANDARD')));
    expect(validate(standard.definition)).toEqual([]);
  });

  test('request-response integrations compile in Express', () => {
    const flow = workflow('W', { type: 'EXPRESS', input: Job })
      .start(task('Call', { resource: lambda.invoke('f'), input: Job }).resultPath(null))
      .next(
        task('Start', {
          resource: stepFunctions.startExecution('arn:aws:states:us-east-1:1:stateMachine:C'),
          parameters: () => ({ Input: {} }),
        }),
      );
    const { definition, type } = compile(flow);
    expect(type).toBe('EXPRESS');
    expect(validate(definition, { stateMachineType: 'EXPRESS' })).toEqual([]);
  });
});
