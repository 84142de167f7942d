import type { JsonValue } from '@stepcraft/asl';
import type { TaskHandlerContext } from '@stepcraft/runner';
import { MockConfigError } from './errors.js';
import { isJsonObject } from './json.js';
import { type AnyMock, type Mock, mock } from './mocks/mock.js';
import { didYouMean } from './text/suggest.js';

/** One scripted answer of a Step Functions Local mocked response. */
export type MockedAnswer =
  | { readonly kind: 'return'; readonly value: JsonValue }
  | { readonly kind: 'throw'; readonly error: string; readonly cause: string };

/** A checked Step Functions Local mock configuration (`MockConfigFile.json`). */
export interface MockConfig {
  /** State machine → test case → Task state → mocked response name. */
  readonly stateMachines: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, string>>>;
  /** Mocked response name → the answer of each invocation, in order from invocation 0. */
  readonly responses: ReadonlyMap<string, readonly MockedAnswer[]>;
}

/** The most invocations one mocked response may script (a range such as "0-1000000000" would exhaust memory). */
const MAX_INVOCATIONS = 10_000;

const quoted = JSON.stringify;

function objectAt(value: unknown, path: string, what: string): Readonly<Record<string, unknown>> {
  if (!isJsonObject(value)) throw new MockConfigError(`${what} must be a JSON object.`, path);
  return value;
}

/**
 * Reads and checks a Step Functions Local mock configuration: `StateMachines.<name>.TestCases.<case>.<state>`
 * naming entries of `MockedResponses`, each answering invocations `"0"`, `"1-2"`… with `Return` or `Throw`. Every
 * invocation from 0 up to the last one must be answered exactly once. Throws `MockConfigError` at the first fault,
 * with its path.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html
 */
export function readMockConfig(json: unknown): MockConfig {
  const root = objectAt(json, '$', 'A mock configuration');
  const responses = new Map<string, readonly MockedAnswer[]>();
  const rawResponses = objectAt(root.MockedResponses ?? {}, 'MockedResponses', 'MockedResponses');
  for (const name of Object.keys(rawResponses)) {
    responses.set(name, readResponse(rawResponses[name], `MockedResponses.${name}`));
  }
  const stateMachines = new Map<string, ReadonlyMap<string, ReadonlyMap<string, string>>>();
  const rawMachines = objectAt(root.StateMachines ?? {}, 'StateMachines', 'StateMachines');
  for (const machine of Object.keys(rawMachines)) {
    const path = `StateMachines.${machine}`;
    const testCases = objectAt(
      objectAt(rawMachines[machine], path, 'A state machine').TestCases,
      `${path}.TestCases`,
      'TestCases',
    );
    const cases = new Map<string, ReadonlyMap<string, string>>();
    for (const testCase of Object.keys(testCases)) {
      const casePath = `${path}.TestCases.${testCase}`;
      const states = objectAt(testCases[testCase], casePath, 'A test case');
      const mapping = new Map<string, string>();
      for (const state of Object.keys(states)) {
        const response = states[state];
        if (typeof response !== 'string')
          throw new MockConfigError('must name a mocked response (a string).', `${casePath}.${state}`);
        if (!responses.has(response)) {
          throw new MockConfigError(
            `names the mocked response ${quoted(response)}, which MockedResponses does not define.${didYouMean(response, responses.keys())}`,
            `${casePath}.${state}`,
          );
        }
        mapping.set(state, response);
      }
      cases.set(testCase, mapping);
    }
    stateMachines.set(machine, cases);
  }
  return { stateMachines, responses };
}

/** `"3"` or `"1-2"` (inclusive). */
function invocationRange(key: string, path: string): readonly [number, number] {
  const match = /^(\d+)(?:-(\d+))?$/.exec(key);
  if (match === null) {
    throw new MockConfigError(
      `${quoted(key)} is not an invocation number ("0") or an inclusive range ("1-2").`,
      path,
    );
  }
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  if (last < first) throw new MockConfigError(`the range ${quoted(key)} ends before it starts.`, path);
  if (last >= MAX_INVOCATIONS)
    throw new MockConfigError(`invocation ${last} is beyond the ${MAX_INVOCATIONS} a mock may script.`, path);
  return [first, last];
}

