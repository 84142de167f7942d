import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { type HistoryEvent, run } from '@stepcraft/runner';
import { describe, expect, it } from 'vitest';
import { mockHandlers } from './corpus.js';

type Mocks = Parameters<typeof mockHandlers>[0];

/**
 * An execution recorded on AWS: the expected status plus output, or the error with its cause (compared as the
 * `cases` call says; `causePrefix` where the recording replaced the tail with a placeholder).
 */
export interface Recorded {
  readonly name: string;
  readonly definition: unknown;
  readonly input: JsonValue;
  readonly mocks?: Mocks;
  readonly output?: JsonValue;
  readonly error?: string;
  readonly cause?: string;
  readonly causePrefix?: string;
  /** Variables a state assigned, as its StateExited event records them (values JSON-parsed). */
  readonly assigned?: Readonly<Record<string, Readonly<Record<string, JsonValue>>>>;
}

/** How a `cause` is compared: the whole text, or a substring of it. */
export type CauseMatch = 'exact' | 'substring';

/** `assignedVariables` of the StateExited event of each named state, values parsed back from AWS's JSON text. */
function assignedByState(history: readonly HistoryEvent[]): Record<string, Record<string, JsonValue>> {
  const out: Record<string, Record<string, JsonValue>> = {};
  for (const event of history) {
    if (!event.type.endsWith('StateExited')) continue;
    const details = Object.entries(event).find(([key]) => key.endsWith('EventDetails'))?.[1] as
      | { name: string; assignedVariables?: Record<string, string> }
      | undefined;
    if (details?.assignedVariables === undefined) continue;
    out[details.name] = Object.fromEntries(
      Object.entries(details.assignedVariables).map(([k, v]) => [k, JSON.parse(v) as JsonValue]),
    );
  }
  return out;
}

async function expectRecorded(c: Recorded, causeMatch: CauseMatch): Promise<void> {
  const result = await run(c.definition as AslDocument, c.input, { handlers: mockHandlers(c.mocks) });
  if (c.error === undefined) {
    expect({ status: result.status, error: result.error, cause: result.cause }).toEqual({
      status: 'SUCCEEDED',
      error: undefined,
      cause: undefined,
    });
    expect(result.output).toEqual(c.output);
    if (c.assigned !== undefined) expect(assignedByState(result.history)).toEqual(c.assigned);
    return;
  }
  expect({ status: result.status, error: result.error }).toEqual({ status: 'FAILED', error: c.error });
  if (c.cause !== undefined) {
    if (causeMatch === 'exact') expect(result.cause).toBe(c.cause);
    else expect(result.cause).toContain(c.cause);
  }
  if (c.causePrefix !== undefined) expect(result.cause?.startsWith(c.causePrefix), result.cause).toBe(true);
}

/** One `describe` of recorded executions, an `it` per case named by its snapshot key. */
export function cases(title: string, list: readonly Recorded[], causeMatch: CauseMatch = 'exact'): void {
  describe(title, () => {
    for (const c of list) it(c.name, () => expectRecorded(c, causeMatch));
  });
}
