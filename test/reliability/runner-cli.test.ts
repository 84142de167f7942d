import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AslDocument } from '@stepcraft/asl';
import { run, runRecordJson } from '@stepcraft/runner';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../packages/cli/src/main.js';

// `stepcraft run` as a user runs it: a real process (so an unsettled promise would show as exit 13), printing a
// result for every run that ends.

const ROOT = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-runner-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const file = (name: string, text: string): string => {
  const at = path.join(scratch, name);
  writeFileSync(at, text);
  return at;
};

const lambda = (fields: Record<string, unknown>) =>
  JSON.stringify({
    StartAt: 'Hang',
    States: {
      Hang: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:1:function:Hang', End: true, ...fields },
    },
  });
const hanging = file('hang.mjs', 'export default { Hang: () => new Promise(() => {}) };\n');

/** Runs the CLI from its sources in a child process. */
async function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  try {
    const { stdout, stderr } = await promisify(execFile)(
      tsx,
      ['--conditions=@stepcraft/source', path.join(ROOT, 'packages/cli/src/bin.ts'), ...args],
      { cwd: ROOT, timeout: 30_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe.concurrent('stepcraft run with a handler that never settles', () => {
  it('without a timeout: prints Stepcraft.Stalled naming the state, exit 1 (never 13)', async () => {
    const result = await cli(['run', file('no-timeout.asl.json', lambda({})), '--handlers', hanging]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^Execution FAILED: Stepcraft\.Stalled: .*the handler of Task state "Hang"/,
    );
  });

  it('with TimeoutSeconds: times out as AWS would (States.Timeout), exit 1', async () => {
    const definition = file('timeout.asl.json', lambda({ TimeoutSeconds: 5 }));
    const result = await cli(['run', definition, '--handlers', hanging, '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ status: 'FAILED', error: 'States.Timeout' });
  });
});

describe('stepcraft run in process', () => {
  const stepcraft = async (argv: readonly string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: ROOT });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };

  it('takes {} as the input when --input is absent, as AWS does', async () => {
    const pass = file('pass.asl.json', '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}');
    expect(await stepcraft(['run', pass])).toEqual({ code: 0, stdout: '{}', stderr: '' });
  });

  it('documents every exit code in --help', async () => {
    const help = (await stepcraft(['run', '--help'])).stdout;
    expect(help).toContain('Exit codes: 0 SUCCEEDED; 1 FAILED, TIMED_OUT or ABORTED');
    expect(help).toContain(
      '2 usage error; 3 the run ended but the --history file or the --view page could not be',
    );
  });

  it('streams --history: a long run with 200 KB payloads is written piece by piece', async () => {
    const payload = 'x'.repeat(200_000);
    const definition = {
      StartAt: 'S0',
      States: Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [
          `S${i}`,
          {
            Type: 'Pass',
            Parameters: { 'big.$': '$.big', step: i },
            ...(i === 39 ? { End: true } : { Next: `S${i + 1}` }),
          },
        ]),
      ),
    };
    const input = { big: payload };
    const result = await run(definition as AslDocument, input);
    let pieces = 0;
    let largest = 0;
    for (const piece of runRecordJson(result, {
      workflow: 'Big',
      definition: definition as AslDocument,
      input,
    })) {
      pieces++;
      largest = Math.max(largest, piece.length);
    }
    // One piece per event (plus the head): none holds more than one event's text.
    expect(pieces).toBeGreaterThan(result.stats.events);
    expect(largest).toBeLessThan(2 * 210_000);

    const asl = file('big.asl.json', JSON.stringify(definition));
    const inputFile = file('big-input.json', JSON.stringify(input));
    const history = path.join(scratch, 'big-run.json');
    const cliResult = await stepcraft([
      'run',
      asl,
      '--input',
      `@${inputFile}`,
      '--json',
      '--history',
      history,
    ]);
    expect(cliResult.code).toBe(0);
    const record = JSON.parse(readFileSync(history, 'utf8'));
    expect(record.events).toHaveLength(result.stats.events);
    expect(record.status).toBe('SUCCEEDED');
  });
});
