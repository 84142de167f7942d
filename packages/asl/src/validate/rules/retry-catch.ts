import { has, isObject, type Obj, own } from '../../json-shape.js';
import { type Ctx, describe, type Pointer, reportAt, type StateVisit } from '../context.js';
import { checkEnum, checkNumber, checkString, show } from '../values.js';

const RETRIER_FIELDS = new Set([
  'ErrorEquals',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
  'Comment',
]);
const CATCHER_FIELDS = new Map([
  ['ErrorEquals', 'both'],
  ['Next', 'both'],
  ['ResultPath', 'JSONPath'],
  ['Output', 'JSONata'],
  ['Assign', 'both'],
  ['Comment', 'both'],
]);

/**
 * Retry and Catch: field names, ErrorEquals, retrier ranges, `States.ALL` alone and last.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export function checkRetryCatch(ctx: Ctx, visit: StateVisit): void {
  if (visit.fields.Retry !== undefined) checkList(ctx, visit, 'Retry', visit.fields.Retry);
  if (visit.fields.Catch !== undefined) checkList(ctx, visit, 'Catch', visit.fields.Catch);
}

function checkList(ctx: Ctx, visit: StateVisit, field: 'Retry' | 'Catch', list: unknown): void {
  if (!Array.isArray(list)) {
    reportAt(ctx, visit, 'INVALID_TYPE', [field], `${describe(visit)}: ${field} must be an array.`);
    return;
  }
  for (const [i, entry] of list.entries()) {
    const at = [field, i];
    if (!isObject(entry)) {
      reportAt(
        ctx,
        visit,
        'INVALID_TYPE',
        at,
        `${describe(visit)}: each ${field} entry must be an object, got ${show(entry)}.`,
      );
      continue;
    }
    if (field === 'Retry') checkRetrier(ctx, visit, at, entry);
    else checkCatcher(ctx, visit, at, entry);
    checkErrorEquals(ctx, visit, at, entry, i === list.length - 1);
  }
}

function checkRetrier(ctx: Ctx, visit: StateVisit, at: Pointer, retrier: Obj): void {
  for (const key of Object.keys(retrier)) {
    if (!RETRIER_FIELDS.has(key)) {
      reportAt(
        ctx,
        visit,
        'UNKNOWN_FIELD',
        [...at, key],
        `${describe(visit)}: field "${key}" is not supported in a retrier.`,
      );
    }
  }
  if (has(retrier, 'IntervalSeconds')) {
    checkNumber(ctx, visit, [...at, 'IntervalSeconds'], retrier.IntervalSeconds, {
      integer: true,
      min: 1,
      max: 99_999_999,
    });
  }
  if (has(retrier, 'MaxAttempts')) {
    checkNumber(ctx, visit, [...at, 'MaxAttempts'], retrier.MaxAttempts, {
      integer: true,
      min: 0,
      max: 99_999_999,
    });
  }
  if (has(retrier, 'BackoffRate')) {
    checkNumber(ctx, visit, [...at, 'BackoffRate'], retrier.BackoffRate, { integer: false, min: 1 });
  }
  if (has(retrier, 'MaxDelaySeconds')) {
    checkNumber(ctx, visit, [...at, 'MaxDelaySeconds'], retrier.MaxDelaySeconds, {
      integer: true,
      min: 1,
      max: 31_622_401,
    });
  }
  if (has(retrier, 'JitterStrategy'))
    checkEnum(ctx, visit, [...at, 'JitterStrategy'], retrier.JitterStrategy, ['FULL', 'NONE']);
  if (has(retrier, 'Comment')) checkString(ctx, visit, [...at, 'Comment'], retrier.Comment);
}

function checkCatcher(ctx: Ctx, visit: StateVisit, at: Pointer, catcher: Obj): void {
  for (const key of Object.keys(catcher)) {
    const language = CATCHER_FIELDS.get(key);
    if (language === undefined) {
      reportAt(
        ctx,
        visit,
        'UNKNOWN_FIELD',
        [...at, key],
        `${describe(visit)}: field "${key}" is not supported in a catcher.`,
      );
    } else if (language !== 'both' && language !== visit.language) {
      reportAt(
        ctx,
        visit,
        'FIELD_NOT_IN_QUERY_LANGUAGE',
        [...at, key],
        `${describe(visit)}: catcher field "${key}" is only allowed in ${language} states.`,
      );
    }
  }
  if (!has(catcher, 'Next')) {
    reportAt(ctx, visit, 'MISSING_FIELD', at, `${describe(visit)}: each catcher requires "Next".`);
  } else {
    checkString(ctx, visit, [...at, 'Next'], catcher.Next);
  }
  if (has(catcher, 'Comment')) checkString(ctx, visit, [...at, 'Comment'], catcher.Comment);
}

function checkErrorEquals(ctx: Ctx, visit: StateVisit, at: Pointer, entry: Obj, isLast: boolean): void {
  const errors = own(entry, 'ErrorEquals');
  if (errors === undefined) {
    reportAt(
      ctx,
      visit,
      'MISSING_FIELD',
      at,
      `${describe(visit)}: each retrier and catcher requires "ErrorEquals".`,
    );
    return;
  }
  if (!Array.isArray(errors) || errors.length === 0) {
    reportAt(
      ctx,
      visit,
      'INVALID_VALUE',
      [...at, 'ErrorEquals'],
      `${describe(visit)}: ErrorEquals must be a non-empty array of error names such as ["States.ALL"].`,
    );
    return;
  }
  for (const [i, name] of errors.entries()) {
    if (typeof name !== 'string') {
      reportAt(
        ctx,
        visit,
        'INVALID_TYPE',
        [...at, 'ErrorEquals', i],
        `${describe(visit)}: error names must be strings, got ${show(name)}.`,
      );
    }
  }
  const all = errors.indexOf('States.ALL');
  if (all < 0) return;
  if (errors.length > 1) {
    reportAt(
      ctx,
      visit,
      'STATES_ALL_NOT_ALONE',
      [...at, 'ErrorEquals', all],
      `${describe(visit)}: "States.ALL" must be the only name in its ErrorEquals.`,
    );
  }
  if (!isLast) {
    reportAt(
      ctx,
      visit,
      'STATES_ALL_NOT_LAST',
      [...at, 'ErrorEquals', all],
      `${describe(visit)}: the ${at[0] === 'Retry' ? 'retrier' : 'catcher'} with "States.ALL" must be the last one.`,
    );
  }
}
