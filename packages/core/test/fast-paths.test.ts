import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { compile, pass, stringifyAsl, typed, workflow } from '../src/index.js';
import { only } from './helpers.js';

// The shortcuts that make compile() fast must not change what it produces.

type Data = { last: { step: number } };
const step = (i: number) =>
  pass(`Pass${i}`, {
    input: typed<Data>(),
    parameters: ({ input }) => ({ step: i, from: input.last.step }),
  }).resultPath('$.last');

/** A chain of `size` Pass states built one `.next()` at a time, as a loop must (its type is not tracked). */
function chainOf(size: number, first = 0) {
  interface Link {
    next(state: unknown): Link;
  }
  let chain = step(first) as unknown as Link;
  for (let i = first + 1; i < first + size; i++) chain = chain.next(step(i));
  return chain;
}

describe('stringifyAsl', () => {
  test('orders keys of states, machines, retriers, catchers and rules; leaves its input untouched', () => {
    const input = {
      States: {
        P: {
          End: true,
          Branches: [{ States: { X: { Type: 'Succeed' } }, StartAt: 'X' }],
          Catch: [{ Next: 'P', ErrorEquals: ['States.ALL'] }],
          Retry: [{ MaxAttempts: 2, ErrorEquals: ['E'] }],
          Custom: 1,
          Type: 'Parallel',
        },
        C: { Default: 'P', Choices: [{ Next: 'P', BooleanEquals: true, Variable: '$.b' }], Type: 'Choice' },
        M: { ItemProcessor: { States: {}, StartAt: 'I' }, Next: 'P', Type: 'Map' },
      },
      StartAt: 'C',
      Comment: 'c',
    } as unknown as AslDocument;
    const before = structuredClone(input);
    const text = stringifyAsl(input);
    expect(input).toEqual(before);
    expect(JSON.stringify(input)).toBe(JSON.stringify(before));
    const out = JSON.parse(text) as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(out)).toEqual(['Comment', 'StartAt', 'States']);
    expect(Object.keys(out.States ?? {})).toEqual(['P', 'C', 'M']);
    const p = out.States?.P as Record<string, unknown[]>;
    expect(Object.keys(p)).toEqual(['Type', 'Branches', 'Retry', 'Catch', 'Custom', 'End']);
    expect(Object.keys(p.Branches?.[0] as object)).toEqual(['StartAt', 'States']);
    expect(Object.keys(p.Retry?.[0] as object)).toEqual(['ErrorEquals', 'MaxAttempts']);
    expect(Object.keys(p.Catch?.[0] as object)).toEqual(['ErrorEquals', 'Next']);
    const c = out.States?.C as Record<string, unknown[]>;
    expect(Object.keys(c)).toEqual(['Type', 'Choices', 'Default']);
    expect(Object.keys(c.Choices?.[0] as object)).toEqual(['Variable', 'BooleanEquals', 'Next']);
    expect(Object.keys(out.States?.M?.ItemProcessor as object)).toEqual(['StartAt', 'States']);
    expect(text.endsWith('}\n')).toBe(true);
  });

  test('a compiled document is already in order: the text is its plain 2-space JSON', () => {
    const { definition } = compile(workflow('W').start(chainOf(30) as never));
    expect(stringifyAsl(definition)).toBe(`${JSON.stringify(definition, null, 2)}\n`);
  });

  test('keys named like Object.prototype members stay own data keys, in order', () => {
    const odd = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const wf = only(
      pass('__proto__', { parameters: () => JSON.parse('{"__proto__": 1, "constructor": 2}') }),
    );
    const text = stringifyAsl(compile(wf).definition);
    const parsed = JSON.parse(text) as { States: Record<string, { Parameters: object }> };
    expect(Object.keys(parsed.States)).toEqual(['__proto__']);
    const state = Object.getOwnPropertyDescriptor(parsed.States, '__proto__')?.value as {
      Parameters: object;
    };
    expect(Object.keys(state.Parameters)).toEqual(['__proto__', 'constructor']);
    // A hand-written document with such state names and keys out of order is reordered without losing any.
    const states = JSON.parse(
      `{${odd.map((name) => `"${name}": {"End": true, "${name}": 0, "Type": "Pass"}`).join(',')}}`,
    );
    const reordered = JSON.parse(stringifyAsl({ StartAt: '__proto__', States: states } as AslDocument)) as {
      States: Record<string, object>;
    };
    expect(Object.keys(reordered.States)).toEqual(odd);
    for (const name of odd) expect(Object.keys(reordered.States[name] ?? {})).toEqual(['Type', name, 'End']);
  });
});

describe('long chains', () => {
  test('a 5,000-state chain built one .next() at a time compiles in order, each state pointing at the next', () => {
    const { definition } = compile(workflow('Long').start(chainOf(5_000) as never));
    const names = Object.keys(definition.States);
    expect(names).toHaveLength(5_000);
    expect(names[0]).toBe('Pass0');
    expect(names[4_999]).toBe('Pass4999');
    names.forEach((name, i) => {
      const state = definition.States[name] as { Next?: string; End?: boolean };
      expect(state).toEqual(
        i === 4_999
          ? expect.objectContaining({ End: true })
          : expect.objectContaining({ Next: `Pass${i + 1}` }),
      );
    });
  });

  test('.next() leaves both operands untouched: one prefix continued two ways gives two workflows', () => {
    const prefix = chainOf(3);
    const a = compile(workflow('A').start(prefix.next(chainOf(2, 10)) as never)).definition;
    const b = compile(workflow('B').start(prefix.next(chainOf(2, 20)) as never)).definition;
    const c = compile(workflow('C').start(prefix as never)).definition;
    expect(Object.keys(a.States)).toEqual(['Pass0', 'Pass1', 'Pass2', 'Pass10', 'Pass11']);
    expect(Object.keys(b.States)).toEqual(['Pass0', 'Pass1', 'Pass2', 'Pass20', 'Pass21']);
    expect(Object.keys(c.States)).toEqual(['Pass0', 'Pass1', 'Pass2']);
    expect(c.States.Pass2).toMatchObject({ End: true });
  });
});

describe('variable check shortcut', () => {
  test('JSON data shaped like a variable reference is data, not a read', () => {
    const lookalike = {
      kind: 'reference',
      path: { root: { kind: 'variable', name: 'ghost' }, segments: [] },
    };
    const wf = only(
      pass('Data', { result: lookalike }).next(
        pass('Template', { parameters: () => ({ nested: lookalike }) }),
      ),
    );
    const { definition } = compile(wf);
    expect(definition.States.Data).toMatchObject({ Result: lookalike });
    expect(definition.States.Template).toMatchObject({ Parameters: { nested: lookalike } });
  });
});
