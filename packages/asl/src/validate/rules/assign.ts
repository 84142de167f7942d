import { isObject, own } from '../../json-shape.js';
import { readIdentifier } from '../../paths/lexer.js';
import { type Ctx, describe, type Pointer, reportAt, type StateVisit } from '../context.js';
import { show } from '../values.js';

const ASSIGN: Pointer = ['Assign'];

/**
 * Assign blocks (state, Choice rules, catchers): an object whose keys are variable names — identifiers of at most
 * 80 characters, not `states` (JSONPath keys may end in `.$`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
export function checkAssign(ctx: Ctx, visit: StateVisit): void {
  const { fields } = visit;
  if (fields.Assign !== undefined) checkBlock(ctx, visit, ASSIGN, fields.Assign);
  if (Array.isArray(fields.Choices)) checkEntries(ctx, visit, 'Choices', fields.Choices);
  if (Array.isArray(fields.Catch)) checkEntries(ctx, visit, 'Catch', fields.Catch);
}

/** The Assign blocks of the Choice rules or catchers. */
function checkEntries(ctx: Ctx, visit: StateVisit, field: 'Choices' | 'Catch', list: unknown[]): void {
  for (const [i, entry] of list.entries()) {
    if (isObject(entry)) checkBlock(ctx, visit, [field, i, 'Assign'], own(entry, 'Assign'));
  }
}

function checkBlock(ctx: Ctx, visit: StateVisit, at: Pointer, block: unknown): void {
  if (block === undefined) return;
  if (!isObject(block)) {
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      at,
      `${describe(visit)}: Assign must be an object of variable names to values, got ${show(block)}.`,
    );
    return;
  }
  for (const key of Object.keys(block)) {
    const name = visit.language === 'JSONPath' && key.endsWith('.$') ? key.slice(0, -2) : key;
    const problem = variableNameProblem(name);
    if (problem !== undefined) {
      reportAt(
        ctx,
        visit,
        'INVALID_VARIABLE_NAME',
        [...at, key],
        `${describe(visit)}: cannot assign ${JSON.stringify(name)}: ${problem}.`,
        { variable: name },
      );
    }
  }
}

/** Why `name` cannot be a variable name, or `undefined` when it can. */
export function variableNameProblem(name: string): string | undefined {
  if (name === 'states') return '"states" is reserved for $states';
  if ([...name].length > 80) return 'variable names have at most 80 characters';
  const identifier = readIdentifier(name, 0);
  if (name === '' || identifier.end !== name.length) {
    return 'a variable name is an identifier (a letter or _, then letters, digits or _), not a path';
  }
  return undefined;
}
