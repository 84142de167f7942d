import { type AslDocument, type JsonValue, jsonByteLength } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { exceedsPayloadLimit, MAX_JSON_DEPTH, payloadProblem } from '../src/limits.js';
import { run } from '../src/run.js';

const KIB = 1024;

const passAssign = (
  assign: Record<string, JsonValue>,
  language: 'JSONPath' | 'JSONata' = 'JSONPath',
): AslDocument =>
  ({
    QueryLanguage: language,
    StartAt: 'P',
    States: { P: { Type: 'Pass', Assign: assign, End: true } },
  }) as AslDocument;

describe("AWS's variable quotas", () => {
  it('accepts a 256 KiB variable and fails a larger one with States.DataLimitExceeded naming it', async () => {
    // A string of n characters is n + 2 bytes of JSON.
    const ofLength = (n: number) => passAssign({ v: `{% $pad('', ${n}, 'x') %}` }, 'JSONata');
    expect((await run(ofLength(256 * KIB - 2), {})).status).toBe('SUCCEEDED');
    const result = await run(ofLength(256 * KIB - 1), {});
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
      cause:
        "The variable 'v' assigned by state 'P' is larger than 262144 bytes, the maximum size of one variable.",
    });
  });

  it('fails one Assign whose values together exceed 256 KiB', async () => {
    const half = 'x'.repeat(130 * KIB);
    const result = await run(passAssign({ 'a.$': '$.s', 'b.$': '$.s' }), { s: half });
    expect(result.error).toBe('States.DataLimitExceeded');
    expect(result.cause).toMatch(
      /^The Assign of state 'P' sets \d+ bytes of variables, more than 262144 bytes/,
    );
  });

  it('fails when all variables would pass 10 MiB', async () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 41; i++) {
      states[`S${i}`] = {
        Type: 'Pass',
        Assign: { [`v${i}.$`]: '$.s' },
        ...(i === 40 ? { End: true } : { Next: `S${i + 1}` }),
      };
    }
    const result = await run({ StartAt: 'S0', States: states } as AslDocument, { s: 'x'.repeat(250 * KIB) });
    expect(result.error).toBe('States.DataLimitExceeded');
    expect(result.cause).toMatch(
      /^After state 'S40' the execution's variables would hold \d+ bytes, more than 10485760/,
    );
  });

  it('a variable doubled in a loop ends in the named error, not a RangeError', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { s: 'x' }, Next: 'Double' },
        Double: { Type: 'Pass', Assign: { s: '{% $s & $s %}' }, Next: 'Again' },
        Again: { Type: 'Choice', Choices: [{ Condition: '{% false %}', Next: 'Done' }], Default: 'Double' },
        Done: { Type: 'Succeed' },
      },
    } as AslDocument;
    const result = await run(definition, {});
    expect(result.error).toBe('States.DataLimitExceeded');
    expect(result.cause).toContain("The variable 's' assigned by state 'Double' is larger than 262144 bytes");
  });

  it('replacing a variable frees its old size', async () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 60; i++) {
      states[`S${i}`] = {
        Type: 'Pass',
        Assign: { 'v.$': '$.s' },
        ...(i === 59 ? { End: true } : { Next: `S${i + 1}` }),
      };
    }
    const result = await run({ StartAt: 'S0', States: states } as AslDocument, { s: 'x'.repeat(250 * KIB) });
    expect(result.status).toBe('SUCCEEDED');
  });
});

describe('payload size and depth checks', () => {
  it('measures exactly what JSON.stringify writes, iteratively', () => {
    for (const value of [
      { a: 'x"\\\n\u0001é😀\ud800', b: [1, -2.5e-7, true, null, {}], 'k"': [] },
      'plain',
      [[[]]],
    ] as JsonValue[]) {
      expect(jsonByteLength(value)).toBe(Buffer.byteLength(JSON.stringify(value), 'utf8'));
    }
  });

  it(`names data nested deeper than ${MAX_JSON_DEPTH} levels, whatever its size`, () => {
    let deep: JsonValue = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(payloadProblem(deep)).toBe('depth');
    let fine: JsonValue = 1;
    for (let i = 0; i < MAX_JSON_DEPTH; i++) fine = { a: fine };
    expect(exceedsPayloadLimit(fine)).toBe(false);
    expect(payloadProblem({ big: 'x'.repeat(300 * KIB), deep })).toBe('depth');
    expect(payloadProblem({ big: 'x'.repeat(300 * KIB) })).toBe('size');
  });

  it('StringToJson refuses text nested deeper than the limit, naming the function', async () => {
    const depth = 100_000; // 200 KB of JSON text: inside the payload quota
    const definition = {
      StartAt: 'Parse',
      States: { Parse: { Type: 'Pass', Parameters: { 'v.$': 'States.StringToJson($.text)' }, End: true } },
    } as AslDocument;
    const result = await run(definition, { text: `${'['.repeat(depth)}${']'.repeat(depth)}` });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.IntrinsicFailure' });
    expect(result.cause).toContain(
      `Invalid arguments in States.StringToJson: the argument is not valid JSON (the JSON is nested deeper than ${MAX_JSON_DEPTH} levels)`,
    );
  });

  it('an execution input nested deeper than the limit fails with a named error', async () => {
    let deep: JsonValue = 'leaf';
    for (let i = 0; i < 1500; i++) deep = { d: deep };
    const result = await run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } as AslDocument, {
      deep,
    });
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
      cause: `The execution input is nested deeper than ${MAX_JSON_DEPTH} levels.`,
    });
  });
});
