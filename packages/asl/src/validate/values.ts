import { isObject, jsonTypeOf, type Obj } from '../json-shape.js';
import { isJsonataString } from '../jsonata.js';
import { isDeployTimeValue } from '../placeholders.js';
import { type Ctx, describe, fieldName, type Pointer, reportAt, type StateVisit } from './context.js';

/** Constraints on a numeric setting. */
export interface NumberRule {
  readonly integer: boolean;
  readonly min: number;
  readonly max?: number;
}

/** Positive integer (TimeoutSeconds, HeartbeatSeconds, …). */
export const POSITIVE_INT: NumberRule = { integer: true, min: 1, max: 99_999_999 };
/** Non-negative integer (Wait Seconds, MaxConcurrency, …). */
export const NON_NEGATIVE_INT: NumberRule = { integer: true, min: 0 };

/**
 * Checks a numeric setting: a number within `rule`, a whole `${Placeholder}`, or (JSONata states) a `{% %}` string.
 * Returns the number when it is a literal.
 */
export function checkNumber(
  ctx: Ctx,
  visit: StateVisit,
  field: Pointer,
  value: unknown,
  rule: NumberRule,
): number | undefined {
  if (isDeployTimeValue(value) || (visit.language === 'JSONata' && isJsonataString(value))) return undefined;
  const name = fieldName(field);
  const range = rangeText(rule);
  if (typeof value !== 'number' || (rule.integer && !Number.isInteger(value))) {
    const also = visit.language === 'JSONata' ? ' or a {% %} expression' : '';
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      field,
      `${describe(visit)}: ${name} must be ${range}${also}, got ${show(value)}.`,
    );
    return undefined;
  }
  if (value < rule.min || (rule.max !== undefined && value > rule.max)) {
    reportAt(
      ctx,
      visit,
      'INVALID_VALUE',
      field,
      `${describe(visit)}: ${name} must be ${range}, got ${value}.`,
    );
    return undefined;
  }
  return value;
}

function rangeText(rule: NumberRule): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  return rule.max === undefined ? `${kind} ≥ ${rule.min}` : `${kind} from ${rule.min} to ${rule.max}`;
}

/** Checks that a value is a string (or a whole placeholder, which is one). */
export function checkString(ctx: Ctx, visit: StateVisit, field: Pointer, value: unknown): boolean {
  if (typeof value === 'string' || isDeployTimeValue(value)) return true;
  const name = fieldName(field);
  reportAt(
    ctx,
    visit,
    'INVALID_TYPE',
    field,
    `${describe(visit)}: ${name} must be a string, got ${show(value)}.`,
  );
  return false;
}

/** Checks that a value is one of `allowed`. */
export function checkEnum(
  ctx: Ctx,
  visit: StateVisit,
  field: Pointer,
  value: unknown,
  allowed: readonly string[],
): void {
  if (typeof value === 'string' && allowed.includes(value)) return;
  if (isDeployTimeValue(value) || (visit.language === 'JSONata' && isJsonataString(value))) return;
  const name = fieldName(field);
  reportAt(
    ctx,
    visit,
    'INVALID_VALUE',
    field,
    `${describe(visit)}: ${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${show(value)}.`,
  );
}

/** A value for messages: short JSON text, or its type when long. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON.stringify would print null; these come only from objects built in code, never from JSON text.
  if (typeof value === 'number' && !Number.isFinite(value)) return `${value} (not a JSON number)`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? jsonTypeOf(value);
  } catch {
    text = jsonTypeOf(value);
  }
  return text.length > 60 ? `${jsonTypeOf(value)} ${text.slice(0, 57)}...` : text;
}

/**
 * The optional object `value` at `field` (its pointer): the object, `undefined` when absent, or `undefined` after
 * reporting that it is not an object.
 */
export function optionalObject(ctx: Ctx, visit: StateVisit, field: Pointer, value: unknown): Obj | undefined {
  if (value === undefined || isObject(value)) return value;
  reportAt(ctx, visit, 'INVALID_TYPE', field, `${describe(visit)}: ${fieldName(field)} must be an object.`);
  return undefined;
}
