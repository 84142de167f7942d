import type { AslDocument, JsonObject } from '@stepcraft/asl';
import { run } from '@stepcraft/runner';
import { type RunRecord, readRun, runRecordOf } from '../src/index.js';

/** Generated JSON as a definition, checked the way the viewer checks one (`readRun`'s definition rules). */
function asDocument(definition: JsonObject): AslDocument {
  const read = readRun([], { definition });
  if (!read.ok) throw new Error(read.message);
  return read.run.definition;
}

/**
 * A 1,000-state workflow: a chain of Pass and Task states with a Choice every 25 states (taking its shortcut),
 * a Parallel with two 2-state branches every 100 and a Map with a 3-state processor every 125.
 */
export function thousandStateDefinition(): AslDocument {
  type Kind = 'pass' | 'task' | 'choice' | 'parallel' | 'map';
  const size: Record<Kind, number> = { pass: 1, task: 1, choice: 1, parallel: 5, map: 4 };
  const kinds: Kind[] = [];
  for (let total = 0, i = 0; total < 1000; i++) {
    const room = 1000 - total;
    const wanted: Kind =
      i % 100 === 50
        ? 'parallel'
        : i % 125 === 60
          ? 'map'
          : i % 25 === 10
            ? 'choice'
            : i % 3 === 0
              ? 'task'
              : 'pass';
    // Fill the last few states with Pass states, and never end on a Choice (it needs two states after it).
    const kind = size[wanted] > room || (wanted === 'choice' && room < 4) ? 'pass' : wanted;
    kinds.push(kind);
    total += size[kind];
  }
  const name = (i: number) => `Step${String(i).padStart(4, '0')}`;
  const task = {
    Type: 'Task',
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: { FunctionName: 'work', 'Payload.$': '$' },
  };
  const states: Record<string, JsonObject> = {};
  kinds.forEach((kind, i) => {
    const here = name(i);
    const link: JsonObject = i === kinds.length - 1 ? { End: true } : { Next: name(i + 1) };
    const branch = (b: number): JsonObject => ({
      StartAt: `${here}B${b}A`,
      States: {
        [`${here}B${b}A`]: { Type: 'Pass', Next: `${here}B${b}B` },
        [`${here}B${b}B`]: { Type: 'Pass', End: true },
      },
    });
    states[here] =
      kind === 'parallel'
        ? { Type: 'Parallel', Branches: [branch(1), branch(2)], ResultPath: null, ...link }
        : kind === 'map'
          ? {
              Type: 'Map',
              ItemsPath: '$.items',
              ItemProcessor: {
                StartAt: `${here}M1`,
                States: {
                  [`${here}M1`]: { Type: 'Pass', Next: `${here}M2` },
                  [`${here}M2`]: { ...task, Next: `${here}M3` },
                  [`${here}M3`]: { Type: 'Pass', End: true },
                },
              },
              ResultPath: null,
              ...link,
            }
          : kind === 'choice'
            ? {
                Type: 'Choice',
                Choices: [{ Variable: '$.go', BooleanEquals: true, Next: name(i + 1) }],
                Default: name(i + 2),
              }
            : kind === 'task'
              ? { ...task, ResultPath: null, ...link }
              : { Type: 'Pass', Result: { step: i }, ResultPath: '$.last', ...link };
  });
  return asDocument({ Comment: 'A 1,000-state workflow', StartAt: name(0), States: states });
}

/** A run of the 1,000-state workflow (every state entered once, the Maps over 3 items). */
export async function thousandStateRun(): Promise<RunRecord> {
  const definition = thousandStateDefinition();
  const input = { go: true, items: [1, 2, 3] };
  const result = await run(definition, input, { handlers: { work: async (payload) => payload } });
  return runRecordOf({ workflow: 'ThousandStates', definition, input, result });
}

/**
 * A run whose history has exactly 25,000 events (AWS's limit for a Standard execution): an inline Map over a few
 * thousand items, each iteration a Task and a Pass (9 events), after enough Pass states to land on 25,000.
 */
export async function twentyFiveThousandEventRun(): Promise<RunRecord> {
  const target = 25_000;
  // ExecutionStarted, MapStateEntered/Started/Succeeded/Exited, ExecutionSucceeded, and 2 per leading Pass.
  const fixed = 6;
  let items = Math.floor((target - fixed) / 9);
  let rest = target - fixed - items * 9;
  if (rest % 2 === 1) {
    items--;
    rest += 9;
  }
  const passes = rest / 2;
  const states: Record<string, JsonObject> = {};
  for (let i = 0; i < passes; i++)
    states[`Prepare${i}`] = { Type: 'Pass', Next: i + 1 < passes ? `Prepare${i + 1}` : 'Process' };
  states.Process = {
    Type: 'Map',
    ItemsPath: '$.items',
    MaxConcurrency: 40,
    ItemProcessor: {
      StartAt: 'Handle',
      States: {
        Handle: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'handle', 'Payload.$': '$' },
          OutputPath: '$.Payload',
          Next: 'Record',
        },
        Record: { Type: 'Pass', End: true },
      },
    },
    ResultPath: null,
    End: true,
  };
  const definition = asDocument({ StartAt: passes > 0 ? 'Prepare0' : 'Process', States: states });
  const input = { items: Array.from({ length: items }, (_, i) => ({ id: `item-${i}`, value: i })) };
  const result = await run(definition, input, {
    handlers: { handle: async (item) => ({ ...(item as JsonObject), done: true }) },
    maxHistoryEvents: target + 1,
  });
  return runRecordOf({ workflow: 'TwentyFiveThousandEvents', definition, input, result });
}