function readAnswer(value: unknown, path: string): MockedAnswer {
  const entry = objectAt(value, path, 'An invocation');
  const hasReturn = Object.hasOwn(entry, 'Return');
  const hasThrow = Object.hasOwn(entry, 'Throw');
  if (hasReturn === hasThrow)
    throw new MockConfigError('must hold exactly one field, Return or Throw.', path);
  if (hasReturn) return { kind: 'return', value: entry.Return as JsonValue };
  const thrown = objectAt(entry.Throw, `${path}.Throw`, 'Throw');
  if (typeof thrown.Error !== 'string' || typeof thrown.Cause !== 'string')
    throw new MockConfigError('must hold an Error and a Cause, both strings.', `${path}.Throw`);
  return { kind: 'throw', error: thrown.Error, cause: thrown.Cause };
}

function readResponse(value: unknown, path: string): readonly MockedAnswer[] {
  const invocations = objectAt(value, path, 'A mocked response');
  const answers: (MockedAnswer | undefined)[] = [];
  const keys = Object.keys(invocations);
  if (keys.length === 0) throw new MockConfigError('answers no invocation.', path);
  for (const key of keys) {
    const [first, last] = invocationRange(key, `${path}.${key}`);
    const answer = readAnswer(invocations[key], `${path}.${key}`);
    for (let i = first; i <= last; i++) {
      if (answers[i] !== undefined)
        throw new MockConfigError(`invocation ${i} is answered twice.`, `${path}.${key}`);
      answers[i] = answer;
    }
  }
  // A loop, not indexOf: unanswered invocations are holes of a sparse array, which indexOf skips.
  let missing = -1;
  for (let i = 0; i < answers.length && missing < 0; i++) if (answers[i] === undefined) missing = i;
  if (missing >= 0) {
    throw new MockConfigError(
      `invocation ${missing} has no answer: number invocations from 0 without gaps (every attempt, retries included, needs one).`,
      path,
    );
  }
  return answers as MockedAnswer[];
}

/**
 * How a mocked `Return` becomes a task's answer: it is the service's whole response, so for `lambda:invoke` the
 * function's return value is its `Payload` (the runner builds the Invoke envelope around it), and for a callback
 * task it is what `SendTaskSuccess` sends.
 */
function answerWith(value: JsonValue, context: TaskHandlerContext): JsonValue {
  const isLambdaInvoke = /^arn:[^:]*:states:::lambda:invoke(\.|$)/.test(context.resource);
  if (context.resource.endsWith('.waitForTaskToken') && context.taskToken !== undefined) {
    context.sendTaskSuccess(context.taskToken, value);
    return {};
  }
  if (isLambdaInvoke && isJsonObject(value) && Object.hasOwn(value, 'Payload')) return value.Payload ?? null;
  return value;
}

/**
 * The mocks of one test case of a mock configuration, for `run()`'s `mocks` option: each Task state it names
 * answers its invocations in order, and a call beyond the last scripted invocation stops the run (as Step Functions
 * Local fails the execution). States the test case does not name keep their handlers, as in a "hybrid" test case.
 * @example
 * const config = readMockConfig(JSON.parse(readFileSync('MockConfigFile.json', 'utf8')));
 * await run(definition, input, { mocks: testCaseMocks(config, 'LambdaSQSIntegration', 'RetryPath') });
 */
export function testCaseMocks(config: MockConfig, stateMachine: string, testCase: string): AnyMock[] {
  const cases = config.stateMachines.get(stateMachine);
  if (cases === undefined) {
    throw new MockConfigError(
      `no state machine ${quoted(stateMachine)}.${didYouMean(stateMachine, config.stateMachines.keys())}`,
      'StateMachines',
    );
  }
  const states = cases.get(testCase);
  if (states === undefined) {
    throw new MockConfigError(
      `no test case ${quoted(testCase)}.${didYouMean(testCase, cases.keys())}`,
      `StateMachines.${stateMachine}.TestCases`,
    );
  }
  return [...states].map(([state, response]) => {
    let scripted: Mock = mock(state);
    for (const answer of config.responses.get(response) ?? []) {
      scripted =
        answer.kind === 'throw'
          ? scripted.rejectsOnce(answer.error, answer.cause)
          : scripted.implementsOnce((_input, context) => answerWith(answer.value, context));
    }
    return scripted;
  });
}
