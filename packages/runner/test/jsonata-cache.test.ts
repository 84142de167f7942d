import { describe, expect, it, vi } from 'vitest';

const compiled: string[] = [];

vi.mock('../src/jsonata/library.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/jsonata/library.js')>();
  return {
    jsonata: (text: string) => {
      compiled.push(text);
      return actual.jsonata(text);
    },
  };
});

const { evaluateJsonataValue } = await import('../src/jsonata/evaluate.js');

describe('JSONata compile cache', () => {
  it('compiles each distinct expression once, however often it is evaluated', async () => {
    const scope = {
      input: { n: 1 },
      context: () => ({}),
      variables: () => undefined,
      stateName: 'S',
      field: 'Output',
      random: () => 0.5,
    };
    for (let i = 0; i < 50; i++) {
      await evaluateJsonataValue(
        { a: '{% $states.input.n + 1 %}', b: '{%$states.input.n + 1%}', c: '{% 2 %}' },
        scope,
        'Output',
      );
    }
    // Besides the workflow's expressions, the key-safe replacements read jsonata's own functions once.
    expect(compiled.filter((text) => !text.startsWith('[$merge'))).toEqual(['$states.input.n + 1', '2']);
  });
});
