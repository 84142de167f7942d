import { type AslDocument, type JsonValue, validate } from '@stepcraft/asl';
import { run } from '@stepcraft/runner';
import { describe, expect, it } from 'vitest';

// Definitions, execution inputs and handler results are untrusted data: they must not pollute prototypes, reach
// code evaluation, or make a pattern or path query blow up. Each case runs through the public API end to end.

const pass = (fields: Record<string, unknown>): AslDocument =>
  ({ StartAt: 'P', States: { P: { Type: 'Pass', End: true, ...fields } } }) as AslDocument;

describe('prototype pollution', () => {
  it('__proto__ and constructor keys in the input, Parameters and ResultPath are plain data', async () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}');
    const result = await run(
      pass({
        Parameters: { '__proto__.$': '$.__proto__', 'constructor.$': '$.constructor', 'copy.$': '$' },
        ResultPath: '$.__proto__',
      }),
      input,
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(result.output as object, '__proto__')).toBe(true);
    const written = Object.getOwnPropertyDescriptor(result.output, '__proto__')?.value as object;
    expect(Object.hasOwn(written as object, 'copy')).toBe(true);
  });

  it('a handler result with __proto__ cannot pollute and is returned as data', async () => {
    const result = await run(
      {
        StartAt: 'T',
        States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } },
      },
      {},
      { handlers: { T: () => JSON.parse('{"__proto__": {"admin": true}}') } },
    );
    expect(result.status).toBe('SUCCEEDED');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    const payload = (result.output as { Payload: object }).Payload;
    expect(Object.keys(payload)).toEqual(['__proto__']);
  });

  it('JSONata cannot reach inherited members such as constructor', async () => {
    const result = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'P',
        States: { P: { Type: 'Pass', Output: '{% $states.input.constructor %}', End: true } },
      },
      {},
    );
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.QueryEvaluationError');
  });

  it('validating a definition full of __proto__ keys does not pollute and reports them as unknown fields', () => {
    const definition = JSON.parse(
      '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"__proto__":{"x":1}}}}',
    );
    const diagnostics = validate(definition);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(diagnostics.map((d) => d.pointer)).toContain('/States/P/__proto__');
  });
});

describe('no pattern or query blow-up', () => {
  it('StringMatches with a pathological pattern answers at once', async () => {
    const definition: AslDocument = {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.s', StringMatches: `${'*a'.repeat(40)}b`, Next: 'Yes' }],
          Default: 'No',
        },
        Yes: { Type: 'Succeed' },
        No: { Type: 'Succeed', OutputPath: '$.s' },
      },
    };
    const started = performance.now();
    const result = await run(definition, { s: 'a'.repeat(5000) });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toBe('a'.repeat(5000));
    expect(performance.now() - started).toBeLessThan(5000); // a backtracking matcher takes hours here
  });

  it('regex metacharacters in a StringMatches pattern are literal', async () => {
    const definition: AslDocument = {
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Variable: '$.s', StringMatches: '(a+)+$.*', Next: 'Yes' }],
          Default: 'No',
        },
        Yes: { Type: 'Pass', Result: 'yes', End: true },
        No: { Type: 'Pass', Result: 'no', End: true },
      },
    };
    expect((await run(definition, { s: '(a+)+$.anything' })).output).toBe('yes');
    expect((await run(definition, { s: 'aaa' })).output).toBe('no');
  });

  it('a filter expression that calls code is rejected by validation, and is inert data at run time', async () => {
    const definition = pass({ Parameters: { 'x.$': '$.items[?(@.a == process.exit(1))]' } });
    const input = { items: [{ a: 1 }] };
    const validated = await run(definition, input);
    expect(validated.error).toBe('Stepcraft.InvalidDefinition');
    const unvalidated = await run(definition, input, { validate: false });
    expect(unvalidated.status).toBe('FAILED');
    expect(unvalidated.error).toBe('States.Runtime');
  });

  it.each([5_000, 200_000])(
    'an input nested %i deep ends in a named result, never a crash',
    async (depth) => {
      let deep: JsonValue = 'leaf';
      for (let i = 0; i < depth; i++) deep = { d: deep };
      const result = await run(pass({ ResultPath: '$.copy' }), { deep });
      if (result.status === 'FAILED') expect(result.error).toMatch(/^(States|Stepcraft)\./);
      else expect(result.status).toBe('SUCCEEDED');
    },
  );
});
