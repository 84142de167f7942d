import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { findings, LAMBDA, machine } from './helpers.js';

describe('top level and scopes', () => {
  it('accepts a minimal machine', () => {
    expect(findings(machine({ Type: 'Succeed' }))).toEqual([]);
  });

  it('requires StartAt and States, naming both', () => {
    const [diagnostic] = validate({});
    expect(diagnostic).toMatchObject({ code: 'MISSING_FIELD', pointer: '', severity: 'error' });
    expect(diagnostic?.message).toContain('"StartAt" and "States"');
  });

  it('rejects unknown top-level and branch fields, and bad top-level values', () => {
    expect(
      findings({
        ...machine({ Type: 'Succeed' }),
        Extra: 1,
        Version: '2.0',
        TimeoutSeconds: 0,
        QueryLanguage: 'SQL',
      }),
    ).toEqual([
      'INVALID_VALUE /Version',
      'INVALID_VALUE /TimeoutSeconds',
      'INVALID_VALUE /QueryLanguage',
      'UNKNOWN_FIELD /Extra',
    ]);
    const parallel = machine({
      Type: 'Parallel',
      End: true,
      Branches: [{ StartAt: 'B', States: { B: { Type: 'Succeed' } }, Version: '1.0' }],
    });
    expect(findings(parallel)).toEqual(['UNKNOWN_FIELD /States/A/Branches/0/Version']);
  });

  it('rejects empty or non-object States and a non-string StartAt', () => {
    expect(findings({ StartAt: 'A', States: {} })).toEqual(['INVALID_TYPE /States']);
    expect(findings({ StartAt: 'A', States: [] })).toEqual(['INVALID_TYPE /States']);
    expect(findings({ StartAt: 1, States: { A: { Type: 'Succeed' } } })).toEqual(['INVALID_TYPE /StartAt']);
  });

  it('rejects a state that is not an object, lacks Type or has an unknown Type', () => {
    expect(findings(machine({ Type: 'Succeed' }, { B: 'x', C: {}, D: { Type: 'Sleep' } }))).toEqual([
      'INVALID_TYPE /States/B',
      'MISSING_FIELD /States/C',
      'INVALID_STATE_TYPE /States/D/Type',
      'UNREACHABLE_STATE /States/C',
      'UNREACHABLE_STATE /States/D',
    ]);
  });
});

describe('fields per state type', () => {
  it('rejects unknown fields with the state name and a JSON pointer', () => {
    const [diagnostic] = validate(machine({ Type: 'Pass', End: true, Foo: 1 }));
    expect(diagnostic).toMatchObject({ code: 'UNKNOWN_FIELD', pointer: '/States/A/Foo', state: 'A' });
    expect(diagnostic?.message).toBe('State "A": field "Foo" is not supported in a Pass state.');
  });

  it.each([
    [
      'Choice',
      { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'B' }], End: true },
      '/States/A/End',
    ],
    ['Succeed', { Type: 'Succeed', Next: 'B' }, '/States/A/Next'],
    ['Fail', { Type: 'Fail', End: true }, '/States/A/End'],
  ])('rejects Next/End on a %s state', (_type, state, pointer) => {
    expect(findings(machine(state, { B: { Type: 'Succeed' } }))).toContain(
      `TRANSITION_NOT_ALLOWED ${pointer}`,
    );
  });

  it('requires exactly one of Next and End: true', () => {
    expect(findings(machine({ Type: 'Pass' }))).toEqual([
      'MISSING_TRANSITION /States/A',
      'MISSING_TERMINAL_STATE /States',
    ]);
    expect(findings(machine({ Type: 'Pass', End: false }))).toContain('MISSING_TRANSITION /States/A');
    expect(findings(machine({ Type: 'Pass', Next: 'B', End: true }, { B: { Type: 'Succeed' } }))).toEqual([
      'NEXT_AND_END /States/A/End',
    ]);
    expect(findings(machine({ Type: 'Pass', End: 'yes' }))).toContain('INVALID_TYPE /States/A/End');
    const [missing] = validate(machine({ Type: 'Wait', Seconds: 1 }, { B: { Type: 'Succeed' } }));
    expect(missing?.message).toBe(
      'State "A" has neither Next nor End: add "Next": "<state>" or "End": true.',
    );
  });

  it('requires type-specific fields', () => {
    expect(findings(machine({ Type: 'Task', End: true }))).toEqual(['MISSING_FIELD /States/A']);
    expect(findings(machine({ Type: 'Choice', Default: 'B' }, { B: { Type: 'Succeed' } }))).toEqual([
      'MISSING_FIELD /States/A',
    ]);
    expect(findings(machine({ Type: 'Parallel', End: true }))).toEqual(['MISSING_FIELD /States/A']);
    expect(findings(machine({ Type: 'Wait', End: true }))).toEqual(['MISSING_FIELD /States/A']);
    expect(findings(machine({ Type: 'Map', End: true }))).toEqual(['MISSING_FIELD /States/A']);
  });

  it.each([
    [
      { Type: 'Task', Resource: LAMBDA, End: true, TimeoutSeconds: 5, TimeoutSecondsPath: '$.t' },
      'TimeoutSecondsPath',
    ],
    [
      { Type: 'Task', Resource: LAMBDA, End: true, HeartbeatSeconds: 5, HeartbeatSecondsPath: '$.t' },
      'HeartbeatSecondsPath',
    ],
    [{ Type: 'Wait', End: true, Seconds: 5, Timestamp: '2026-01-01T00:00:00Z' }, 'Timestamp'],
    [{ Type: 'Fail', Error: 'E', ErrorPath: '$.e' }, 'ErrorPath'],
    [{ Type: 'Fail', Cause: 'C', CausePath: '$.c' }, 'CausePath'],
    [
      {
        Type: 'Map',
        End: true,
        ItemSelector: {},
        Parameters: {},
        ItemProcessor: { StartAt: 'B', States: { B: { Type: 'Succeed' } } },
      },
      'Parameters',
    ],
    [
      {
        Type: 'Map',
        End: true,
        MaxConcurrency: 1,
        MaxConcurrencyPath: '$.m',
        ItemProcessor: { StartAt: 'B', States: { B: { Type: 'Succeed' } } },
      },
      'MaxConcurrencyPath',
    ],
  ])('rejects mutually exclusive fields (%#)', (state, second) => {
    expect(findings(machine(state))).toEqual([`EXCLUSIVE_FIELDS /States/A/${second}`]);
  });
});

