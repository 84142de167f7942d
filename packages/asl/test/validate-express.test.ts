import { describe, expect, it } from 'vitest';
import { EXPRESS_UNSUPPORTED, expressUnsupported, validate } from '../src/index.js';

const task = (resource: string) => ({ Type: 'Task', Resource: resource, End: true });
const machine = (states: Record<string, unknown>, startAt = Object.keys(states)[0]) => ({
  StartAt: startAt,
  States: states,
});
const codes = (definition: unknown, type: 'STANDARD' | 'EXPRESS') =>
  validate(definition, { stateMachineType: type }).map((d) => `${d.code} ${d.pointer}`);

/** A Distributed Map whose processor runs `inner` as child executions of type `executionType`. */
const distributed = (executionType: string, inner: unknown) => ({
  Type: 'Map',
  ItemProcessor: {
    ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: executionType },
    StartAt: 'Inner',
    States: { Inner: inner },
  },
  End: true,
});

describe('Express workflows', () => {
  it('classifies resources once for the validator, compile() and the runner', () => {
    expect(expressUnsupported('arn:aws:states:::ecs:runTask.sync')).toBe('sync');
    expect(expressUnsupported('arn:aws:states:::states:startExecution.sync:2')).toBe('sync');
    expect(expressUnsupported('arn:aws:states:::sqs:sendMessage.waitForTaskToken')).toBe('callback');
    expect(expressUnsupported('arn:aws:states:::aws-sdk:s3:getObject.waitForTaskToken')).toBe('callback');
    expect(expressUnsupported('arn:aws:states:us-east-1:123456789012:activity:approve')).toBe('activity');
    expect(expressUnsupported('arn:aws:states:::lambda:invoke')).toBeUndefined();
    expect(expressUnsupported('arn:aws:lambda:us-east-1:123456789012:function:sync')).toBeUndefined();
    expect(EXPRESS_UNSUPPORTED.sync).toBe("the '.sync' service integration");
  });

  it('rejects .sync, .waitForTaskToken and activities anywhere in an Express state machine', () => {
    const definition = machine({
      Branches: {
        Type: 'Parallel',
        Branches: [machine({ Job: task('arn:aws:states:::glue:startJobRun.sync') })],
        Next: 'Each',
      },
      Each: {
        Type: 'Map',
        ItemProcessor: {
          StartAt: 'Ask',
          States: { Ask: task('arn:aws:states:::sqs:sendMessage.waitForTaskToken') },
        },
        Next: 'Work',
      },
      Work: task('arn:aws:states:eu-west-1:123456789012:activity:work'),
    });
    expect(codes(definition, 'EXPRESS')).toEqual([
      'EXPRESS_UNSUPPORTED_RESOURCE /States/Branches/Branches/0/States/Job/Resource',
      'EXPRESS_UNSUPPORTED_RESOURCE /States/Each/ItemProcessor/States/Ask/Resource',
      'EXPRESS_UNSUPPORTED_RESOURCE /States/Work/Resource',
    ]);
    expect(codes(definition, 'STANDARD')).toEqual([]);
  });

  it('says what Express cannot do, and where', () => {
    const [finding] = validate(machine({ Job: task('arn:aws:states:::batch:submitJob.sync') }), {
      stateMachineType: 'EXPRESS',
    });
    expect(finding).toEqual({
      code: 'EXPRESS_UNSUPPORTED_RESOURCE',
      message:
        'State "Job": Express state machines do not support the \'.sync\' service integration; use a Standard workflow or the request-response integration.',
      pointer: '/States/Job/Resource',
      state: 'Job',
      severity: 'error',
      resource: 'arn:aws:states:::batch:submitJob.sync',
    });
  });

  it('applies to the Express child executions of a Distributed Map, even in a Standard workflow', () => {
    const express = machine({
      Fan: distributed('EXPRESS', task('arn:aws:states:::lambda:invoke.waitForTaskToken')),
    });
    const [finding] = validate(express, { stateMachineType: 'STANDARD' });
    expect(finding).toMatchObject({
      code: 'EXPRESS_UNSUPPORTED_RESOURCE',
      pointer: '/States/Fan/ItemProcessor/States/Inner/Resource',
    });
    expect(finding?.message).toContain('Express child workflows of a Distributed Map');
    const standard = machine({ Fan: distributed('STANDARD', task('arn:aws:states:::ecs:runTask.sync')) });
    expect(codes(standard, 'STANDARD')).toEqual([]);
  });

  it('request-response integrations are fine in Express', () => {
    const definition = machine({
      Put: { ...task('arn:aws:states:::dynamodb:putItem'), End: undefined, Next: 'Start' },
      Start: task('arn:aws:states:::states:startExecution'),
    });
    expect(codes(JSON.parse(JSON.stringify(definition)), 'EXPRESS')).toEqual([]);
  });
});
