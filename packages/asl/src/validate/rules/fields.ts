import { STATE_TYPES, type StateType } from '../../document.js';
import type { QueryLanguage } from '../../states/common.js';
import { type Ctx, describe, reportAt, type StateVisit } from '../context.js';
import type { StateFieldName } from '../state-fields.js';

/** Which query language a field belongs to. */
type FieldLanguage = QueryLanguage | 'both';

const BASE = { Type: 'both', Comment: 'both', QueryLanguage: 'both' } as const;
const IO = { InputPath: 'JSONPath', OutputPath: 'JSONPath', Output: 'JSONata' } as const;
const FLOW = { Next: 'both', End: 'both', Assign: 'both' } as const;
const RESULT = { ResultPath: 'JSONPath', ResultSelector: 'JSONPath', Retry: 'both', Catch: 'both' } as const;

/**
 * The fields each state type supports, and in which query language.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/statemachine-structure.html
 */
export const STATE_FIELDS: Readonly<
  Record<StateType, Readonly<Partial<Record<StateFieldName, FieldLanguage>>>>
> = {
  Task: {
    ...BASE,
    ...IO,
    ...FLOW,
    ...RESULT,
    Resource: 'both',
    Parameters: 'JSONPath',
    Arguments: 'JSONata',
    TimeoutSeconds: 'both',
    TimeoutSecondsPath: 'JSONPath',
    HeartbeatSeconds: 'both',
    HeartbeatSecondsPath: 'JSONPath',
    Credentials: 'both',
  },
  Pass: { ...BASE, ...IO, ...FLOW, ResultPath: 'JSONPath', Parameters: 'JSONPath', Result: 'JSONPath' },
  Choice: { ...BASE, ...IO, Assign: 'both', Choices: 'both', Default: 'both' },
  Wait: {
    ...BASE,
    ...IO,
    ...FLOW,
    Seconds: 'both',
    SecondsPath: 'JSONPath',
    Timestamp: 'both',
    TimestampPath: 'JSONPath',
  },
  Succeed: { ...BASE, ...IO },
  Fail: { ...BASE, Error: 'both', ErrorPath: 'JSONPath', Cause: 'both', CausePath: 'JSONPath' },
  Parallel: {
    ...BASE,
    ...IO,
    ...FLOW,
    ...RESULT,
    Branches: 'both',
    Parameters: 'JSONPath',
    Arguments: 'JSONata',
  },
  Map: {
    ...BASE,
    ...IO,
    ...FLOW,
    ...RESULT,
    ItemProcessor: 'both',
    Iterator: 'JSONPath',
    ItemsPath: 'JSONPath',
    Items: 'JSONata',
    ItemSelector: 'both',
    Parameters: 'JSONPath',
    ItemReader: 'both',
    ItemBatcher: 'both',
    ResultWriter: 'both',
    MaxConcurrency: 'both',
    MaxConcurrencyPath: 'JSONPath',
    ToleratedFailurePercentage: 'both',
    ToleratedFailurePercentagePath: 'JSONPath',
    ToleratedFailureCount: 'both',
    ToleratedFailureCountPath: 'JSONPath',
    Label: 'both',
  },
};

/** {@link STATE_FIELDS} as maps, each looked up once per key of a state. */
const ALLOWED: ReadonlyMap<StateType, ReadonlyMap<string, FieldLanguage>> = new Map(
  STATE_TYPES.map((type) => [type, new Map(Object.entries(STATE_FIELDS[type]))]),
);
const NO_FIELDS: ReadonlyMap<string, FieldLanguage> = new Map();

/** Fields of which at most one (or exactly one) may be present, per state type. */
interface ExclusiveGroup {
  readonly fields: readonly StateFieldName[];
  readonly exactlyOne?: true;
}

