import { pointerOf } from '../diagnostic.js';
import { STATE_TYPES, type StateType } from '../document.js';
import { isObject, type Obj, own } from '../json-shape.js';
import type { QueryLanguage } from '../states/common.js';
import { type Ctx, type Pointer, report, reportCycle, type StateVisit, statePointer } from './context.js';
import { addMachine, addState, type DefinitionSize } from './definition-size.js';
import { checkAssign } from './rules/assign.js';
import { checkChoice } from './rules/choice.js';
import { checkExpress } from './rules/express.js';
import { checkFields } from './rules/fields.js';
import { checkGraph, noteTransitions, type Scope } from './rules/graph.js';
import { checkJsonata } from './rules/jsonata.js';
import { checkStatePaths } from './rules/paths.js';
import { checkResource } from './rules/resource.js';
import { checkRetryCatch } from './rules/retry-catch.js';
import { checkSettings } from './rules/settings.js';
import { readStateFields } from './state-fields.js';
import { show } from './values.js';

/** One rule checked on every state. */
type StateRule = (ctx: Ctx, visit: StateVisit) => void;

/** The per-state rules, in the order their diagnostics appear. */
const STATE_RULES: readonly StateRule[] = [
  checkFields,
  checkSettings,
  checkResource,
  checkExpress,
  checkRetryCatch,
  checkChoice,
  checkAssign,
  checkStatePaths,
  checkJsonata,
];

const TOP_LEVEL_FIELDS = new Set([
  'Comment',
  'StartAt',
  'States',
  'Version',
  'TimeoutSeconds',
  'QueryLanguage',
]);
const BRANCH_FIELDS = new Set(['Comment', 'StartAt', 'States']);
const PROCESSOR_FIELDS = new Set(['Comment', 'StartAt', 'States', 'ProcessorConfig']);
const PROCESSOR_KEYS = ['ItemProcessor', 'Iterator'] as const;
const MAX_NAME_LENGTH = 80;

/**
 * Walks the document, every Parallel branch and every Map processor: scope shape, state names, the per-state rules,
 * then the transition graph of each scope (once every name is known, so cross-scope targets can be named).
 */
export function walkDocument(ctx: Ctx, definition: Obj, size?: DefinitionSize): void {
  const walk: Walk = { scopes: [], scopeOf: undefined, walked: 0, ancestors: new Set() };
  walkMachine(
    ctx,
    definition,
    { pointer: [], fields: TOP_LEVEL_FIELDS, child: false, executionType: ctx.stateMachineType, size },
    walk,
  );
  for (const scope of walk.scopes) checkGraph(ctx, scope, walk.scopeOf);
}

interface Walk {
  readonly scopes: Scope[];
  /**
   * The pointer of the machine of each state name met so far. Names within one States object are unique (they are
   * its keys), so the map is made only when a second scope starts, from the states of the first walked by then.
   */
  scopeOf: Map<string, Pointer> | undefined;
  /** How many states of the first scope have been walked (while `scopeOf` is not made yet). */
  walked: number;
  /** The machines being walked: a cyclic object graph must not loop forever. */
  readonly ancestors: Set<unknown>;
}

/** Where a machine sits: its pointer, its allowed fields, and whether it runs as child executions. */
interface MachinePlace {
  readonly pointer: Pointer;
  readonly fields: ReadonlySet<string>;
  /** A Distributed Map processor runs as separate child executions, so it may pick its own QueryLanguage. */
  readonly child: boolean;
  /** The type of the executions its states run in (a Distributed Map's `ExecutionType` for its children). */
  readonly executionType: 'STANDARD' | 'EXPRESS';
  /** Where the top level counts the definition's size as it is read (nested machines are counted whole). */
  readonly size?: DefinitionSize | undefined;
}

function walkMachine(ctx: Ctx, machine: Obj, place: MachinePlace, walk: Walk): void {
  if (walk.ancestors.has(machine)) {
    reportCycle(ctx, place.pointer);
    return;
  }
  walk.ancestors.add(machine);
  walkScope(ctx, machine, place, walk);
  walk.ancestors.delete(machine);
}

function walkScope(ctx: Ctx, machine: Obj, place: MachinePlace, walk: Walk): void {
  const { pointer, fields } = place;
  // Built only when a finding needs it: validation of a clean document should not format pointers.
  const where = () =>
    pointer.length === 0 ? 'The state machine' : `The state machine at ${pointerOf(...pointer)}`;
  const keys = Object.keys(machine);
  const startAt = own(machine, 'StartAt');
  const states = own(machine, 'States');
  // Names listed once per scope (Object.entries would pair every state of a large scope, twice).
  const names = isObject(states) ? Object.keys(states) : [];
  if (place.size !== undefined) addMachine(place.size, machine, keys, names);
  for (const key of keys) {
    if (!fields.has(key)) {
      report(ctx, 'UNKNOWN_FIELD', [...pointer, key], `${where()} has an unsupported field "${key}".`);
    }
  }
  const comment = own(machine, 'Comment');
  if (comment !== undefined && typeof comment !== 'string') {
    report(ctx, 'INVALID_TYPE', [...pointer, 'Comment'], `Comment must be a string, got ${show(comment)}.`);
  }
  // A member set to `undefined` (possible only from JavaScript) is absent, as it is for every other field.
  const missing = ['StartAt', 'States'].filter((field) => own(machine, field) === undefined);
  if (missing.length > 0) {
    report(
      ctx,
      'MISSING_FIELD',
      pointer,
      `${where()} requires ${missing.map((f) => `"${f}"`).join(' and ')}.`,
    );
  }
  if (startAt !== undefined && typeof startAt !== 'string') {
    report(
      ctx,
      'INVALID_TYPE',
      [...pointer, 'StartAt'],
      `StartAt must be the name of a state, got ${show(startAt)}.`,
    );
  }
  if (states === undefined) return;
  if (!isObject(states) || names.length === 0) {
    report(
      ctx,
      'INVALID_TYPE',
      [...pointer, 'States'],
      'States must be a non-empty object of state name to state.',
    );
    return;
  }
  const scope: Scope = { pointer, states, names, startAt, edges: [], terminal: false };
  walk.scopes.push(scope);
  if (walk.scopes.length === 2) walk.scopeOf = namesWalked(walk.scopes[0] as Scope, walk.walked);
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (walk.scopeOf === undefined) walk.walked = i + 1;
    walkState(ctx, name, states[name], i, place, walk, scope);
  }
}

