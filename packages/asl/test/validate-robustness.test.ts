import { describe, expect, it } from 'vitest';
import { AslValidationError, assertValid, DIAGNOSTIC_CODES, validate } from '../src/index.js';
import { findings, LAMBDA, machine } from './helpers.js';

describe('untrusted input', () => {
  it.each([null, undefined, 42, 'text', [], [1], true])(
    'reports %j as not a definition, without throwing',
    (input) => {
      const diagnostics = validate(input);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ code: 'INVALID_DOCUMENT', pointer: '', severity: 'error' });
    },
  );

  it('survives cyclic objects', () => {
    const doc: Record<string, unknown> = { StartAt: 'A' };
    const branch: Record<string, unknown> = { StartAt: 'B' };
    const params: Record<string, unknown> = { a: 1 };
    params.self = params;
    branch.States = { B: { Type: 'Parallel', End: true, Branches: [branch] } };
    doc.States = { A: { Type: 'Parallel', End: true, Branches: [branch, doc], Parameters: params } };
    expect(findings(doc)).toEqual([
      'INVALID_DOCUMENT /States/A/Parameters/self',
      'INVALID_DOCUMENT /States/A/Branches/0/States/B/Branches/0',
      'INVALID_DOCUMENT /States/A/Branches/1',
    ]);
    const shared = { StartAt: 'S', States: { S: { Type: 'Succeed' } } };
    expect(findings(machine({ Type: 'Parallel', End: true, Branches: [shared, shared] }))).toEqual([
      'DUPLICATE_STATE_NAME /States/A/Branches/1/States/S',
    ]);
  });

  it('reports nesting deeper than the stack instead of crashing', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const diagnostics = validate(machine({ Type: 'Pass', End: true, Parameters: deep }));
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'INVALID_DOCUMENT',
        message: 'The definition could not be validated because it is nested too deeply.',
      }),
    ]);
  });

  it('reports objects whose getters throw', () => {
    const state = {
      Type: 'Pass',
      End: true,
      get Comment(): string {
        throw new Error('boom');
      },
    };
    expect(validate(machine(state))).toEqual([
      expect.objectContaining({
        code: 'INVALID_DOCUMENT',
        message: 'The definition could not be validated because of Error: boom.',
      }),
    ]);
  });

  it('rejects deeply nested intrinsic calls and filters with a diagnostic', () => {
    const call = `${'States.Array('.repeat(200)}1${')'.repeat(200)}`;
    expect(findings(machine({ Type: 'Pass', End: true, Parameters: { 'a.$': call } }))).toEqual([
      'INVALID_INTRINSIC /States/A/Parameters/a.$',
    ]);
    const filter = `$[?(${'('.repeat(10_000)}@.a${')'.repeat(10_000)})]`;
    expect(findings(machine({ Type: 'Pass', End: true, InputPath: filter }))).toEqual([
      'INVALID_PATH /States/A/InputPath',
    ]);
    const nots = `$[?(${'!'.repeat(100_000)}@.a)]`;
    expect(findings(machine({ Type: 'Pass', End: true, InputPath: nots }))).toEqual([]);
  });

  it('validates long inputs in linear time', () => {
    const long = `$.${'a.'.repeat(50_000)}b`;
    const started = performance.now();
    expect(
      findings(machine({ Type: 'Pass', End: true, InputPath: long, Result: '${'.repeat(50_000) })),
    ).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('is deterministic', () => {
    const doc = machine(
      { Type: 'Task', Resource: 'bad', Foo: 1, Retry: [{ ErrorEquals: [] }] },
      { Z: { Type: 'Nope' } },
    );
    expect(JSON.stringify(validate(doc))).toBe(JSON.stringify(validate(structuredClone(doc))));
  });
});

describe('assertValid and codes', () => {
  it('throws an AslValidationError holding every diagnostic, and passes valid documents', () => {
    expect(() => assertValid(machine({ Type: 'Task', Resource: LAMBDA, End: true }))).not.toThrow();
    const bad = machine({ Type: 'Pass', Next: 'Nowhere' });
    let caught: unknown;
    try {
      assertValid(bad);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AslValidationError);
    const error = caught as AslValidationError;
    expect(error.diagnostics.map((d) => d.code)).toEqual([
      'MISSING_TRANSITION_TARGET',
      'MISSING_TERMINAL_STATE',
    ]);
    expect(error.message).toContain(
      '/States/A/Next: State "A": Next names "Nowhere", which is not a state of this scope.',
    );
  });

  it('documents every code it emits', () => {
    const docs = [
      machine({ Type: 'Pass', Next: 'X', End: true, Foo: 1 }),
      machine({ Type: 'Task', Resource: 'x', End: true, TimeoutSeconds: 1, HeartbeatSeconds: 2 }),
    ];
    for (const doc of docs) {
      for (const diagnostic of validate(doc))
        expect(Object.hasOwn(DIAGNOSTIC_CODES, diagnostic.code)).toBe(true);
    }
    expect(Object.keys(DIAGNOSTIC_CODES).every((code) => /^[A-Z][A-Z_]+$/.test(code))).toBe(true);
  });
});
