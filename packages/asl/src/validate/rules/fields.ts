import type { StateType } from '../../document.js';
import { has, own } from '../../json-shape.js';
import type { QueryLanguage } from '../../states/common.js';
import { type Ctx, describe, reportAt, type StateVisit } from '../context.js';

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
export const STATE_FIELDS: Readonly<Record<StateType, Readonly<Record<string, FieldLanguage>>>> = {
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

/** Fields of which at most one (or exactly one) may be present. */
const EXCLUSIVE: readonly { type: StateType; fields: readonly string[]; exactlyOne?: true }[] = [
  { type: 'Wait', fields: ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'], exactlyOne: true },
  { type: 'Task', fields: ['TimeoutSeconds', 'TimeoutSecondsPath'] },
  { type: 'Task', fields: ['HeartbeatSeconds', 'HeartbeatSecondsPath'] },
  { type: 'Fail', fields: ['Error', 'ErrorPath'] },
  { type: 'Fail', fields: ['Cause', 'CausePath'] },
  { type: 'Map', fields: ['ItemProcessor', 'Iterator'], exactlyOne: true },
  { type: 'Map', fields: ['ItemSelector', 'Parameters'] },
  { type: 'Map', fields: ['Items', 'ItemsPath'] },
  { type: 'Map', fields: ['MaxConcurrency', 'MaxConcurrencyPath'] },
  { type: 'Map', fields: ['ToleratedFailureCount', 'ToleratedFailureCountPath'] },
  { type: 'Map', fields: ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'] },
];

const REQUIRED: Partial<Record<StateType, readonly string[]>> = {
  Task: ['Resource'],
  Choice: ['Choices'],
  Parallel: ['Branches'],
};

const NONE: readonly string[] = [];

const TRANSITIONING: ReadonlySet<StateType> = new Set(['Task', 'Pass', 'Wait', 'Parallel', 'Map']);

/** Unknown fields, fields of the other query language, required fields, exclusive pairs and Next/End. */
export function checkFields(ctx: Ctx, visit: StateVisit): void {
  const allowed = STATE_FIELDS[visit.type];
  const transitions = TRANSITIONING.has(visit.type);
  // for…in reads the shape's cached key list (no array per state); own keys only, whatever the prototype holds.
  for (const field in visit.state) {
    if (!Object.hasOwn(visit.state, field)) continue;
    const language = Object.hasOwn(allowed, field) ? allowed[field] : undefined;
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
    if (!has(visit.state, field)) {
      reportAt(
        ctx,
        visit,
        'MISSING_FIELD',
        [],
        `${describe(visit)}: a ${visit.type} state requires "${field}".`,
      );
    }
  }
  for (const group of EXCLUSIVE) {
    if (group.type !== visit.type) continue;
    const present = group.fields.filter((field) => has(visit.state, field));
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
    } else if (present.length === 0 && group.exactlyOne) {
      reportAt(
        ctx,
        visit,
        'MISSING_FIELD',
        [],
        `${describe(visit)}: a ${visit.type} state requires one of ${list}.`,
      );
    }
  }
  if (transitions) checkNextOrEnd(ctx, visit);
}

function checkNextOrEnd(ctx: Ctx, visit: StateVisit): void {
  const next = own(visit.state, 'Next');
  const end = own(visit.state, 'End');
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
