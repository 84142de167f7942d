import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FIXTURES, stepcraft } from './helpers.js';

const order = `${FIXTURES}/asl/order.asl.json`;
const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-replay-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Records a run of order.asl.json, as if AWS had written its history. */
async function recorded(): Promise<{ file: string; events: Record<string, unknown>[] }> {
  const file = path.join(scratch, `history-${Math.random().toString(36).slice(2)}.json`);
  const run = await stepcraft([
    'run',
    order,
    '--input',
    '{"orderId":"o-1","amount":42}',
    '--handlers',
    `${FIXTURES}/handlers.ts`,
    '--history',
    file,
  ]);
  expect(run.code).toBe(0);
  const text = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const events = (
    Array.isArray(text) ? text : (text as { events: Record<string, unknown>[] }).events
  ) as Record<string, unknown>[];
  return { file, events };
}

describe('stepcraft replay', () => {
  test('a history of the same workflow replays with no divergence: exit 0', async () => {
    const { file } = await recorded();
    const result = await stepcraft(['replay', order, '--history', file]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^No divergence: the local run did what AWS's history shows \(\d+ state visits, SUCCEEDED\)\.$/,
    );
  });

  test('an altered history: exit 1 and the first divergence on stderr', async () => {
    const { events } = await recorded();
    const exited = events.find((e) => e.type === 'TaskStateExited') as Record<string, { output: string }>;
    const details = exited.stateExitedEventDetails as { output: string };
    details.output = JSON.stringify({ ...JSON.parse(details.output), amount: 7 });
    const file = path.join(scratch, 'altered.json');
    writeFileSync(file, JSON.stringify({ events }));
    const result = await stepcraft(['replay', order, '--history', file]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      `First divergence at AWS event #${String(exited.id)} (local event #${String(exited.id)}): The output of "Charge" differs at $.amount: AWS 7, local 42`,
    );
    const json = await stepcraft(['replay', order, '--history', file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      matches: false,
      divergences: [{ field: 'output', at: '$.amount' }],
    });
  });

  test('usage errors: no --history, a history that is not JSON or not a history', async () => {
    expect(await stepcraft(['replay', order])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('missing required option --history'),
    });
    const notJson = path.join(scratch, 'not.json');
    writeFileSync(notJson, '{"events": [');
    expect((await stepcraft(['replay', order, '--history', notJson])).code).toBe(2);
    const notHistory = path.join(scratch, 'not-history.json');
    writeFileSync(notHistory, '{"events": [{"id": "x"}]}');
    expect(await stepcraft(['replay', order, '--history', notHistory])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('events[0].id is not an integer.'),
    });
  });

  test('--help documents every exit code', async () => {
    const help = await stepcraft(['replay', '--help']);
    expect(help.stdout).toContain(
      'Exit codes: 0 no divergence, 1 the runs differ or FILE is not a valid state machine, 2 usage error.',
    );
  });
});