const EXCLUSIVE: Partial<Record<StateType, readonly ExclusiveGroup[]>> = {
  Wait: [{ fields: ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'], exactlyOne: true }],
  Task: [
    { fields: ['TimeoutSeconds', 'TimeoutSecondsPath'] },
    { fields: ['HeartbeatSeconds', 'HeartbeatSecondsPath'] },
  ],
  Fail: [{ fields: ['Error', 'ErrorPath'] }, { fields: ['Cause', 'CausePath'] }],
  Map: [
    { fields: ['ItemProcessor', 'Iterator'], exactlyOne: true },
    { fields: ['ItemSelector', 'Parameters'] },
    { fields: ['Items', 'ItemsPath'] },
    { fields: ['MaxConcurrency', 'MaxConcurrencyPath'] },
    { fields: ['ToleratedFailureCount', 'ToleratedFailureCountPath'] },
    { fields: ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'] },
  ],
};

const REQUIRED: Partial<Record<StateType, readonly StateFieldName[]>> = {
  Task: ['Resource'],
  Choice: ['Choices'],
  Parallel: ['Branches'],
};

const NONE: readonly StateFieldName[] = [];
const NO_GROUPS: readonly ExclusiveGroup[] = [];

const TRANSITIONING: ReadonlySet<StateType> = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/** Unknown fields, fields of the other query language, required fields, exclusive pairs and Next/End. */
export function checkFields(ctx: Ctx, visit: StateVisit): void {
  const allowed = ALLOWED.get(visit.type) ?? NO_FIELDS;
  const transitions = TRANSITIONING.has(visit.type);
  for (const field of visit.keys) {
    const language = allowed.get(field);
    if (!transitions && (field === 'Next' || field === 'End')) {
      reportAt(
        ctx,
        visit,
        'TRANSITION_NOT_ALLOWED',
        [field],
        `${describe(visit)}: a ${visit.type} state cannot have ${field}${visit.type === 'Choice' ? '; put Next in each rule of Choices and use Default' : ' (it ends its scope)'}.`,
      );
    } else if (language === undefined) {
      reportAt(
        ctx,
        visit,
        'UNKNOWN_FIELD',
        [field],
        `${describe(visit)}: field "${field}" is not supported in a ${visit.type} state.`,
      );
    } else if (language !== 'both' && language !== visit.language) {
      reportAt(
        ctx,
        visit,
        'FIELD_NOT_IN_QUERY_LANGUAGE',
        [field],
        `${describe(visit)}: field "${field}" is only allowed in ${language} states, and this state uses ${visit.language}${hint(field, visit.language)}.`,
      );
    }
  }
  for (const field of REQUIRED[visit.type] ?? NONE) {
    if (visit.fields[field] === undefined) {
      reportAt(
        ctx,
        visit,
        'MISSING_FIELD',
        [],
        `${describe(visit)}: a ${visit.type} state requires "${field}".`,
      );
    }
  }
  for (const group of EXCLUSIVE[visit.type] ?? NO_GROUPS) checkExclusive(ctx, visit, group);
  if (transitions) checkNextOrEnd(ctx, visit);
}

function checkExclusive(ctx: Ctx, visit: StateVisit, group: ExclusiveGroup): void {
  let count = 0;
  for (const field of group.fields) if (visit.fields[field] !== undefined) count++;
  if (count === 1 || (count === 0 && !group.exactlyOne)) return;
  const present = group.fields.filter((field) => visit.fields[field] !== undefined);
  const list = group.fields.map((f) => `"${f}"`).join(', ');
  if (present.length > 1) {
    reportAt(
      ctx,
      visit,
      'EXCLUSIVE_FIELDS',
      [present[1] as string],
      `${describe(visit)}: use only one of ${list} (found ${present.map((f) => `"${f}"`).join(' and ')}).`,
      { fields: present },
    );
  } else {
    reportAt(
      ctx,
      visit,
      'MISSING_FIELD',
      [],
      `${describe(visit)}: a ${visit.type} state requires one of ${list}.`,
    );
  }
}

function checkNextOrEnd(ctx: Ctx, visit: StateVisit): void {
  const { Next: next, End: end } = visit.fields;
  if (end !== undefined && typeof end !== 'boolean') {
    reportAt(ctx, visit, 'INVALID_TYPE', ['End'], `${describe(visit)}: End must be true or false.`);
  }
  if (next !== undefined && typeof next !== 'string') {
    reportAt(ctx, visit, 'INVALID_TYPE', ['Next'], `${describe(visit)}: Next must be the name of a state.`);
  }
  if (next !== undefined && end === true) {
    reportAt(
      ctx,
      visit,
      'NEXT_AND_END',
      ['End'],
      `${describe(visit)} has both Next and "End": true: keep only one.`,
    );
  } else if (next === undefined && end !== true) {
    reportAt(
      ctx,
      visit,
      'MISSING_TRANSITION',
      [],
      `${describe(visit)} has neither Next nor End: add "Next": "<state>" or "End": true.`,
    );
  }
}

const JSONATA_EQUIVALENT: ReadonlyMap<string, string> = new Map([
  ['Parameters', 'Arguments'],
  ['InputPath', 'Arguments'],
  ['ResultSelector', 'Output'],
  ['ResultPath', 'Output or Assign'],
  ['OutputPath', 'Output'],
  ['ItemsPath', 'Items'],
  ['Result', 'Output'],
]);

function hint(field: string, language: QueryLanguage): string {
  if (language === 'JSONata') {
    const instead =
      JSONATA_EQUIVALENT.get(field) ?? (field.endsWith('Path') ? field.slice(0, -4) : undefined);
    return instead === undefined ? '' : ` (use ${instead} with a {% %} expression)`;
  }
  return ' (set "QueryLanguage": "JSONata" on the state or the document)';
}
