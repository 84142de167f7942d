import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stepcraft } from './helpers.js';

const example = 'examples/order-processing/workflow.ts';
const exampleAsl = 'examples/order-processing/workflow.asl.json';
const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-graph-'));
const history = path.join(scratch, 'declined.json');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// A real failed run of the example, written the way users make one.
beforeAll(async () => {
  const input = '{"orderId":"o-1","amount":5,"card":"declined","items":[{"sku":"a","quantity":1}]}';
  const result = await stepcraft(['run', example, '--input', input, '--history', history]);
  expect(result.code).toBe(1);
});

function scratchFile(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

describe('stepcraft graph', () => {
  test('prints the Mermaid flowchart of an ASL file', async () => {
    const result = await stepcraft(['graph', exampleAsl]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('flowchart TB');
    expect(lines).toContain('  s1["ProcessPayment<br/>Task · lambda:invoke"]');
    expect(lines).toContain('  s1 -.->|"States.ALL"| s4');
    expect(lines).toContain('  start --> s0');
    expect(lines).toContain('  s6 --> stop');
  });

  test('draws a TypeScript workflow exactly as its compiled ASL, in DOT too', async () => {
    const fromTs = await stepcraft(['graph', example, '--format', 'dot']);
    const fromAsl = await stepcraft(['graph', exampleAsl, '-f', 'dot']);
    expect(fromTs.code).toBe(0);
    expect(fromTs.stdout.startsWith('digraph workflow {')).toBe(true);
    expect(fromTs.stdout).toBe(fromAsl.stdout);
  });

  test('--run lays a failed run over the diagram; --out writes it to a file', async () => {
    const out = path.join(scratch, 'out/declined.mmd');
    const result = await stepcraft(['graph', example, '--run', history, '--out', out]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(
      's1["ProcessPayment<br/>Task · lambda:invoke<br/>entered 1×<br/>handled: PaymentDeclined"]',
    );
    expect(text).toContain('s6(["OrderFailed<br/>Fail<br/>entered 1×<br/>failed: OrderFailed"])');
    expect(text).toContain('stop((("End<br/>FAILED")))');
    expect(text).toContain('class s1 handled');
    expect(text).toContain('class s6 failed');
    expect(text).toContain('class s2,s3 unvisited');
  });

  test('--run accepts the run record, the bare history array, or an object holding it under "history"', async () => {
    const { events } = JSON.parse(readFileSync(history, 'utf8')) as { events: unknown };
    const wrapped = scratchFile('wrapped.json', JSON.stringify({ history: events }));
    const bare = scratchFile('bare.json', JSON.stringify(events));
    const record = await stepcraft(['graph', exampleAsl, '--run', history]);
    for (const file of [wrapped, bare]) {
      const other = await stepcraft(['graph', exampleAsl, '--run', file]);
      expect(other.code).toBe(0);
      expect(other.stdout).toBe(record.stdout);
    }
  });

  test('--help', async () => {
    const result = await stepcraft(['graph', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: stepcraft graph FILE \[--format mermaid\|dot\]/);
    expect((await stepcraft(['--help'])).stdout).toContain('graph FILE [--run RUN.json]');
  });

  test('an invalid definition: exit 1 with its diagnostics', async () => {
    const file = scratchFile(
      'broken.asl.json',
      '{"StartAt":"Nope","States":{"A":{"Type":"Pass","End":true}}}',
    );
    const result = await stepcraft(['graph', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${file} is not a valid state machine:`);
    expect(result.stderr).toContain('Nope');
  });

  const usage = (problem: string) => `stepcraft graph: ${problem}\nRun 'stepcraft graph --help' for usage.`;

  test.each([
    [['graph'], 'missing FILE: name an .asl.json or .ts file to draw'],
    [['graph', exampleAsl, 'other.json'], 'graph takes one FILE, got also: other.json'],
    [['graph', 'nope.asl.json'], 'file not found: nope.asl.json'],
    [['graph', exampleAsl, '--format', 'svg'], "--format must be mermaid or dot, not 'svg'"],
    [['graph', exampleAsl, '--workflow', 'X'], '--workflow applies to TypeScript files only'],
    [['graph', exampleAsl, '--run', 'missing.json'], 'file not found: missing.json'],
  ])('%j: exit 2, %s', async (argv, problem) => {
    expect(await stepcraft(argv)).toEqual({ code: 2, stdout: '', stderr: usage(problem) });
  });

  test.each([
    [
      'not-json.json',
      '{"history": [',
      'invalid JSON at line 1, column 14: expected a JSON value, found the end of the text',
    ],
    ['object.json', '{"steps": []}', 'expected the history array written by `stepcraft run --history`'],
    ['no-type.json', '[{"id": 1}]', 'event [0] has no string "type"'],
    [
      'no-name.json',
      '[{"id": 1, "type": "TaskStateEntered", "stateEnteredEventDetails": {}}]',
      'event [0] (TaskStateEntered) has no state name in its event details',
    ],
    [
      'other-workflow.json',
      '[{"id": 1, "previousEventId": 0, "type": "PassStateEntered", "stateEnteredEventDetails": {"name": "Elsewhere"}}]',
      `the run entered state "Elsewhere", which ${exampleAsl} does not have; is it a run of another workflow?`,
    ],
  ])('a bad run file (%s): exit 2 naming the problem', async (name, text, problem) => {
    const file = scratchFile(name, text);
    expect(await stepcraft(['graph', exampleAsl, '--run', file])).toEqual({
      code: 2,
      stdout: '',
      stderr: usage(`--run ${file}: ${problem}`),
    });
  });
});
