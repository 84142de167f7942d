import type { AslDocument } from '@stepcraft/asl';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';

// The context object is built only when an expression reads it: these pin what `$$` holds at each read.
describe('context object ($$), built when read', () => {
  it('names the state and its entry time, also when a loop re-enters a state at a later time', async () => {
    const definition = {
      StartAt: 'Look',
      States: {
        Look: {
          Type: 'Pass',
          Parameters: { 'name.$': '$$.State.Name', 'at.$': '$$.State.EnteredTime', 'n.$': '$.n' },
          ResultPath: '$.seen',
          Next: 'Again',
        },
        Again: {
          Type: 'Choice',
          Choices: [{ Variable: '$.seen.n', NumericLessThan: 1, Next: 'Later' }],
          Default: 'Done',
        },
        Later: { Type: 'Wait', Seconds: 5, Next: 'Bump' },
        Bump: {
          Type: 'Pass',
          Parameters: { 'n.$': 'States.MathAdd($.n, 1)', 'first.$': '$.seen' },
          Next: 'Look',
        },
        Done: { Type: 'Pass', OutputPath: '$.seen', End: true },
      },
    } as unknown as AslDocument;
    const result = await run(definition, { n: 0 });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({ name: 'Look', at: '2024-01-01T00:00:05.000Z', n: 1 });
    expect(
      JSON.parse(
        result.history.find((e) => e.type === 'PassStateExited')?.stateExitedEventDetails?.output as string,
      ),
    ).toEqual({
      n: 0,
      seen: { name: 'Look', at: '2024-01-01T00:00:00.000Z', n: 0 },
    });
  });

  it('is the execution context in a Choice rule, a JSONata Output and a Map ItemSelector', async () => {
    const definition = {
      StartAt: 'Route',
      States: {
        Route: {
          Type: 'Choice',
          Choices: [{ Variable: '$$.Execution.Name', StringEquals: 'ctx-run', Next: 'Each' }],
          Default: 'Wrong',
        },
        Wrong: { Type: 'Fail', Error: 'Wrong' },
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemSelector: { 'index.$': '$$.Map.Item.Index', 'state.$': '$$.State.Name' },
          ItemProcessor: {
            StartAt: 'Inner',
            States: {
              Inner: {
                Type: 'Pass',
                QueryLanguage: 'JSONata',
                Output: '{% [$states.input.index, $states.input.state, $states.context.State.Name] %}',
                End: true,
              },
            },
          },
          End: true,
        },
      },
    } as unknown as AslDocument;
    const result = await run(definition, { items: ['a', 'b'] }, { executionName: 'ctx-run' });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual([
      [0, 'Each', 'Inner'],
      [1, 'Each', 'Inner'],
    ]);
  });

  it('gives the same history on every run of a long chain', async () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 3000; i++) {
      states[`S${i}`] = {
        Type: 'Pass',
        Parameters: {
          step: i,
          'from.$': '$.last.step',
          'who.$': i % 1000 === 0 ? '$$.State.Name' : '$.last.step',
        },
        ResultPath: '$.last',
        ...(i === 2999 ? { End: true } : { Next: `S${i + 1}` }),
      };
    }
    const definition = { StartAt: 'S0', States: states } as unknown as AslDocument;
    const first = await run(definition, { last: { step: -1 } });
    const second = await run(definition, { last: { step: -1 } });
    expect(first.output).toEqual({ last: { step: 2999, from: 2998, who: 2998 } });
    expect(first.history).toHaveLength(2 * 3000 + 2);
    expect(JSON.stringify(second.history)).toBe(JSON.stringify(first.history));
    const exited = first.history.find(
      (e) => e.type === 'PassStateExited' && e.stateExitedEventDetails?.name === 'S1000',
    );
    expect(JSON.parse(exited?.stateExitedEventDetails?.output as string)).toEqual({
      last: { step: 1000, from: 999, who: 'S1000' },
    });
  });
});
