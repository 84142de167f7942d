import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { checkOptions } from '../src/options.js';
import type { Call, Effect, Snapshot, StepEvent } from '../src/snapshot.js';
import { createSnapshot, step } from '../src/step.js';

/** A fresh snapshot of `definition`, with default options and a handler named `work`. */
function snapshotOf(definition: AslDocument, input: JsonValue = {}): Snapshot {
  const { settings, startMs } = checkOptions(
    { handlers: { work: () => 'unused: the test answers' } },
    undefined,
  );
  return createSnapshot({
    definition,
    settings,
    startMs,
    seed: 0,
    machineName: 'M',
    executionName: 'e-1',
    input,
    handlers: undefined,
    contracts: undefined,
  });
}

/** Steps synchronously (these definitions evaluate no JSONata), returning the effects. */
function stepOf(snap: Snapshot, event: StepEvent): readonly Effect[] {
  const result = step(snap, event);
  if (result instanceof Promise) throw new Error('expected a synchronous step');
  expect(result.snapshot).toBe(snap);
  return result.effects;
}

const task: AslDocument = {
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource: 'work', TimeoutSeconds: 5, ResultPath: '$.r', End: true } },
};

describe('step(snapshot, event) → { snapshot, effects }', () => {
  it('asks for a handler call as data, and goes on when told it settled', () => {
    const snap = snapshotOf(task, { n: 1 });
    const [call, ...rest] = stepOf(snap, { type: 'start', input: { n: 1 } });
    expect(rest).toEqual([]);
    // The call record is the effect.
    expect(call).toMatchObject({
      kind: 'call',
      input: { n: 1 },
      info: { resource: 'work' },
      phase: 'running',
    });
    // The fiber waits on the call; its timeout is a timer in the snapshot, not a real one.
    expect(snap.root?.status).toBe('waiting');
    expect(snap.timers.heap.map((t) => t.target.kind).sort()).toEqual(['execution', 'task']);
    const effects = stepOf(snap, {
      type: 'settled',
      kind: 'settled',
      call: call as Call,
      ok: true,
      value: 'done',
    });
    expect(effects.map((e) => e.kind)).toEqual(['over', 'finished']);
    expect(snap.outcome).toEqual({ status: 'SUCCEEDED', output: { n: 1, r: 'done' } });
  });

  it('moves time only when the driver says so: a timeout fires at the time it is given', () => {
    const snap = snapshotOf(task);
    stepOf(snap, { type: 'start', input: {} });
    expect(stepOf(snap, { type: 'time', now: snap.startMs + 4_999 })).toEqual([]);
    expect(snap.outcome).toBeUndefined();
    const effects = stepOf(snap, { type: 'time', now: snap.startMs + 5_000 });
    expect(effects.map((e) => e.kind)).toEqual(['over', 'finished']);
    expect(snap.outcome).toMatchObject({ status: 'FAILED', error: 'States.Timeout' });
  });

  it('is deterministic: the same events give the same history', () => {
    const histories = [1, 2].map(() => {
      const snap = snapshotOf(task, { n: 2 });
      const [call] = stepOf(snap, { type: 'start', input: { n: 2 } });
      stepOf(snap, {
        type: 'settled',
        kind: 'settled',
        call: call as Call,
        ok: false,
        error: 'E',
        cause: 'c',
      });
      return JSON.stringify(snap.history.read());
    });
    expect(histories[0]).toBe(histories[1]);
    expect(histories[0]).toContain('"error":"E"');
  });
});