/** The map of state name to machine pointer for the first `walked` states of `scope`. */
function namesWalked(scope: Scope, walked: number): Map<string, Pointer> {
  const scopeOf = new Map<string, Pointer>();
  for (let i = 0; i < walked; i++) scopeOf.set(scope.names[i] as string, scope.pointer);
  return scopeOf;
}

function walkState(
  ctx: Ctx,
  name: string,
  state: unknown,
  index: number,
  place: MachinePlace,
  walk: Walk,
  scope: Scope,
): void {
  if (walk.scopeOf?.has(name)) {
    report(
      ctx,
      'DUPLICATE_STATE_NAME',
      statePointer(place.pointer, name),
      `Duplicate state name ${JSON.stringify(name)}: state names must be unique across the whole state machine, including branches and Map processors.`,
      name,
    );
  } else {
    walk.scopeOf?.set(name, place.pointer);
  }
  // Characters are code points; the UTF-16 length bounds their count, so most names need no split.
  const length = name.length > MAX_NAME_LENGTH ? [...name].length : 0;
  if (length > MAX_NAME_LENGTH) {
    report(
      ctx,
      'STATE_NAME_TOO_LONG',
      statePointer(place.pointer, name),
      `State name ${JSON.stringify(name.slice(0, 40))}… has ${length} characters; the limit is ${MAX_NAME_LENGTH}.`,
      name,
      { length },
    );
  }
  const keys = isObject(state) ? Object.keys(state) : undefined;
  if (place.size !== undefined) addState(place.size, state, keys);
  if (!isObject(state) || keys === undefined) {
    report(
      ctx,
      'INVALID_TYPE',
      statePointer(place.pointer, name),
      `State ${JSON.stringify(name)} must be an object with a Type, got ${show(state)}.`,
      name,
    );
    return;
  }
  const fields = readStateFields(state, keys);
  noteTransitions(scope, index, name, fields);
  const type = fields.Type;
  if (type === undefined) {
    report(
      ctx,
      'MISSING_FIELD',
      statePointer(place.pointer, name),
      `State ${JSON.stringify(name)} requires "Type" (one of ${STATE_TYPES.join(', ')}).`,
      name,
    );
    return;
  }
  if (!STATE_TYPES.includes(type as StateType)) {
    report(
      ctx,
      'INVALID_STATE_TYPE',
      [...statePointer(place.pointer, name), 'Type'],
      `State ${JSON.stringify(name)}: Type must be one of ${STATE_TYPES.join(', ')}, got ${show(type)}.`,
      name,
    );
    return;
  }
  const visit: StateVisit = {
    name,
    state,
    keys,
    fields,
    type: type as StateType,
    language: languageOf(ctx, fields.QueryLanguage),
    machine: place.pointer,
    executionType: place.executionType,
  };
  if (ctx.documentLanguage === 'JSONata' && !place.child && fields.QueryLanguage === 'JSONPath') {
    report(
      ctx,
      'QUERY_LANGUAGE_CONFLICT',
      [...statePointer(place.pointer, name), 'QueryLanguage'],
      `State ${JSON.stringify(name)}: QueryLanguage cannot be "JSONPath" when the whole state machine is JSONata.`,
      name,
    );
  }
  for (let i = 0; i < STATE_RULES.length; i++) (STATE_RULES[i] as StateRule)(ctx, visit);
  walkChildren(ctx, visit, walk);
}

function languageOf(ctx: Ctx, language: unknown): QueryLanguage {
  return language === 'JSONata' || language === 'JSONPath' ? language : ctx.documentLanguage;
}

function walkChildren(ctx: Ctx, visit: StateVisit, walk: Walk): void {
  const branches = visit.fields.Branches;
  if (visit.type === 'Parallel' && Array.isArray(branches)) {
    for (const [i, branch] of branches.entries()) {
      if (isObject(branch)) {
        walkMachine(
          ctx,
          branch,
          {
            pointer: [...statePointer(visit.machine, visit.name), 'Branches', i],
            fields: BRANCH_FIELDS,
            child: false,
            executionType: visit.executionType,
          },
          walk,
        );
      }
    }
  }
  if (visit.type === 'Map') {
    for (const field of PROCESSOR_KEYS) {
      const processor = visit.fields[field];
      if (!isObject(processor)) continue;
      const config = own(processor, 'ProcessorConfig');
      const child = isObject(config) && own(config, 'Mode') === 'DISTRIBUTED';
      const childType = child ? own(config, 'ExecutionType') : undefined;
      walkMachine(
        ctx,
        processor,
        {
          pointer: [...statePointer(visit.machine, visit.name), field],
          fields: PROCESSOR_FIELDS,
          child,
          executionType:
            childType === 'EXPRESS' || childType === 'STANDARD' ? childType : visit.executionType,
        },
        walk,
      );
    }
  }
}
