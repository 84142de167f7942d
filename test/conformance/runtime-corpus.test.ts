import { type HistoryEvent, run } from '@stepcraft/runner';
import { describe, expect, it } from 'vitest';
import { loadRuntimeCases, mockHandlers } from './corpus.js';

const cases = loadRuntimeCases();

/** Recorded traces we deliberately do not reproduce, with the reason. */
const HISTORY_EXCEPTIONS: Readonly<Record<string, string>> = {
  'parallel-nested':
    'the recorded trace lacks the inner ParallelStateExited(ParallelStateL2) although the inner Parallel did exit (recording quirk)',
};

/** `Type(name)[index]` of an event, the shape the corpus records. */
function traceOf(event: HistoryEvent): string {
  const details = Object.entries(event).find(([key]) => key.endsWith('EventDetails'))?.[1] as
    | { name?: string; index?: number }
    | undefined;
  const name =
    event.type.endsWith('StateEntered') ||
    event.type.endsWith('StateExited') ||
    event.type.startsWith('MapIteration')
      ? details?.name
      : undefined;
  return `${event.type}${name === undefined ? '' : `(${name})`}${details?.index === undefined ? '' : `[${details.index}]`}`;
}

describe('runtime corpus (recorded on AWS)', () => {
  it('has every case', () => {
    expect(cases.length).toBe(341);
  });

  for (const c of cases) {
    it(c.id, async () => {
      const result = await run(c.definition, c.input, { handlers: mockHandlers(c.mocks) });
      const actual = {
        status: result.status,
        ...(result.output === undefined ? {} : { output: result.output }),
        ...(result.error === undefined ? {} : { error: result.error }),
        ...(c.expected.cause === undefined || result.cause === undefined ? {} : { cause: result.cause }),
      };
      expect(actual).toEqual(c.expected);
      if (c.history !== undefined && HISTORY_EXCEPTIONS[c.id] === undefined) {
        const expected = c.history.map((e) => {
          const { type, name, index } = e as { type: string; name?: string; index?: number };
          return `${type}${name === undefined ? '' : `(${name})`}${index === undefined ? '' : `[${index}]`}`;
        });
        expect(result.history.map(traceOf)).toEqual(expected);
      }
    });
  }
});
