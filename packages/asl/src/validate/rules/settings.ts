import type { StateType } from '../../document.js';
import { has, isObject, own } from '../../json-shape.js';
import { isJsonataString } from '../../jsonata.js';
import { isDeployTimeValue } from '../../placeholders.js';
import { parseTimestamp } from '../../timestamp.js';
import { type Ctx, describe, reportAt, type StateVisit } from '../context.js';
import {
  checkEnum,
  checkNumber,
  checkString,
  NON_NEGATIVE_INT,
  optionalObject,
  POSITIVE_INT,
  show,
} from '../values.js';
import { checkDistributed } from './distributed.js';

const PROCESSOR_FIELDS = ['ItemProcessor', 'Iterator'] as const;

/**
 * Value types and ranges of the per-type settings (timeouts, Wait, Fail, Map limits, Parallel branches).
 * Paths, templates and JSONata expressions are checked by their own rules.
 */
export function checkSettings(ctx: Ctx, visit: StateVisit): void {
  const { fields } = visit;
  if (fields.Comment !== undefined) checkString(ctx, visit, ['Comment'], fields.Comment);
  if (fields.Default !== undefined) checkString(ctx, visit, ['Default'], fields.Default);
  if (fields.Error !== undefined) checkString(ctx, visit, ['Error'], fields.Error);
  if (fields.Cause !== undefined) checkString(ctx, visit, ['Cause'], fields.Cause);
  if (fields.Label !== undefined) checkString(ctx, visit, ['Label'], fields.Label);
  if (fields.QueryLanguage !== undefined)
    checkEnum(ctx, visit, ['QueryLanguage'], fields.QueryLanguage, ['JSONPath', 'JSONata']);
  // A JSONPath state with Arguments is already reported by the query-language rule.
  const args = visit.language === 'JSONata' ? fields.Arguments : undefined;
  if (args !== undefined && !isObject(args) && !isJsonataString(args) && !isDeployTimeValue(args)) {
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      ['Arguments'],
      `${describe(visit)}: Arguments must be an object or a {% %} expression, got ${show(args)}.`,
    );
  }
  TYPE_CHECKS[visit.type]?.(ctx, visit);
}

function checkChoices(ctx: Ctx, visit: StateVisit): void {
  const choices = visit.fields.Choices;
  if (choices !== undefined && (!Array.isArray(choices) || choices.length === 0)) {
    reportAt(
      ctx,
      visit,
      'INVALID_VALUE',
      ['Choices'],
      `${describe(visit)}: Choices must be a non-empty array of rules.`,
    );
  }
}

function checkTask(ctx: Ctx, visit: StateVisit): void {
  const { fields } = visit;
  const timeout =
    fields.TimeoutSeconds !== undefined
      ? checkNumber(ctx, visit, ['TimeoutSeconds'], fields.TimeoutSeconds, POSITIVE_INT)
      : undefined;
  const heartbeat =
    fields.HeartbeatSeconds !== undefined
      ? checkNumber(ctx, visit, ['HeartbeatSeconds'], fields.HeartbeatSeconds, POSITIVE_INT)
      : undefined;
  if (timeout !== undefined && heartbeat !== undefined && heartbeat >= timeout) {
    reportAt(
      ctx,
      visit,
      'HEARTBEAT_NOT_BELOW_TIMEOUT',
      ['HeartbeatSeconds'],
      `${describe(visit)}: HeartbeatSeconds (${heartbeat}) must be smaller than TimeoutSeconds (${timeout}).`,
    );
  }
  if (fields.Resource !== undefined) checkString(ctx, visit, ['Resource'], fields.Resource);
  if (fields.Credentials !== undefined) checkCredentials(ctx, visit, fields.Credentials);
}

/**
 * Task Credentials: `{"RoleArn": …}`, or `{"RoleArn.$": path}` in JSONPath; a whole `{% %}` string in JSONata.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-access-cross-acct-resources.html
 */
function checkCredentials(ctx: Ctx, visit: StateVisit, credentials: unknown): void {
  if (isDeployTimeValue(credentials) || (visit.language === 'JSONata' && isJsonataString(credentials)))
    return;
  if (!isObject(credentials)) {
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      ['Credentials'],
      `${describe(visit)}: Credentials must be an object such as {"RoleArn": "arn:aws:iam::123456789012:role/Name"}, got ${show(credentials)}.`,
    );
    return;
  }
  for (const key of Object.keys(credentials)) {
    if (key === 'RoleArn') {
      checkString(ctx, visit, ['Credentials', key], credentials[key]);
    } else if (key !== 'RoleArn.$') {
      reportAt(
        ctx,
        visit,
        'UNKNOWN_FIELD',
        ['Credentials', key],
        `${describe(visit)}: Credentials supports only "RoleArn", got "${key}".`,
      );
    } else if (visit.language === 'JSONata') {
      reportAt(
        ctx,
        visit,
        'FIELD_NOT_IN_QUERY_LANGUAGE',
        ['Credentials', key],
        `${describe(visit)}: "RoleArn.$" is a JSONPath form; in JSONata write "RoleArn": "{% … %}".`,
      );
    }
  }
  if (!has(credentials, 'RoleArn') && !has(credentials, 'RoleArn.$')) {
    reportAt(
      ctx,
      visit,
      'MISSING_FIELD',
      ['Credentials'],
      `${describe(visit)}: Credentials requires "RoleArn".`,
    );
  }
}

