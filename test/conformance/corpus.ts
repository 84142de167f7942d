import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { StatesError, type TaskHandler } from '@stepcraft/runner';

/** `/work/shared/corpus` beside the repository (a fresh clone with `../shared` next to it works too). */
export const CORPUS = path.resolve(import.meta.dirname, '../..', '../shared/corpus');

interface MockStep {
  readonly returns?: JsonValue;
  readonly echo?: boolean;
  readonly throws?: { readonly error: string; readonly cause?: string };
  readonly delay_seconds?: number;
}
type Mock = MockStep & { readonly sequence?: readonly MockStep[] };

/** One recorded AWS run (see the corpus README). */
export interface RuntimeCase {
  readonly id: string;
  readonly definition: AslDocument;
  readonly input: JsonValue;
  readonly expected: {
    readonly status: string;
    readonly output?: JsonValue;
    readonly error?: string;
    readonly cause?: string;
  };
  readonly mocks?: Readonly<Record<string, Mock>>;
  readonly history?: readonly { readonly type: string }[];
}

export function loadRuntimeCases(): RuntimeCase[] {
  const dir = path.join(CORPUS, 'runtime');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as RuntimeCase);
}

/** Handlers that replay a case's mocks (`returns`, `echo`, `throws`, `sequence`, `delay_seconds` on the virtual clock). */
export function mockHandlers(mocks: Readonly<Record<string, Mock>> | undefined): Record<string, TaskHandler> {
  const handlers: Record<string, TaskHandler> = {};
  for (const [state, mock] of Object.entries(mocks ?? {})) {
    let calls = 0;
    handlers[state] = async (input, context) => {
      const steps = mock.sequence;
      const step = steps === undefined ? mock : (steps[Math.min(calls, steps.length - 1)] ?? mock);
      calls++;
      const delay = step.delay_seconds ?? mock.delay_seconds;
      if (delay !== undefined) await context.sleep(delay);
      if (step.throws !== undefined) throw new StatesError(step.throws.error, step.throws.cause);
      if (step.echo === true) return input;
      return step.returns ?? null;
    };
  }
  return handlers;
}
