import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, validate } from '../src/index.js';
import { duplicateKeys } from '../src/validate/duplicate-keys.js';
import { findings, jsonataMachine, machine } from './helpers.js';

const pass = { Type: 'Pass', End: true };

describe('validate() never throws', () => {
  it.each([
    ['a getter throwing a null-prototype object', Object.create(null)],
    ['a getter throwing a symbol', Symbol('boom')],
    ['a getter throwing undefined', undefined],
  ])('reports %s', (_label, thrown) => {
    const state = {
      ...pass,
      get Comment(): string {
        throw thrown;
      },
    };
    const diagnostics = validate(machine(state));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'INVALID_DOCUMENT' });
    expect(diagnostics[0]?.message).toMatch(/^The definition could not be validated because of /);
  });

  it('reports proxies whose traps throw, and revoked proxies', () => {
    const trap = () => {
      throw Object.create(null);
    };
    const hostile = new Proxy({}, { ownKeys: trap, get: trap, has: trap, getOwnPropertyDescriptor: trap });
    expect(validate(hostile)[0]?.code).toBe('INVALID_DOCUMENT');
    expect(validate(machine(hostile as Record<string, unknown>))[0]?.code).toBe('INVALID_DOCUMENT');
    const { proxy, revoke } = Proxy.revocable({ StartAt: 'A', States: { A: pass } }, {});
    revoke();
    expect(validate(proxy)[0]?.code).toBe('INVALID_DOCUMENT');
  });
});

describe('values JSON cannot hold are named', () => {
  it('NaN and Infinity are named, not shown as null', () => {
    const diagnostics = validate(
      machine({ Type: 'Wait', Seconds: Number.NaN, End: true }, {}, { TimeoutSeconds: Infinity }),
    );
    expect(diagnostics.map((d) => d.message)).toEqual([
      'TimeoutSeconds must be a positive integer, got Infinity (not a JSON number).',
      'State "A": Seconds must be an integer from 0 to 99999999, got NaN (not a JSON number).',
    ]);
  });
});

describe("AWS's definition quota (1 MB)", () => {
  const big = (bytes: number) => machine({ ...pass, Comment: 'x'.repeat(bytes) });

  it('accepts a definition of 1 MB and reports a larger one with the limit', () => {
    const size = JSON.stringify(big(0)).length;
    expect(findings(big(1_048_576 - size))).toEqual([]);
    const diagnostics = validate(big(1_048_577 - size));
    expect(diagnostics).toEqual([
      {
        code: 'DEFINITION_TOO_LARGE',
        message:
          'The definition is more than 1048576 bytes as compact JSON; AWS accepts definitions of at most 1048576 bytes (1 MB, a hard quota).',
        pointer: '',
        severity: 'error',
      },
    ]);
  });

  it('measures the text as written when given', () => {
    const document = machine(pass);
    const text = `${JSON.stringify(document)}${' '.repeat(1_048_576)}`;
    expect(validate(document, { text }).map((d) => d.message)).toEqual([
      `The definition is ${text.length} bytes as written; AWS accepts definitions of at most 1048576 bytes (1 MB, a hard quota).`,
    ]);
  });

  it('stops measuring a 100 MB definition at the limit', () => {
    const started = performance.now();
    expect(findings(big(100 * 1024 * 1024))).toEqual(['DEFINITION_TOO_LARGE ']);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('duplicate keys in the definition text', () => {
  it('reports each repeated key with its pointer instead of blaming the state it hid', () => {
    const text = `{"StartAt": "A", "States": {
      "A": {"Type": "Pass", "Next": "B"},
      "B": {"Type": "Pass", "End": true, "Parameters": {"x": 1, "x": 2, "l": [{"k": 1, "k\\u0031": 2, "k": 3}]}},
      "A": {"Type": "Pass", "Next": "B"}
    }}`;
    const diagnostics = validate(JSON.parse(text), { text });
    expect(diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual([
      'DUPLICATE_JSON_KEY /States/B/Parameters/x',
      'DUPLICATE_JSON_KEY /States/B/Parameters/l/0/k',
      'DUPLICATE_JSON_KEY /States/A',
    ]);
    expect(diagnostics[2]?.message).toBe(
      'The key "A" appears more than once in the object at /States; JSON parsers keep only the last value. Remove or rename the duplicate.',
    );
  });

  it('scans deeply nested text without recursion, and strings holding brackets and quotes as text', () => {
    const depth = 100_000;
    const deep = `${'['.repeat(depth)}{"a":1,"a":2}${']'.repeat(depth)}`;
    expect(duplicateKeys(deep)).toEqual([[...Array(depth).fill(0), 'a']]);
    expect(duplicateKeys('{"a": "{\\"a\\": [", "b": {"a": 1}, "c": "]}"}')).toEqual([]);
  });
});

describe('JSONata that AWS rejects or cannot run', () => {
  it('reports =~ (not a JSONata operator) at validation', () => {
    expect(findings(jsonataMachine({ ...pass, Output: '{% $states.input.s =~ /a/ %}' }))).toEqual([
      'INVALID_JSONATA /States/A/Output',
    ]);
  });

  it('warns that $eval fails at run time on AWS', () => {
    const diagnostics = validate(jsonataMachine({ ...pass, Output: { v: '{% $eval("1 + 1") %}' } }));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'JSONATA_UNSUPPORTED_FUNCTION',
        pointer: '/States/A/Output/v',
        severity: 'warning',
      }),
    ]);
    expect(Object.hasOwn(DIAGNOSTIC_CODES, 'JSONATA_UNSUPPORTED_FUNCTION')).toBe(true);
  });
});
