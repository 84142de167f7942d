import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { findings, jsonataMachine, LAMBDA, machine } from './helpers.js';

const task = (extra: Record<string, unknown>) =>
  jsonataMachine({ Type: 'Task', Resource: LAMBDA, End: true, ...extra });

describe('JSONata expressions', () => {
  it('accepts expressions in every JSONata field, nested in objects and arrays', () => {
    const doc = task({
      Arguments: { Payload: '{% $states.input %}', list: [1, '{% $count($states.input.items) %}'] },
      Output: { result: '{% $states.result.Payload %}', at: '{% $states.context.State.EnteredTime %}' },
      Assign: { last: '{% $states.result %}', items: '{% $states.input.items[price > 10] %}' },
      TimeoutSeconds: '{% $timeout %}',
      Catch: [
        {
          ErrorEquals: ['States.ALL'],
          Next: 'A',
          Output: '{% $states.errorOutput %}',
          Assign: { e: '{% $states.errorOutput.Error %}' },
        },
      ],
    });
    expect(findings(doc)).toEqual([]);
  });

  it('locates a syntax error at the field, with the JSONata message and offset', () => {
    const [diagnostic] = validate(task({ Arguments: { a: { b: '{% $sum($states.input.x %}' } } }));
    expect(diagnostic).toMatchObject({
      code: 'INVALID_JSONATA',
      pointer: '/States/A/Arguments/a/b',
      state: 'A',
    });
    expect(diagnostic?.message).toMatch(
      /JSONata syntax error in \{% \$sum\(\$states\.input\.x %\}: .*\(at offset \d+\)\./,
    );
  });

  it('rejects a half-delimited expression ({% without %}, or %} without {%), and accepts literals around it', () => {
    expect(findings(task({ Output: '{% $states.input' }))).toEqual(['INVALID_JSONATA /States/A/Output']);
    expect(findings(task({ Output: '10 %}' }))).toEqual(['INVALID_JSONATA /States/A/Output']);
    expect(findings(task({ Output: { b: ' {% leading space %}' } }))).toEqual([
      'INVALID_JSONATA /States/A/Output/b',
    ]);
    expect(findings(task({ Output: { a: 'plain %} text', b: 'a {% b', c: '{%1%}' } }))).toEqual([]);
  });

  it.each([
    ['$', '{% $ %}'],
    ['$$', '{% $$.x %}'],
    ['a bare field', '{% total + 1 %}'],
    ['a bare field in a function argument', '{% $count(items) %}'],
  ])('rejects %s at the top level of an expression', (_what, expression) => {
    const [diagnostic] = validate(task({ Output: expression }));
    expect(diagnostic).toMatchObject({ code: 'INVALID_JSONATA', pointer: '/States/A/Output' });
    expect(diagnostic?.message).toContain('$states.input');
  });

  it('allows the input document in nested contexts', () => {
    expect(
      findings(task({ Output: '{% $map($states.input.items, function($v) { $v.price }) ~> $sum() %}' })),
    ).toEqual([]);
    expect(findings(task({ Output: '{% $states.input.items[price > 10].(name & "!") %}' }))).toEqual([]);
  });

  it('allows $states.result only in Output/Assign of Task, Parallel and Map', () => {
    expect(findings(task({ Arguments: '{% $states.result %}' }))).toEqual([
      'JSONATA_STATES_FIELD_UNAVAILABLE /States/A/Arguments',
    ]);
    const passDoc = jsonataMachine({ Type: 'Pass', End: true, Output: '{% $states.result %}' });
    expect(findings(passDoc)).toEqual(['JSONATA_STATES_FIELD_UNAVAILABLE /States/A/Output']);
    expect(
      findings(task({ Catch: [{ ErrorEquals: ['E'], Next: 'A', Output: '{% $states.result %}' }] })),
    ).toEqual(['JSONATA_STATES_FIELD_UNAVAILABLE /States/A/Catch/0/Output']);
  });

  it('allows $states.errorOutput only in a Catch', () => {
    const [diagnostic] = validate(task({ Output: '{% $states.errorOutput %}' }));
    expect(diagnostic).toMatchObject({
      code: 'JSONATA_STATES_FIELD_UNAVAILABLE',
      pointer: '/States/A/Output',
    });
    expect(diagnostic?.message).toBe(
      'State "A": $states.errorOutput is not available here; it can only be used in the Output and Assign of a Catch.',
    );
  });

  it('rejects a {% %} Resource', () => {
    expect(findings(task({ Resource: '{% $fn %}' }))).toEqual(['INVALID_VALUE /States/A/Resource']);
  });

  it('treats {% %} as a literal in JSONPath states', () => {
    expect(findings(machine({ Type: 'Pass', End: true, Result: '{% not parsed (' }))).toEqual([]);
  });
});

describe('query languages', () => {
  it('rejects JSONPath fields in JSONata states and the reverse, with a hint', () => {
    const diagnostics = validate(task({ InputPath: '$.x', Parameters: {}, ResultPath: '$.r' }));
    expect(diagnostics.map((d) => d.pointer)).toEqual([
      '/States/A/InputPath',
      '/States/A/Parameters',
      '/States/A/ResultPath',
    ]);
    expect(diagnostics.every((d) => d.code === 'FIELD_NOT_IN_QUERY_LANGUAGE')).toBe(true);
    expect(diagnostics[1]?.message).toContain('(use Arguments with a {% %} expression)');
    expect(findings(machine({ Type: 'Pass', End: true, Output: 1 }))).toEqual([
      'FIELD_NOT_IN_QUERY_LANGUAGE /States/A/Output',
    ]);
    expect(
      findings(
        machine({
          Type: 'Map',
          End: true,
          Items: [1],
          ItemProcessor: { StartAt: 'B', States: { B: { Type: 'Succeed' } } },
        }),
      ),
    ).toEqual(['FIELD_NOT_IN_QUERY_LANGUAGE /States/A/Items']);
  });

  it('lets a single state opt into JSONata in a JSONPath document', () => {
    expect(
      findings(machine({ Type: 'Pass', QueryLanguage: 'JSONata', End: true, Output: '{% $states.input %}' })),
    ).toEqual([]);
  });

  it('forbids a JSONPath state in a JSONata document, except inside a Distributed Map processor', () => {
    expect(findings(jsonataMachine({ Type: 'Pass', QueryLanguage: 'JSONPath', End: true }))).toEqual([
      'QUERY_LANGUAGE_CONFLICT /States/A/QueryLanguage',
    ]);
    const distributed = jsonataMachine({
      Type: 'Map',
      End: true,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'B',
        States: { B: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } },
      },
    });
    expect(findings(distributed)).toEqual([]);
  });

  it('uses the document language inside branches, not the Parallel state language', () => {
    const doc = machine({
      Type: 'Parallel',
      QueryLanguage: 'JSONata',
      End: true,
      Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true, Output: 1 } } }],
    });
    expect(findings(doc)).toEqual(['FIELD_NOT_IN_QUERY_LANGUAGE /States/A/Branches/0/States/B/Output']);
  });
});
