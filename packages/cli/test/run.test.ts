import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { FIXTURES, stepcraft } from './helpers.js';

const order = `${FIXTURES}/asl/order.asl.json`;
const handlers = `${FIXTURES}/handlers.ts`;
const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('stepcraft run (ASL file)', () => {
  test('prints the output of a successful execution and exits 0', async () => {
    const result = await stepcraft([
      'run',
      order,
      '--input',
      '{"orderId":"o-1","amount":42}',
      '--handlers',
      handlers,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      orderId: 'o-1',
      amount: 42,
      payment: { paymentId: 'p-42' },
      shipping: 'shipped',
    });
  });

  test('reads --input @file', async () => {
    const result = await stepcraft([
      'run',
      order,
      '--input',
      `@${FIXTURES}/order-input.json`,
      '--handlers',
      handlers,
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).payment).toEqual({ paymentId: 'p-42' });
  });

  test('a handler error caught into a Fail state: exit 1, error and cause on stderr', async () => {
    const result = await stepcraft(['run', order, '--input', '{"amount":500}', '--handlers', handlers]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Execution FAILED: OrderDeclined: The card was declined',
    });
  });

  test('--json prints status and output, or status, error and cause', async () => {
    const ok = await stepcraft(['run', order, '--json', '--input', '{"amount":1}', '--handlers', handlers]);
    expect(JSON.parse(ok.stdout)).toEqual({
      status: 'SUCCEEDED',
      output: { amount: 1, payment: { paymentId: 'p-1' }, shipping: 'shipped' },
    });
    const failed = await stepcraft([
      'run',
      order,
      '--json',
      '--input',
      '{"amount":500}',
      '--handlers',
      handlers,
    ]);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toEqual({
      status: 'FAILED',
      error: 'OrderDeclined',
      cause: 'The card was declined',
    });
  });

  test('--history writes the run record (definition, input, result, AWS-shaped events) after the result', async () => {
    const file = path.join(scratch, 'history.json');
    const result = await stepcraft([
      'run',
      order,
      '--input',
      '{"amount":1}',
      '--handlers',
      handlers,
      '--history',
      file,
    ]);
    expect(result.code).toBe(0);
    const record = JSON.parse(readFileSync(file, 'utf8'));
    expect(record).toMatchObject({ format: 'stepcraft.run/1', workflow: 'order', input: { amount: 1 } });
    expect(record.status).toBe('SUCCEEDED');
    expect(record.definition.StartAt).toBeTypeOf('string');
    expect(record.events[0].type).toBe('ExecutionStarted');
    expect(record.events.at(-1).type).toBe('ExecutionSucceeded');
    expect(record.stats.events).toBe(record.events.length);
  });

  test('a --history file that cannot be written: the result first, then its own error, exit 3', async () => {
    const blocker = path.join(scratch, 'blocker');
    writeFileSync(blocker, '');
    const history = path.join(blocker, 'history.json');
    const result = await stepcraft([
      'run',
      order,
      '-i',
      '{"amount":1}',
      '--handlers',
      handlers,
      '--history',
      history,
    ]);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ amount: 1, shipping: 'shipped' });
    expect(result.stderr).toContain(`stepcraft run: --history: cannot write ${history}`);
    const directory = await stepcraft([
      'run',
      order,
      '-i',
      '{"amount":1}',
      '--handlers',
      handlers,
      '--history',
      scratch,
    ]);
    expect(directory.code).toBe(3);
    expect(directory.stderr).toContain('EISDIR');
  });

  test('handler keys such as __proto__ and constructor are plain keys', async () => {
    const argv = ['run', `${FIXTURES}/asl/odd-names.asl.json`, '--input', '{"n":1}'];
    const withHandlers = await stepcraft([...argv, '--handlers', `${FIXTURES}/odd-handlers.ts`]);
    expect(withHandlers).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(withHandlers.stdout)).toEqual({ n: 20 });
    const without = await stepcraft(argv);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(
      /^Execution FAILED: Stepcraft.MissingHandler: Task state "__proto__" has no handler/,
    );
  });

  test('an invalid definition is reported with its diagnostics, exit 1', async () => {
    const result = await stepcraft(['run', `${FIXTURES}/asl/invalid.asl.json`, '--input', '{}']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${FIXTURES}/asl/invalid.asl.json:/States/First/Next:`);
  });

  test('a definition that is not JSON is located, exit 1', async () => {
    const result = await stepcraft(['run', `${FIXTURES}/asl/not-json.asl.json`, '--input', '{}']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('invalid JSON at line 5, column 3');
  });

  test.each([
    [['run', order, '--input', '{"a":'], '--input: invalid JSON at line 1, column 6: expected a JSON value'],
    [['run', order, '--input', '@missing.json'], 'file not found: missing.json'],
    [['run', 'nowhere.asl.json', '--input', '{}'], 'file not found: nowhere.asl.json'],
    [['run', order, 'extra.json', '--input', '{}'], 'run takes one FILE, got also: extra.json'],
    [
      ['run', order, '--input', '{}', '--handlers', `${FIXTURES}/not-handlers.ts`],
      `--handlers ${FIXTURES}/not-handlers.ts: the default export must be an object`,
    ],
    [['run', order, '--input', '{}', '--workflow', 'X'], '--workflow applies to TypeScript files only'],
  ])('usage error for %j: exit 2', async (argv, problem) => {
    const result = await stepcraft(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`stepcraft run: ${problem}`);
    expect(result.stderr).toContain("Run 'stepcraft run --help' for usage.");
  });
});

describe('stepcraft run (TypeScript workflow)', () => {
  const payments = `${FIXTURES}/workflows/payments.ts`;

  test('compiles and runs the workflow, with its own task handlers', async () => {
    const result = await stepcraft(['run', `${FIXTURES}/workflows/greeting.ts`, '--input', '{"name":"Ada"}']);
    expect(result).toEqual({ code: 0, stdout: JSON.stringify({ message: 'hello' }, null, 2), stderr: '' });
  });

  test('--workflow picks one of several, by workflow name or export name', async () => {
    const byName = await stepcraft(['run', payments, '--workflow', 'Charge', '--input', '{}']);
    expect(byName).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(byName.stdout)).toEqual({ paymentId: 'p-local' });
    const byExport = await stepcraft(['run', payments, '--workflow', 'refunding', '--input', '{}', '--json']);
    expect(JSON.parse(byExport.stdout)).toEqual({ status: 'SUCCEEDED', output: { refunded: true } });
  });

  test("--handlers override the workflow's own handlers (keyed by state name)", async () => {
    const argv = ['run', payments, '-w', 'Charge', '-i', '{}', '--handlers', `${FIXTURES}/state-handlers.ts`];
    const result = await stepcraft(argv);
    expect(JSON.parse(result.stdout)).toEqual({ paymentId: 'p-override' });
  });

  test.each([
    [
      ['run', payments, '--input', '{}'],
      "exports several workflows (Charge (export 'charging'), Refund (export 'refunding')); pick one with --workflow NAME",
    ],
    [
      ['run', payments, '--input', '{}', '--workflow', 'Nope'],
      "has no workflow 'Nope'; it has Charge (export 'charging')",
    ],
    [['run', `${FIXTURES}/handlers.ts`, '--input', '{}'], `${FIXTURES}/handlers.ts exports no workflow`],
  ])('usage error for %j: exit 2', async (argv, problem) => {
    const result = await stepcraft(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(problem);
  });

  test('a workflow that does not compile: diagnostics, exit 1', async () => {
    const result = await stepcraft(['run', `${FIXTURES}/invalid/bad-timeout.ts`, '--input', '{}']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${FIXTURES}/invalid/bad-timeout.ts (workflow 'BadTimeout'):/TimeoutSeconds: TimeoutSeconds must be a positive integer, got 0. [INVALID_VALUE]`,
    );
  });

  test('a module that throws while loading: exit 1 with its message', async () => {
    const result = await stepcraft(['run', `${FIXTURES}/invalid/throws.ts`, '--input', '{}']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `${FIXTURES}/invalid/throws.ts: failed to load: boom at load time`,
    });
  });
});
