import type { WaitNode } from '@stepcraft/core/ir';
import { printString } from '../source-text.js';
import { finish, inputSchema, keepRaw, type PrintInput, type StateCode, startDraft } from './draft.js';
import { inputScope, printRef, selector } from './expressions.js';
import { passThrough, pathText, printInputPath, printOutput } from './io.js';
import { read } from './shape.js';

// What the builder writes when the duration field stays raw: the same field, which the raw one then replaces.
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  Seconds: 'seconds: 0,',
  Timestamp: `timestamp: '1970-01-01T00:00:00Z',`,
  SecondsPath: 'seconds: ({ context }) => context.State.RetryCount,',
  TimestampPath: 'timestamp: ({ context }) => context.Execution.StartTime,',
};

/**
 * A Wait: `seconds`, `timestamp`, a typed `secondsPath`/`timestampPath` read from the input, or a selector over the
 * Context Object; anything else (a placeholder, a JSONata expression) raw over a placeholder of the same field.
 */
export function printWait(input: PrintInput<WaitNode>): StateCode {
  const d = startDraft(input);
  const { node } = d;
  printInputPath(d);
  const duration = node.duration;
  const isSeconds = duration.kind.startsWith('seconds');
  const option = isSeconds ? 'seconds' : 'timestamp';
  const isPath = duration.kind === 'seconds-path' || duration.kind === 'timestamp-path';
  const field = `${isSeconds ? 'Seconds' : 'Timestamp'}${isPath ? 'Path' : ''}`;
  const typed = typedDuration(d);
  if (typed !== undefined) {
    d.spec.push(typed);
    if (Object.hasOwn(node.raw ?? {}, field)) keepRaw(d, field, `${field} spelled as in the source`);
  } else {
    d.spec.push(PLACEHOLDERS[field] ?? `${option}: 0,`);
    keepRaw(d, field, `${field} kept raw`);
  }
  d.handled.add(field);
  passThrough(d, d.outNeed);
  printOutput(d, false, false);
  return finish(d, 'wait', inputSchema(d));
}

// The duration as a typed option, or `undefined` when the builder cannot say it.
function typedDuration(d: ReturnType<typeof startDraft<WaitNode>>): string | undefined {
  const duration = d.node.duration;
  switch (duration.kind) {
    case 'seconds':
      return `seconds: ${duration.seconds},`;
    case 'timestamp':
      return d.language === 'JSONPath' ? `timestamp: ${printString(duration.timestamp)},` : undefined;
    case 'seconds-path':
    case 'timestamp-path': {
      const isSeconds = duration.kind === 'seconds-path';
      const leaf = isSeconds ? 'number' : 'string';
      if (duration.path.root.kind === 'input') {
        if (d.effective === undefined) return undefined;
        read(d.effective, duration.path.segments, leaf);
        return `${isSeconds ? 'secondsPath' : 'timestampPath'}: ${pathText(duration.path)},`;
      }
      const s = inputScope(undefined, 'plain');
      const ref = printRef(duration.path, s, leaf);
      return ref === undefined ? undefined : `${isSeconds ? 'seconds' : 'timestamp'}: ${selector(ref, s)},`;
    }
    default:
      return undefined;
  }
}
