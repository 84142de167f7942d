import type { WaitNode } from '@stepcraft/core/ir';
import { printString } from '../source-text.js';
import { finish, inputSchema, keepRaw, type PrintInput, type StateCode, startDraft } from './draft.js';
import { passThrough, pathText, printInputPath, printOutput } from './io.js';
import { read } from './shape.js';

/** A Wait: `seconds`, `timestamp`, or a typed `secondsPath`/`timestampPath` read from the input. */
export function printWait(input: PrintInput<WaitNode>): StateCode {
  const d = startDraft(input);
  const { node } = d;
  printInputPath(d);
  const duration = node.duration;
  const isSeconds = duration.kind.startsWith('seconds');
  const field = duration.kind.endsWith('path')
    ? `${isSeconds ? 'Seconds' : 'Timestamp'}Path`
    : isSeconds
      ? 'Seconds'
      : 'Timestamp';
  const isSpelled = Object.hasOwn(node.raw ?? {}, field);
  if (duration.kind === 'seconds') d.spec.push(`seconds: ${duration.seconds},`);
  else if (duration.kind === 'timestamp' && d.language === 'JSONPath')
    d.spec.push(`timestamp: ${printString(duration.timestamp)},`);
  else if (
    (duration.kind === 'seconds-path' || duration.kind === 'timestamp-path') &&
    duration.path.root.kind === 'input' &&
    d.effective !== undefined
  ) {
    read(d.effective, duration.path.segments, isSeconds ? 'number' : 'string');
    d.spec.push(`${isSeconds ? 'secondsPath' : 'timestampPath'}: ${pathText(duration.path)},`);
    if (isSpelled) keepRaw(d, field, `${field} spelled as in the source`);
  } else {
    // The builder wants one typed duration; the raw field of the same name replaces it.
    d.spec.push(isSeconds ? 'seconds: 0,' : `timestamp: '1970-01-01T00:00:00Z',`);
    keepRaw(d, field, `${field} kept raw`);
  }
  d.handled.add(field);
  passThrough(d, d.outNeed);
  printOutput(d, false, false);
  return finish(d, 'wait', inputSchema(d));
}
