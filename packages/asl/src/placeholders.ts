import { isObject, setOwn } from './json-shape.js';

// `${Name}`: no nested braces, so the scan is linear.
const PLACEHOLDER = /\$\{([^{}]+)\}/g;
const WHOLE_PLACEHOLDER = /^\$\{[^{}]+\}$/;

/**
 * Whether the whole string is a SAM/CloudFormation substitution placeholder such as `${PaymentFunctionArn}`.
 * An unclosed `${name` is not one.
 */
export function isPlaceholder(value: unknown): value is string {
  // Most strings do not open with `${`: decided without the regex (validation asks this of every path and value).
  return (
    typeof value === 'string' &&
    value.charCodeAt(0) === DOLLAR &&
    value.charCodeAt(1) === OPEN_BRACE &&
    WHOLE_PLACEHOLDER.test(value)
  );
}

const DOLLAR = 0x24;
const OPEN_BRACE = 0x7b;

/**
 * Whether `value` is filled in at deployment: a whole `${Name}` placeholder, or a CloudFormation intrinsic object
 * such as `{"Ref": "Fn"}` or `{"Fn::GetAtt": ["Fn", "Arn"]}` (allowed in a template's object-form `Definition`).
 */
export function isDeployTimeValue(value: unknown): boolean {
  if (isPlaceholder(value)) return true;
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0] as string).startsWith('Fn::'));
}

/** Whether the string holds a placeholder anywhere. */
export function hasPlaceholder(text: string): boolean {
  return text.includes('${') && new RegExp(PLACEHOLDER.source).test(text);
}

/** Replaces every placeholder with a neutral identifier (`x`) so the rest of the text can be checked. */
export function maskPlaceholders(text: string): string {
  return text.includes('${') ? text.replace(PLACEHOLDER, 'x') : text;
}

/**
 * Returns a copy of `document` with `${Name}` placeholders in strings and keys replaced by `substitutions[Name]`,
 * as SAM `DefinitionSubstitutions` and CloudFormation `Fn::Sub` do. Unknown names are left in place.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-stepfunctions-statemachine.html
 */
export function substitutePlaceholders<T>(document: T, substitutions: Readonly<Record<string, string>>): T {
  return substitute(document, substitutions, new Set()) as T;
}

function substitute(
  value: unknown,
  substitutions: Readonly<Record<string, string>>,
  path: Set<unknown>,
): unknown {
  if (typeof value === 'string') {
    if (!value.includes('${')) return value;
    return value.replace(PLACEHOLDER, (whole, name: string) =>
      Object.hasOwn(substitutions, name) ? (substitutions[name] as string) : whole,
    );
  }
  if (typeof value !== 'object' || value === null || path.has(value)) return value;
  path.add(value);
  let copy: unknown;
  if (Array.isArray(value)) {
    copy = value.map((item) => substitute(item, substitutions, path));
  } else if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      setOwn(out, substitute(key, substitutions, path) as string, substitute(item, substitutions, path));
    }
    copy = out;
  }
  path.delete(value);
  return copy;
}
