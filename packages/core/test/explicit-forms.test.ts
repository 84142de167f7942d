import { validate } from '@stepcraft/asl';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { compile, map, pass, stringifyAsl, succeed, workflow } from '../src/index.js';
import { expectValidAsl } from './helpers.js';

// Forms AWS accepts besides core's own spelling, which an imported definition keeps so its first deploy is a no-op.
describe('legacy and explicit forms', () => {
  const item = pass('Item');

  test('a Map spells out an inline ProcessorConfig, and takes the deprecated Iterator/Parameters names', () => {
    const Items = z.object({ items: z.array(z.string()) });
    const wf = workflow('W', { input: Items }).start(
      map('Each', {
        input: Items,
        itemsPath: '$.items',
        itemSelector: ({ context }) => ({ value: context.Map.Item.Value }),
        processor: item,
        mode: 'inline',
        processorField: 'Iterator',
        itemSelectorField: 'Parameters',
      }),
    );
    const { definition } = compile(wf);
    expect(definition.States.Each).toEqual({
      Type: 'Map',
      ItemsPath: '$.items',
      Parameters: { 'value.$': '$$.Map.Item.Value' },
      Iterator: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Item',
        States: { Item: { Type: 'Pass', End: true } },
      },
      End: true,
    });
    expect(validate(definition)).toEqual([]);
    expectValidAsl(definition);
    // Without the options, the current names and no ProcessorConfig (the default).
    const List = z.array(z.string());
    const plain = compile(
      workflow('W', { input: List }).start(map('Each', { input: List, processor: item })),
    ).definition;
    expect(Object.keys(plain.States.Each ?? {})).toEqual(['Type', 'ItemProcessor', 'End']);
  });

  test('a declared JSONPath is written at the top, with Version; a compile() override of it is not', () => {
    const wf = workflow('W', { queryLanguage: 'JSONPath', version: '1.0' }).start(succeed('Done'));
    expect(compile(wf).definition).toEqual({
      QueryLanguage: 'JSONPath',
      StartAt: 'Done',
      States: { Done: { Type: 'Succeed' } },
      Version: '1.0',
    });
    expect(compile(workflow('W').start(succeed('Done'))).definition).not.toHaveProperty('QueryLanguage');
    const jsonata = compile(wf, { queryLanguage: 'JSONata' }).definition;
    expect(jsonata.QueryLanguage).toBe('JSONata');
  });

  test('stateOrder orders each States object; unlisted states follow in the default order', () => {
    const done = succeed('Done');
    const chain = pass('A').next(pass('B')).next(done);
    expect(Object.keys(compile(workflow('W').start(chain)).definition.States)).toEqual(['A', 'B', 'Done']);
    const ordered = compile(workflow('W', { stateOrder: ['Done', 'A'] }).start(chain)).definition;
    expect(Object.keys(ordered.States)).toEqual(['Done', 'A', 'B']);
    expect(stringifyAsl(ordered)).toContain('"StartAt": "A"');
  });

  test('stringifyAsl writes Choice rules and ProcessorConfig in one order, whatever the document says', () => {
    const rule = { Comment: 'c', StringEquals: 'x', Variable: '$.a', Next: 'B' };
    const text = stringifyAsl({
      StartAt: 'A',
      States: {
        A: { Type: 'Choice', Choices: [rule, { Not: { StringEquals: 'y', Variable: '$.b' }, Next: 'B' }] },
        B: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { ExecutionType: 'EXPRESS', Mode: 'DISTRIBUTED' },
            StartAt: 'C',
            States: {},
          },
          End: true,
        },
      },
    } as never);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed.States.A.Choices[0])).toEqual(['Variable', 'StringEquals', 'Comment', 'Next']);
    expect(Object.keys(parsed.States.A.Choices[1].Not)).toEqual(['Variable', 'StringEquals']);
    expect(Object.keys(parsed.States.B.ItemProcessor.ProcessorConfig)).toEqual(['Mode', 'ExecutionType']);
  });
});
