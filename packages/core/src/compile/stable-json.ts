import type { AslDocument } from '@stepcraft/asl';
import { defineKey } from './define-key.js';

// Conventional ASL key orders. Keys not listed keep their order, after the listed ones (Next/End always last).
const DOCUMENT_KEYS = ['Comment', 'QueryLanguage', 'StartAt', 'States', 'TimeoutSeconds', 'Version'];
const SUB_MACHINE_KEYS = ['Comment', 'ProcessorConfig', 'StartAt', 'States'];
const STATE_KEYS = [
  'Type',
  'Comment',
  'QueryLanguage',
  'Resource',
  'InputPath',
  'ItemsPath',
  'Items',
  'ItemReader',
  'ItemSelector',
  'ItemBatcher',
  'MaxConcurrency',
  'MaxConcurrencyPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'Label',
  'Parameters',
  'Arguments',
  'Credentials',
  'Result',
  'Seconds',
  'SecondsPath',
  'Timestamp',
  'TimestampPath',
  'TimeoutSeconds',
  'TimeoutSecondsPath',
  'HeartbeatSeconds',
  'HeartbeatSecondsPath',
  'Branches',
  'ItemProcessor',
  'Iterator',
  'ResultWriter',
  'ResultSelector',
  'ResultPath',
  'OutputPath',
  'Output',
  'Assign',
  'Choices',
  'Default',
  'Error',
  'ErrorPath',
  'Cause',
  'CausePath',
  'Retry',
  'Catch',
];
const TRANSITION_KEYS = ['Next', 'End'];
const RETRIER_KEYS = [
  'ErrorEquals',
  'Comment',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
];
const CATCHER_KEYS = ['ErrorEquals', 'Comment', 'ResultPath', 'Output', 'Assign', 'Next'];

type JsonRecord = Readonly<Record<string, unknown>>;
/** Orders one value of a document (any JSON: states, templates, …). */
type Reorder = (value: unknown) => unknown;

/** Where a key goes in its object, and how its value is ordered in turn (if it is an ASL object). */
interface Slot {
  readonly rank: number;
  readonly child: Reorder | undefined;
}

/** How one kind of ASL object is ordered: a slot per known key; `other` for the keys not listed. */
interface Layout {
  readonly slots: ReadonlyMap<string, Slot>;
  readonly other: Slot;
}

// Listed keys first (in list order), then the others in their own order, then the `last` keys.
function layout(
  first: readonly string[],
  last: readonly string[],
  children: Readonly<Record<string, Reorder>> = {},
): Layout {
  const slots = new Map<string, Slot>();
  const add = (key: string, rank: number) => {
    slots.set(key, { rank, child: Object.hasOwn(children, key) ? children[key] : undefined });
  };
  first.forEach((key, i) => {
    add(key, i);
  });
  last.forEach((key, i) => {
    add(key, first.length + 1 + i);
  });
  for (const key of Object.keys(children)) if (!slots.has(key)) add(key, first.length);
  return { slots, other: { rank: first.length, child: undefined } };
}

/** Reorders each item of an array; the same array when nothing changed. */
const eachItem =
  (reorderItem: Reorder): Reorder =>
  (value) => {
    if (!Array.isArray(value)) return value;
    const out = value.map(reorderItem);
    return out.every((item, i) => item === value[i]) ? value : out;
  };

// The layouts refer to each other (a state holds machines, a machine holds states): the closures below read them
// when called, after all are defined.
const states: Reorder = (value) => reorderStates(value);
const subMachine: Reorder = (value) => reorder(value, SUB_MACHINE);
const processor: Reorder = (value) => reorder(value, PROCESSOR);
const DOCUMENT = layout(DOCUMENT_KEYS, [], { States: states });
const SUB_MACHINE = layout(SUB_MACHINE_KEYS, [], { States: states });
const PROCESSOR_CONFIG = layout(['Mode', 'ExecutionType'], []);
const PROCESSOR = layout(SUB_MACHINE_KEYS, [], {
  States: states,
  ProcessorConfig: (value) => reorder(value, PROCESSOR_CONFIG),
});
const RETRIER = layout(RETRIER_KEYS, []);
const CATCHER = layout(CATCHER_KEYS, []);
// A rule's test first (its operator keys in their own order), then what it does; nested rules alike.
const nestedRule: Reorder = (value) => reorder(value, NESTED_RULE);
const RULE_CHILDREN = { And: eachItem(nestedRule), Or: eachItem(nestedRule), Not: nestedRule };
const NESTED_RULE = layout(['Variable'], ['Comment'], RULE_CHILDREN);
const CHOICE_RULE = layout(['Variable', 'Condition'], ['Comment', 'Output', 'Assign', 'Next'], RULE_CHILDREN);
const STATE = layout(STATE_KEYS, TRANSITION_KEYS, {
  Branches: eachItem(subMachine),
  ItemProcessor: processor,
  Iterator: processor,
  Retry: eachItem((r) => reorder(r, RETRIER)),
  Catch: eachItem((c) => reorder(c, CATCHER)),
  Choices: eachItem((c) => reorder(c, CHOICE_RULE)),
});

// State names keep their order; each state is ordered. The same object when every state already is.
function reorderStates(value: unknown): unknown {
  if (!isRecord(value)) return value;
  const names = Object.keys(value);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const state = value[name];
    const ordered = reorder(state, STATE);
    if (ordered !== state && out === undefined) {
      out = {};
      for (let j = 0; j < i; j++) defineKey(out, names[j] as string, value[names[j] as string]);
    }
    if (out !== undefined) defineKey(out, name, ordered);
  }
  return out ?? value;
}

/**
 * Serialises an ASL document deterministically: conventional key order (Comment, QueryLanguage, StartAt, States,
 * TimeoutSeconds at the top; Type, Comment, … , Next/End in a state), 2-space indent, trailing newline. Payload
 * templates keep the order they were written in. The single place that decides ASL formatting.
 */
export function stringifyAsl(definition: AslDocument): string {
  return `${JSON.stringify(reorder(definition, DOCUMENT), null, 2)}\n`;
}

/**
 * `value` with its keys in layout order. Objects already in order (what `compile()` emits) are returned as they are,
 * so serialising a compiled document copies nothing; the input is never modified.
 */
function reorder(value: unknown, { slots, other }: Layout): unknown {
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  let isSorted = true;
  let previous = -1;
  let changed: Map<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const slot = slots.get(key) ?? other;
    if (slot.rank < previous) isSorted = false;
    previous = slot.rank;
    if (slot.child === undefined) continue;
    const item = value[key];
    const out = slot.child(item);
    if (out === item) continue;
    changed ??= new Map();
    changed.set(key, out);
  }
  if (isSorted && changed === undefined) return value;
  const rankOf = (key: string) => (slots.get(key) ?? other).rank;
  // Array.prototype.sort is stable: unlisted keys keep their own order.
  const sorted = isSorted ? keys : [...keys].sort((a, b) => rankOf(a) - rankOf(b));
  const out: Record<string, unknown> = {};
  for (const key of sorted) defineKey(out, key, changed?.has(key) ? changed.get(key) : value[key]);
  return out;
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
