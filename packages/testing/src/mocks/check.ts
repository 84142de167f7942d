import type { AslDocument } from '@stepcraft/asl';
import { statesOf } from '../definition/states.js';
import { type IntegrationKind, type TaskEntry, tasksOf } from '../definition/tasks.js';
import { UnknownMockKeyError, UnmockedStatesError } from '../errors.js';
import { didYouMean } from '../text/suggest.js';
import type { MockTarget } from './mock.js';

/** A key something answers a task under: a mock's target or a `handlers` option key. */
export interface AnswerKey {
  readonly key: string;
  /** Where it comes from, for messages: `mock(…)`, `mock.lambda(…)`, `handlers`. */
  readonly source: string;
  /** The integration a resource mock is for (undefined for state mocks and handler keys). */
  readonly integration?: IntegrationKind;
  readonly isState: boolean;
}

/** The answer key of a mock target. */
export function keyOfTarget(target: MockTarget): AnswerKey {
  return target.kind === 'state'
    ? { key: target.key, source: 'mock(…)', isState: true }
    : {
        key: target.key,
        source: `mock.${target.integration === 'aws-sdk' ? 'awsSdk' : target.integration}(…)`,
        integration: target.integration,
        isState: false,
      };
}

/**
 * Rejects keys that name no Task state and no resource of the workflow (a typo silently leaves the real handler
 * in place), suggesting the closest name. Resource keys of a kind the workflow computes at run time
 * (`"FunctionName.$"`) cannot be checked and are accepted.
 */
export function checkKeys(definition: AslDocument, workflow: string, keys: readonly AnswerKey[]): void {
  const states = statesOf(definition);
  const tasks = tasksOf(definition);
  const resourceKeys = new Set(tasks.flatMap((t) => t.keys));
  const dynamicKinds = new Set(tasks.filter((t) => t.dynamic).map((t) => t.kind));
  const problems: string[] = [];
  const bad: string[] = [];
  for (const answer of keys) {
    const { key } = answer;
    const state = states.get(key);
    if (state !== undefined) {
      if (state.state.Type !== 'Task') {
        problems.push(
          `${answer.source} ${JSON.stringify(key)} is a ${state.state.Type} state of workflow ${JSON.stringify(workflow)}: only Task states call a resource, so only they can be mocked.`,
        );
        bad.push(key);
      } else if (!answer.isState && answer.integration !== undefined) {
        // A resource mock named like a state is fine only if that string is also a resource key.
        if (!resourceKeys.has(key)) {
          problems.push(
            `${answer.source} ${JSON.stringify(key)} names a state, not a resource: use mock(state) for the state ${JSON.stringify(key)}.`,
          );
          bad.push(key);
        }
      }
      continue;
    }
    if (resourceKeys.has(key)) continue;
    if (answer.integration !== undefined && dynamicKinds.has(answer.integration)) continue;
    if (answer.integration === undefined && !answer.isState && dynamicKinds.size > 0) continue;
    const candidates = answer.isState
      ? tasks.map((t) => t.name)
      : answer.integration === undefined
        ? [...tasks.map((t) => t.name), ...resourceKeys]
        : tasks.filter((t) => t.kind === answer.integration).flatMap((t) => t.keys);
    problems.push(
      `${answer.source} ${JSON.stringify(key)} names no ${answer.isState ? 'Task state' : answer.integration === undefined ? 'Task state or resource' : 'resource'} of workflow ${JSON.stringify(workflow)}.${didYouMean(key, candidates)}`,
    );
    bad.push(key);
  }
  if (problems.length > 0) throw new UnknownMockKeyError(problems.join('\n'), bad);
}

/** A short description of what a task calls: `lambda:invoke "process-payment"`. */
function describeTask(task: TaskEntry): string {
  const shortResource = task.resource.replace(/^arn:[^:]*:states:::/, '');
  const first = task.keys[0];
  const key =
    task.keys.length > 1 && first !== undefined && first !== shortResource ? ` ${JSON.stringify(first)}` : '';
  return `${JSON.stringify(task.name)} (${shortResource}${key}${task.dynamic ? ', computed at run time' : ''})`;
}

/**
 * The Task states nothing answers: no mock or handler by state name, by any of its resource keys, or (for a
 * resource computed at run time) by any resource key of its kind.
 */
export function unmockedTasks(
  definition: AslDocument,
  keys: readonly AnswerKey[],
  builtIn: Readonly<Record<string, unknown>>,
): TaskEntry[] {
  const answered = new Set(keys.map((k) => k.key));
  for (const key of Object.keys(builtIn)) if (typeof builtIn[key] === 'function') answered.add(key);
  const dynamicAnswers = new Set(keys.filter((k) => !k.isState).map((k) => k.integration ?? 'resource'));
  return tasksOf(definition).filter(
    (task) =>
      !answered.has(task.name) &&
      !task.keys.some((key) => answered.has(key)) &&
      !(task.dynamic && (dynamicAnswers.has(task.kind) || dynamicAnswers.has('resource'))),
  );
}

/** Throws `UnmockedStatesError` listing every Task state nothing answers. */
export function assertAllMocked(
  definition: AslDocument,
  workflow: string,
  keys: readonly AnswerKey[],
  builtIn: Readonly<Record<string, unknown>>,
): void {
  const missing = unmockedTasks(definition, keys, builtIn);
  if (missing.length === 0) return;
  const names = missing.map((t) => t.name);
  throw new UnmockedStatesError(
    `${missing.length} Task state${missing.length === 1 ? '' : 's'} of workflow ${JSON.stringify(workflow)} ha${missing.length === 1 ? 's' : 've'} no mock and no handler: ${missing.map(describeTask).join(', ')}. Mock ${missing.length === 1 ? 'it' : 'them'} (mock(state).resolves(…), mock.lambda(name)…), or pass unmocked: 'allow' to let the run fail when it reaches one.`,
    names,
  );
}