describe('graph', () => {
  it('reports a missing StartAt, Next, Default and Catch target', () => {
    const doc = {
      StartAt: 'Nope',
      States: {
        A: { Type: 'Task', Resource: LAMBDA, Next: 'X', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Y' }] },
        C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'Z' }], Default: 'W' },
        S: { Type: 'Succeed' },
      },
    };
    expect(findings(doc)).toEqual([
      'MISSING_TRANSITION_TARGET /StartAt',
      'MISSING_TRANSITION_TARGET /States/A/Next',
      'MISSING_TRANSITION_TARGET /States/A/Catch/0/Next',
      'MISSING_TRANSITION_TARGET /States/C/Default',
      'MISSING_TRANSITION_TARGET /States/C/Choices/0/Next',
    ]);
  });

  it('rejects transitions into and out of a branch, naming the other scope', () => {
    const doc = machine(
      {
        Type: 'Parallel',
        Next: 'Inner',
        Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Pass', Next: 'Done' } } }],
      },
      { Done: { Type: 'Succeed' } },
    );
    const diagnostics = validate(doc);
    expect(diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual([
      'TRANSITION_OUT_OF_SCOPE /States/A/Next',
      'UNREACHABLE_STATE /States/Done',
      'TRANSITION_OUT_OF_SCOPE /States/A/Branches/0/States/Inner/Next',
      'MISSING_TERMINAL_STATE /States/A/Branches/0/States',
    ]);
    expect(diagnostics[0]?.message).toContain('(/States/A/Branches/0)');
    expect(diagnostics[2]?.message).toContain('(the top level)');
  });

  it('reports unreachable states and accepts loops', () => {
    const doc = machine(
      { Type: 'Wait', Seconds: 1, Next: 'B' },
      {
        B: {
          Type: 'Choice',
          Choices: [{ Variable: '$.done', BooleanEquals: false, Next: 'A' }],
          Default: 'C',
        },
        C: { Type: 'Succeed' },
        Orphan: { Type: 'Pass', Next: 'C' },
      },
    );
    const [diagnostic] = validate(doc);
    expect(diagnostic).toMatchObject({
      code: 'UNREACHABLE_STATE',
      pointer: '/States/Orphan',
      state: 'Orphan',
    });
  });

  it('requires a terminal state in every scope', () => {
    const loop = machine({ Type: 'Pass', Next: 'B' }, { B: { Type: 'Pass', Next: 'A' } });
    expect(findings(loop)).toEqual(['MISSING_TERMINAL_STATE /States']);
  });

  it('names that look like Object members are ordinary state names', () => {
    const doc = {
      StartAt: 'constructor',
      States: {
        constructor: { Type: 'Pass', Next: 'toString' },
        toString: { Type: 'Pass', Next: '__proto__' },
      },
    };
    expect(findings(doc)).toEqual([
      'MISSING_TRANSITION_TARGET /States/toString/Next',
      'MISSING_TERMINAL_STATE /States',
    ]);
    const withProto = JSON.parse('{"StartAt":"__proto__","States":{"__proto__":{"Type":"Succeed"}}}');
    expect(findings(withProto)).toEqual([]);
  });

  it('requires unique state names across nested scopes and at most 80 characters', () => {
    const long = 'x'.repeat(81);
    const doc = machine(
      {
        Type: 'Map',
        Next: long,
        ItemProcessor: { StartAt: 'A', States: { A: { Type: 'Succeed' } } },
      },
      { [long]: { Type: 'Succeed' } },
    );
    expect(findings(doc)).toEqual([
      'DUPLICATE_STATE_NAME /States/A/ItemProcessor/States/A',
      `STATE_NAME_TOO_LONG /States/${long}`,
    ]);
    expect(findings(machine({ Type: 'Succeed' }, { ['é'.repeat(80)]: { Type: 'Succeed' } }))).toEqual([
      `UNREACHABLE_STATE /States/${'é'.repeat(80)}`,
    ]);
  });

  it('escapes pointer segments per RFC 6901', () => {
    const doc = { StartAt: 'a/b~c', States: { 'a/b~c': { Type: 'Pass', End: true, Bad: 1 } } };
    expect(findings(doc)).toEqual(['UNKNOWN_FIELD /States/a~1b~0c/Bad']);
  });
});
