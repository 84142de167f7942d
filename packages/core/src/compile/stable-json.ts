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

/** How one kind of ASL object is ordered: a rank per listed key, and how some keys' values are ordered in turn. */
interface Layout {
  readonly rank: ReadonlyMap<string, number>;
  /** The rank of unlisted keys: after the `first` keys, before the `last` ones. */
  readonly middle: number;
  readonly child: (key: string) => Reorder | undefined;
}

// Listed keys first (in list order), then the others in their own order, then the `last` keys.
function layout(
  first: readonly string[],
  last: readonly string[],
  children: Readonly<Record<string, Reorder>> = {},
): Layout {
  const rank = new Map<string, number>();
  first.forEach((key, i) => {
    rank.set(key, i);
  });
  last.forEach((key, i) => {
    rank.set(key, first.length + 1 + i);
  });
  return {
    rank,
    middle: first.length,
    child: (key) => (Object.hasOwn(children, key) ? children[key] : undefined),
  };
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
const states: Reorder = (value) => reorder(value, STATES);
const subMachine: Reorder = (value) => reorder(value, SUB_MACHINE);
const DOCUMENT = layout(DOCUMENT_KEYS, [], { States: states });
const SUB_MACHINE = layout(SUB_MACHINE_KEYS, [], { States: states });
const RETRIER = layout(RETRIER_KEYS, []);
const CATCHER = layout(CATCHER_KEYS, []);
const CHOICE_RULE = layout(['Variable'], ['Next']);
const STATE = layout(STATE_KEYS, TRANSITION_KEYS, {
  Branches: eachItem(subMachine),
  ItemProcessor: subMachine,
  Iterator: subMachine,
  Retry: eachItem((r) => reorder(r, RETRIER)),
  Catch: eachItem((c) => reorder(c, CATCHER)),
  Choices: eachItem((c) => reorder(c, CHOICE_RULE)),
});
// State names keep their order; each state is ordered.
const state: Reorder = (value) => reorder(value, STATE);
const STATES: Layout = { rank: new Map(), middle: 0, child: () => state };

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
function reorder(value: unknown, { rank, middle, child }: Layout): unknown {
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  let isSorted = true;
  let previous = -1;
  let changed: Map<string, unknown> | undefined;
  for (const key of keys) {
    const at = rank.get(key) ?? middle;
    if (at < previous) isSorted = false;
    previous = at;
    const reorderChild = child(key);
    if (reorderChild === undefined) continue;
    const item = value[key];
    const out = reorderChild(item);
    if (out === item) continue;
    changed ??= new Map();
    changed.set(key, out);
  }
  if (isSorted && changed === undefined) return value;
  const rankOf = (key: string) => rank.get(key) ?? middle;
  // Array.prototype.sort is stable: unlisted keys keep their own order.
  const sorted = isSorted ? keys : [...keys].sort((a, b) => rankOf(a) - rankOf(b));
  const out: Record<string, unknown> = {};
  for (const key of sorted) defineKey(out, key, changed?.has(key) ? changed.get(key) : value[key]);
  return out;
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
