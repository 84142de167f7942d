import { readFileSync } from 'node:fs';
import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import {
  MockConfigError,
  MockExhaustedError,
  readMockConfig,
  run,
  testCaseMocks,
  UnmockedStatesError,
} from '../src/index.js';
import '../src/vitest/index.js';

// Both files are AWS's documentation example of Step Functions Local's mocked service integrations.
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'));
const definition = fixture('LambdaSQSIntegration.asl.json') as AslDocument;
const config = readMockConfig(fixture('MockConfigFile.json'));
const input = { greeting: 'hi' };
const sqsAnswer = {
  MD5OfMessageBody: '3bcb6e8e-7h85-4375-b0bc-1a59812c6e51',
  MessageId: '3bcb6e8e-8b51-4375-b0bc-1a59812c6e51',
};

describe("a Step Functions Local mock configuration from AWS's documentation", () => {
  test('HappyPath runs end to end on the mocked responses', async () => {
    const result = await run(definition, input, {
      stateMachineName: 'LambdaSQSIntegration',
      mocks: testCaseMocks(config, 'LambdaSQSIntegration', 'HappyPath'),
    });
    expect(result).toSucceedWith(sqsAnswer);
    expect(result).toHaveVisited(['LambdaState', 'SQSState']);
    // The mocked Invoke response's Payload is what the function returned: the runner wraps it as AWS does.
    const lambda = result.view.visitsOf('LambdaState')[0];
    expect(lambda?.attempts[0]?.input).toEqual({ FunctionName: 'HelloWorldFunction', Payload: input });
    expect(lambda?.output).toMatchObject({
      StatusCode: 200,
      Payload: { StatusCode: 200, body: 'Hello from Lambda!' },
    });
    expect(result.view.visitsOf('SQSState')[0]?.attempts[0]?.input).toMatchObject({
      QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/myQueue',
      MessageBody: { Payload: { body: 'Hello from Lambda!' } },
    });
  });

  test('RetryPath answers invocation 0, then the range 1-2, then 3', async () => {
    const result = await run(definition, input, {
      mocks: testCaseMocks(config, 'LambdaSQSIntegration', 'RetryPath'),
    });
    expect(result).toSucceedWith(sqsAnswer);
    expect(result).toHaveRetried('LambdaState', 3);
    expect(result.view.visitsOf('LambdaState')[0]?.retries).toEqual([
      { error: 'Lambda.ResourceNotReadyException', cause: 'Lambda resource is not ready.', delaySeconds: 2 },
      { error: 'Lambda.TimeoutException', cause: 'Lambda timed out.', delaySeconds: 4 },
      { error: 'Lambda.TimeoutException', cause: 'Lambda timed out.', delaySeconds: 8 },
    ]);
  });

  test('HybridPath leaves SQSState to its handler, and without one says so', async () => {
    const mocks = testCaseMocks(config, 'LambdaSQSIntegration', 'HybridPath');
    await expect(run(definition, input, { mocks })).rejects.toThrow(UnmockedStatesError);
    const result = await run(definition, input, {
      mocks,
      handlers: { SQSState: () => ({ MD5OfMessageBody: 'x', MessageId: 'real' }) },
    });
    expect(result).toSucceedWith({ MD5OfMessageBody: 'x', MessageId: 'real' });
  });

  test('an invocation beyond the scripted ones stops the run, as Step Functions Local fails it', async () => {
    const short = readMockConfig({
      StateMachines: { M: { TestCases: { T: { LambdaState: 'Once' } } } },
      MockedResponses: { Once: { '0': { Throw: { Error: 'Lambda.TimeoutException', Cause: 'slow' } } } },
    });
    await expect(
      run(definition, input, { mocks: testCaseMocks(short, 'M', 'T'), unmocked: 'allow' }),
    ).rejects.toThrow(MockExhaustedError);
  });

  test('unknown state machines and test cases suggest the closest name', () => {
    expect(() => testCaseMocks(config, 'LambdaSQSIntegraton', 'HappyPath')).toThrow(
      new MockConfigError(
        'no state machine "LambdaSQSIntegraton". Did you mean "LambdaSQSIntegration"?',
        'StateMachines',
      ),
    );
    expect(() => testCaseMocks(config, 'LambdaSQSIntegration', 'HapyPath')).toThrow(
      'StateMachines.LambdaSQSIntegration.TestCases: no test case "HapyPath". Did you mean "HappyPath"?',
    );
  });
});

describe('mock configurations that cannot be used', () => {
  const machine = (responses: unknown, states: unknown = { S: 'R' }) => ({
    StateMachines: { M: { TestCases: { T: states } } },
    MockedResponses: responses,
  });

  test.each([
    ['not an object', [], '$: A mock configuration must be a JSON object.'],
    [
      'a bad invocation key',
      machine({ R: { first: { Return: 1 } } }),
      'MockedResponses.R.first: "first" is not an invocation number ("0") or an inclusive range ("1-2").',
    ],
    [
      'a backwards range',
      machine({ R: { '2-1': { Return: 1 } } }),
      'MockedResponses.R.2-1: the range "2-1" ends before it starts.',
    ],
    [
      'overlapping keys',
      machine({ R: { '0-2': { Return: 1 }, '1': { Return: 2 } } }),
      'MockedResponses.R.0-2: invocation 1 is answered twice.',
    ],
    [
      'a gap',
      machine({ R: { '0': { Return: 1 }, '2': { Return: 2 } } }),
      'MockedResponses.R: invocation 1 has no answer: number invocations from 0 without gaps (every attempt, retries included, needs one).',
    ],
    [
      'neither Return nor Throw',
      machine({ R: { '0': {} } }),
      'MockedResponses.R.0: must hold exactly one field, Return or Throw.',
    ],
    [
      'both Return and Throw',
      machine({ R: { '0': { Return: 1, Throw: {} } } }),
      'MockedResponses.R.0: must hold exactly one field, Return or Throw.',
    ],
    [
      'a Throw without Cause',
      machine({ R: { '0': { Throw: { Error: 'E' } } } }),
      'MockedResponses.R.0.Throw: must hold an Error and a Cause, both strings.',
    ],
    [
      'a huge range',
      machine({ R: { '0-99999999': { Return: 1 } } }),
      'MockedResponses.R.0-99999999: invocation 99999999 is beyond the 10000 a mock may script.',
    ],
    [
      'an unknown response',
      machine({ Reply: { '0': { Return: 1 } } }, { S: 'Replay' }),
      'StateMachines.M.TestCases.T.S: names the mocked response "Replay", which MockedResponses does not define. Did you mean "Reply"?',
    ],
    [
      'a response that is not a name',
      machine({ R: { '0': { Return: 1 } } }, { S: 3 }),
      'StateMachines.M.TestCases.T.S: must name a mocked response (a string).',
    ],
  ])('%s', (_, json, message) => {
    expect(() => readMockConfig(json)).toThrow(MockConfigError);
    expect(() => readMockConfig(json)).toThrow(message);
  });
});