function checkWait(ctx: Ctx, visit: StateVisit): void {
  const { fields } = visit;
  if (fields.Seconds !== undefined)
    checkNumber(ctx, visit, ['Seconds'], fields.Seconds, { integer: true, min: 0, max: 99_999_999 });
  if (fields.Timestamp !== undefined) {
    const value = fields.Timestamp;
    const dynamic = isDeployTimeValue(value) || (visit.language === 'JSONata' && isJsonataString(value));
    if (!dynamic && (typeof value !== 'string' || parseTimestamp(value) === undefined)) {
      reportAt(
        ctx,
        visit,
        'INVALID_VALUE',
        ['Timestamp'],
        `${describe(visit)}: Timestamp must be an RFC 3339 timestamp such as "2026-01-31T12:00:00Z", got ${show(value)}.`,
      );
    }
  }
}

function checkBranches(ctx: Ctx, visit: StateVisit): void {
  const branches = visit.fields.Branches;
  if (branches === undefined) return;
  if (!Array.isArray(branches) || branches.length === 0) {
    reportAt(
      ctx,
      visit,
      'INVALID_VALUE',
      ['Branches'],
      `${describe(visit)}: Branches must be a non-empty array of {"StartAt", "States"} objects.`,
    );
    return;
  }
  for (const [i, branch] of branches.entries()) {
    if (!isObject(branch)) {
      reportAt(
        ctx,
        visit,
        'INVALID_TYPE',
        ['Branches', i],
        `${describe(visit)}: branch ${i} must be an object with StartAt and States, got ${show(branch)}.`,
      );
    }
  }
}

function checkMap(ctx: Ctx, visit: StateVisit): void {
  const { fields } = visit;
  if (fields.MaxConcurrency !== undefined)
    checkNumber(ctx, visit, ['MaxConcurrency'], fields.MaxConcurrency, NON_NEGATIVE_INT);
  if (fields.ToleratedFailureCount !== undefined) {
    checkNumber(ctx, visit, ['ToleratedFailureCount'], fields.ToleratedFailureCount, NON_NEGATIVE_INT);
  }
  if (fields.ToleratedFailurePercentage !== undefined) {
    checkNumber(ctx, visit, ['ToleratedFailurePercentage'], fields.ToleratedFailurePercentage, {
      integer: false,
      min: 0,
      max: 100,
    });
  }
  const label = fields.Label;
  const problem = typeof label === 'string' ? labelProblem(label) : undefined;
  if (problem !== undefined) {
    reportAt(ctx, visit, 'INVALID_VALUE', ['Label'], `${describe(visit)}: Label ${problem}.`);
  }
  if (fields.ItemsPath !== undefined && typeof fields.ItemsPath !== 'string') {
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      ['ItemsPath'],
      `${describe(visit)}: ItemsPath must be a path string (omit it to use "$").`,
    );
  }
  if (fields.Items !== undefined && !Array.isArray(fields.Items) && !isJsonataString(fields.Items)) {
    reportAt(
      ctx,
      visit,
      'INVALID_TYPE',
      ['Items'],
      `${describe(visit)}: Items must be an array or a {% %} expression.`,
    );
  }
  for (const field of PROCESSOR_FIELDS) {
    const processor = fields[field];
    if (processor === undefined) continue;
    if (!isObject(processor)) {
      reportAt(
        ctx,
        visit,
        'INVALID_TYPE',
        [field],
        `${describe(visit)}: ${field} must be an object with StartAt and States.`,
      );
      continue;
    }
    const config = optionalObject(ctx, visit, [field, 'ProcessorConfig'], own(processor, 'ProcessorConfig'));
    if (config === undefined) continue;
    if (has(config, 'Mode'))
      checkEnum(ctx, visit, [field, 'ProcessorConfig', 'Mode'], config.Mode, ['INLINE', 'DISTRIBUTED']);
    if (has(config, 'ExecutionType')) {
      checkEnum(ctx, visit, [field, 'ProcessorConfig', 'ExecutionType'], config.ExecutionType, [
        'STANDARD',
        'EXPRESS',
      ]);
    } else if (own(config, 'Mode') === 'DISTRIBUTED') {
      // AWS: "You must provide this field if you specified DISTRIBUTED for the Mode sub-field."
      reportAt(
        ctx,
        visit,
        'MISSING_FIELD',
        [field, 'ProcessorConfig'],
        `${describe(visit)}: a DISTRIBUTED ProcessorConfig requires "ExecutionType" ("STANDARD" or "EXPRESS").`,
      );
    }
  }
  checkDistributed(ctx, visit);
}

/** Characters AWS refuses in a Map Label (besides whitespace and control characters). */
const LABEL_FORBIDDEN = new Set('<>{}[]?*"#%\\^|~`$&,;:/');

/**
 * Why a Map Label is refused: AWS wants 1 to 40 characters, none of them whitespace, a bracket, a wildcard, one of
 * `" # % \ ^ | ~ ` $ & , ; : /` or a control character.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html
 */
function labelProblem(label: string): string | undefined {
  const chars = [...label];
  if (chars.length === 0 || chars.length > 40) return `must have 1 to 40 characters, got ${chars.length}`;
  const bad = chars.find((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return LABEL_FORBIDDEN.has(ch) || /\s/u.test(ch) || code <= 0x1f || (code >= 0x7f && code <= 0x9f);
  });
  return bad === undefined ? undefined : `may not contain ${JSON.stringify(bad)}`;
}

/** The checks specific to one state type. */
const TYPE_CHECKS: Partial<Record<StateType, (ctx: Ctx, visit: StateVisit) => void>> = {
  Task: checkTask,
  Wait: checkWait,
  Parallel: checkBranches,
  Map: checkMap,
  Choice: checkChoices,
};
