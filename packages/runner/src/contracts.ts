import type { SchemaIssue, StandardSchema, StateContract } from '@stepcraft/asl';
import { describeThrown } from './json-value.js';
import type { Fiber, Snapshot } from './snapshot.js';
import { fatal } from './termination.js';

const WHAT: Record<keyof StateContract, string> = {
  stateInput: 'input',
  stateOutput: 'output',
  taskInput: 'task input',
  taskResult: 'task result',
};

/** The schema declared for `state`'s `kind`, if contracts are on and one exists. */
export function contractFor(
  snap: Snapshot,
  state: string,
  kind: keyof StateContract,
): StandardSchema | undefined {
  if (snap.settings.contracts === 'off' || snap.contracts === undefined) return undefined;
  if (!Object.hasOwn(snap.contracts, state)) return undefined;
  return snap.contracts[state]?.[kind];
}

/** `order.items[0].amount` from a Standard Schema issue path. */
function formatPath(path: SchemaIssue['path']): string {
  let text = '';
  for (const segment of path ?? []) {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment;
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/**
 * Validates `value` against a declared schema. A mismatch fails the execution (`Stepcraft.ContractViolation`)
 * or, with `contracts: 'report'`, is recorded and the run continues.
 */
export async function checkContract(
  fiber: Fiber,
  state: string,
  kind: keyof StateContract,
  schema: StandardSchema,
  value: unknown,
): Promise<void> {
  const snap = fiber.snap;
  let issues: readonly SchemaIssue[] | undefined;
  try {
    issues = (await schema['~standard'].validate(value)).issues;
  } catch (e) {
    issues = [{ message: `the schema threw: ${describeThrown(e)}` }];
  }
  if (issues === undefined || issues.length === 0) return;
  const details = issues
    .map((issue) => {
      const at = formatPath(issue.path);
      return at === '' ? issue.message : `at ${at}: ${issue.message}`;
    })
    .join('; ');
  const separator = details.startsWith('at ') ? ' ' : ': ';
  const message = `State "${state}" ${WHAT[kind]} does not match its declared schema${separator}${details}`;
  snap.violations.push({ state, kind, message, issues });
  if (snap.settings.contracts === 'fail') fatal(snap, 'Stepcraft.ContractViolation', message);
}
