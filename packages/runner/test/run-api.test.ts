import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { parseInput, RunnerUsageError, run, start } from '../src/index.js';

const pass: AslDocument = { StartAt: 'P', States: { P: { Type: 'Pass', Result: { ok: true }, End: true } } };
const loop: AslDocument = {
  StartAt: 'A',
  States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Choice', Choices: [], Default: 'A' } as never },
};
const loopDefinition: AslDocument = {
  StartAt: 'A',
  States: {
    A: { Type: 'Pass', Next: 'B' },
    B: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'C' }], Default: 'A' },
    C: { Type: 'Succeed' },
  },
};

describe('run()', () => {
  it('runs an ASL document and a compiled workflow alike', async () => {
    expect((await run(pass)).output).toEqual({ ok: true });
    const compiled = await run({ definition: pass, name: 'Orders' }, {});
    expect(compiled.status).toBe('SUCCEEDED');
    expect(compiled.history[0]?.type).toBe('ExecutionStarted');
  });

  it('rejects an invalid definition with diagnostics instead of throwing', async () => {
    const result = await run({ StartAt: 'Missing', States: {} } as AslDocument);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Stepcraft.InvalidDefinition');
    expect(result.diagnostics?.length).toBeGreaterThan(0);
    expect(result.cause).toContain('/States');
  });

  it('rejects non-JSON input with a named error', async () => {
    const result = await run(pass, { when: new Date(0) } as never);
    expect(result).toMatchObject({ status: 'FAILED', error: 'Stepcraft.InvalidInput' });
    expect(result.cause).toContain('$.when');
  });

  it('rejects an input over 256 KiB', async () => {
    const result = await run(pass, { big: 'x'.repeat(262_144) });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });

  it('parseInput explains malformed JSON and treats empty text as {}', () => {
    expect(parseInput(' ')).toEqual({});
    expect(parseInput('[1]')).toEqual([1]);
    expect(() => parseInput('{"a":')).toThrow(RunnerUsageError);
    expect(() => parseInput('{"a":')).toThrow(/not valid JSON/);
  });

  it('stops a Pass/Choice infinite loop with maxTransitions', async () => {
    const result = await run(loopDefinition, {}, { maxTransitions: 5000, recordHistory: false });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Stepcraft.TransitionLimitExceeded');
    expect(result.stats.transitions).toBe(5001);
  });

  it('keeps an infinite loop abortable through the handle and through an AbortSignal', async () => {
    const handle = start(
      loopDefinition,
      {},
      {
        recordHistory: false,
        maxTransitions: Number.POSITIVE_INFINITY,
        maxHistoryEvents: Number.POSITIVE_INFINITY,
      },
    );
    setTimeout(() => handle.abort('Stopped', 'by the test'), 20);
    const aborted = await handle.result;
    expect(aborted).toMatchObject({ status: 'ABORTED', error: 'Stopped', cause: 'by the test' });

    const controller = new AbortController();
    const pending = run(
      loopDefinition,
      {},
      {
        signal: controller.signal,
        maxTransitions: Number.POSITIVE_INFINITY,
        maxHistoryEvents: Number.POSITIVE_INFINITY,
        recordHistory: false,
      },
    );
    setTimeout(() => controller.abort(), 20);
    expect((await pending).status).toBe('ABORTED');
  });

  it('fails at the history limit with a clear error', async () => {
    const result = await run(loopDefinition, {}, { maxHistoryEvents: 100 });
    expect(result.error).toBe('Stepcraft.HistoryLimitExceeded');
    expect(result.history.length).toBe(101);
    expect(result.history.at(-1)?.type).toBe('ExecutionFailed');
  });

  it('fails a state whose output exceeds 256 KiB (Pass: not catchable)', async () => {
    const huge: AslDocument = {
      StartAt: 'P',
      States: { P: { Type: 'Pass', Result: 'y'.repeat(300_000), End: true } },
    };
    const result = await run(huge, {}, { validate: false });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
    expect(result.cause).toBe(
      "The state/task 'P' returned a result with a size exceeding the maximum number of bytes service limit.",
    );
  });

  it('runs without history when asked, still counting events', async () => {
    const result = await run(pass, {}, { recordHistory: false });
    expect(result.history).toEqual([]);
    expect(result.stats.events).toBe(4);
  });

  it('uses the document as data: __proto__ keys stay plain keys', async () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}');
    const result = await run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, input);
    expect(result.output).toEqual(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports the invalid loop fixture as a definition error', async () => {
    expect((await run(loop)).error).toBe('Stepcraft.InvalidDefinition');
  });

  it('serialises history details on read, identically mid-run and at the end', async () => {
    const definition: AslDocument = {
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Parameters: { 'n.$': '$.n' }, Assign: { seen: 1 }, Next: 'Call' },
        Call: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', End: true },
      },
    };
    let midRun: unknown;
    const handle = start(
      definition,
      { n: 1 },
      {
        handlers: {
          Call: async (input) => {
            midRun = JSON.parse(JSON.stringify(handle.history()));
            return input;
          },
        },
      },
    );
    const result = await handle.result;
    expect(midRun).toHaveLength(6);
    expect(result.history.slice(0, 6)).toEqual(midRun);
    expect(result.history[2]).toMatchObject({
      type: 'PassStateExited',
      stateExitedEventDetails: {
        name: 'Set',
        output: '{"n":1}',
        outputDetails: { truncated: false },
        assignedVariables: { seen: '1' },
        assignedVariablesDetails: { truncated: false },
      },
    });
    expect(result.history.at(-2)).toMatchObject({
      type: 'TaskStateExited',
      stateExitedEventDetails: { name: 'Call', output: '{"n":1}' },
    });
    // Reading again returns the same events.
    expect(result.history).toBe(result.history);
    expect(JSON.stringify(result.history)).toBe(
      JSON.stringify(
        (
          await run(
            definition,
            { n: 1 },
            {
              handlers: { Call: (input) => input },
            },
          )
        ).history,
      ),
    );
  });

  it('fails clearly on an unknown state Type when validation is off', async () => {
    const definition = {
      StartAt: 'X',
      States: { X: { Type: 'Bogus', End: true } },
    } as unknown as AslDocument;
    const result = await run(definition, {}, { validate: false });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toContain(`The state 'X' has an unknown Type "Bogus".`);
  });

  it('keeps the one-year execution timeout on the real clock (no setTimeout overflow)', async () => {
    const counter: AslDocument = {
      StartAt: 'Check',
      States: {
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.i', NumericLessThan: 3000, Next: 'Add' }],
          Default: 'Done',
        },
        Add: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    };
    // 6,002 transitions yield to the event loop several times: a timer that fired at once would time the run out.
    const result = await run(counter, { i: 0 }, { clock: 'real' });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ i: 3000 });
  });

  it('records long histories completely and in order (100,006 events)', async () => {
    const counter: AslDocument = {
      StartAt: 'Check',
      States: {
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.i', NumericLessThan: 25_000, Next: 'Add' }],
          Default: 'Done',
        },
        Add: { Type: 'Pass', Parameters: { 'i.$': 'States.MathAdd($.i, 1)' }, Next: 'Check' },
        Done: { Type: 'Succeed' },
      },
    };
    const result = await run(counter, { i: 0 }, { maxHistoryEvents: 200_000 });
    expect(result.status).toBe('SUCCEEDED');
    const history = result.history;
    expect(history).toHaveLength(100_006);
    expect(history.every((event, index) => event.id === index + 1)).toBe(true);
    expect(history[100_000]).toMatchObject({
      type: 'PassStateExited',
      stateExitedEventDetails: { name: 'Add', output: '{"i":25000}' },
    });
    expect(history.at(-1)).toMatchObject({
      type: 'ExecutionSucceeded',
      executionSucceededEventDetails: { output: '{"i":25000}' },
    });
  });
});
