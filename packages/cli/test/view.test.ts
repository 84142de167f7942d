import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '@stepcraft/core';
import { run } from '@stepcraft/runner';
import { runRecordOf } from '@stepcraft/viewer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { orderProcessing } from '../../../examples/order-processing/workflow.js';
import { buildOnce } from '../src/commands/dev-worker.js';
import { FIXTURES, ROOT, stepcraft } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'stepcraft-view-'));
const at = (name: string) => path.join(scratch, name);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The embedded run of a written page. */
const embedded = (html: string) =>
  JSON.parse(html.slice(html.indexOf('id="stepcraft-data">') + 20, html.indexOf('</script>'))) as {
    run: { workflow: string; status: string; events: unknown[] };
    layout: { boxes: unknown[] };
  };

/** Runs `action` with `$BROWSER` set to `browser`, then puts it back. */
async function withBrowser(browser: string, action: () => Promise<void>): Promise<void> {
  const before = process.env.BROWSER;
  process.env.BROWSER = browser;
  try {
    await action();
  } finally {
    if (before === undefined) delete process.env.BROWSER;
    else process.env.BROWSER = before;
  }
}

/** What `action` asked the browser to open, through a `$BROWSER` script that writes it down (it runs detached). */
async function openedBy(name: string, action: () => Promise<void>): Promise<string> {
  const opened = at(`${name}-opened.txt`);
  const browser = at(`${name}-browser.sh`);
  writeFileSync(browser, `#!/bin/sh\necho "$1" > '${opened}'\n`);
  chmodSync(browser, 0o755);
  await withBrowser(browser, action);
  for (let i = 0; i < 50 && !existsSync(opened); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return readFileSync(opened, 'utf8').trim();
}

beforeAll(async () => {
  const compiled = compile(orderProcessing);
  const input = { orderId: 'o-1', amount: 42, card: 'declined', items: [] };
  const result = await run(compiled, input);
  const record = runRecordOf({ workflow: 'OrderProcessing', definition: compiled.definition, input, result });
  writeFileSync(at('declined.json'), JSON.stringify(record));
  writeFileSync(at('history.json'), JSON.stringify({ events: record.events }));
  writeFileSync(at('definition.asl.json'), JSON.stringify(compiled.definition));
});

describe('stepcraft view', () => {
  test('writes the page beside the run record (run.json → run.html) and prints its path', async () => {
    const result = await stepcraft(['view', 'declined.json'], scratch);
    expect(result).toEqual({ code: 0, stdout: 'declined.html', stderr: '' });
    const page = embedded(readFileSync(at('declined.html'), 'utf8'));
    expect([page.run.workflow, page.run.status]).toEqual(['OrderProcessing', 'FAILED']);
    expect(page.layout.boxes.length).toBeGreaterThan(5);
  });

  test('--out names the page; an AWS history is read with --definition (ASL or TypeScript)', async () => {
    const asl = await stepcraft(
      ['view', 'history.json', '--definition', 'definition.asl.json', '-o', 'out/aws.html'],
      scratch,
    );
    expect(asl).toEqual({ code: 0, stdout: path.join('out', 'aws.html'), stderr: '' });
    expect(embedded(readFileSync(at('out/aws.html'), 'utf8')).run).toMatchObject({
      workflow: 'definition',
      status: 'FAILED',
    });
    const module = await stepcraft([
      'view',
      at('history.json'),
      '--definition',
      'examples/order-processing/workflow.ts',
      '--out',
      at('ts.html'),
    ]);
    expect(module.code).toBe(0);
    expect(embedded(readFileSync(at('ts.html'), 'utf8')).run.workflow).toBe('OrderProcessing');
  });

  test('--open hands the page to $BROWSER', async () => {
    const opened = await openedBy('view', async () => {
      expect((await stepcraft(['view', 'declined.json', '--open', '--out', 'open.html'], scratch)).code).toBe(
        0,
      );
    });
    expect(opened).toBe(at('open.html'));
  });

  test('a browser that cannot be started is a warning: the page is still written', async () => {
    await withBrowser(at('no-such-browser'), async () => {
      const result = await stepcraft(['view', 'declined.json', '--open', '--out', 'warned.html'], scratch);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(
        /^stepcraft view: could not open a browser \(.*no-such-browser: .*ENOENT.*\); open the file yourself$/,
      );
    });
  });

  test.each([
    [
      'not JSON',
      '{"format": ',
      1,
      'bad.json: invalid JSON at line 1, column 12: expected a JSON value, found the end of the text',
    ],
    [
      'not a run',
      '{"format": "stepcraft.run/1", "status": "DONE"}',
      1,
      'bad.json: not a run: status: expected one of SUCCEEDED, FAILED, TIMED_OUT, ABORTED, got "DONE"',
    ],
    [
      'a history without its definition',
      '{"events": []}',
      1,
      'bad.json: not a run: this is an execution history without its definition: give the definition too (--definition FILE)',
    ],
  ])('%s: exit %d with a message naming the problem', async (_name, text, code, message) => {
    writeFileSync(at('bad.json'), text);
    expect(await stepcraft(['view', 'bad.json'], scratch)).toEqual({ code, stdout: '', stderr: message });
  });

  test('a definition that is not valid, not the one that ran, or too deep to draw, is exit 1', async () => {
    const invalid = await stepcraft(
      ['view', 'history.json', '--definition', `${path.resolve(FIXTURES)}/asl/invalid.asl.json`],
      scratch,
    );
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('invalid.asl.json is not a valid state machine:');
    const other = await stepcraft(
      ['view', 'history.json', '--definition', `${path.resolve(FIXTURES)}/asl/valid.asl.json`],
      scratch,
    );
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      /^history\.json: the run entered state "ReceiveOrder", which .*valid\.asl\.json does not have; is it a run of another workflow\?$/,
    );
    // Written as text: JSON.stringify itself cannot go this deep.
    const levels = 20_000;
    const open = '{"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":'.repeat(levels);
    const deep = `${open}{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}${'}}}'.repeat(levels)}`;
    const record = readFileSync(at('declined.json'), 'utf8');
    const at0 = record.indexOf('"definition":');
    const after = record.indexOf(',"input":');
    writeFileSync(at('deep.json'), `${record.slice(0, at0)}"definition":${deep}${record.slice(after)}`);
    expect(await stepcraft(['view', 'deep.json'], scratch)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'deep.json: cannot show this run: the definition is nested too deeply to draw',
    });
  });

  test.each([
    [['view'], 'stepcraft view: missing FILE: name a run record (stepcraft run --history FILE)'],
    [['view', 'a.json', 'b.json'], 'stepcraft view: view takes one FILE, got also: b.json'],
    [
      ['view', 'declined.json', '--workflow', 'X'],
      'stepcraft view: --workflow applies to a TypeScript --definition only',
    ],
    [['view', 'missing.json'], 'stepcraft view: file not found: missing.json'],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const result = await stepcraft(argv, scratch);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
  });

  test('--help', async () => {
    const result = await stepcraft(['view', '--help']);
    expect(result.stdout).toMatch(/^Usage: stepcraft view FILE/);
  });
});

describe('stepcraft run --view', () => {
  const order = `${FIXTURES}/asl/order.asl.json`;
  const runOrder = (...extra: string[]) =>
    stepcraft(['run', order, '-i', '{"amount":1}', '--handlers', `${FIXTURES}/handlers.ts`, ...extra]);

  test('writes the page beside the --history file, with each state inspected, and prints its path on stderr', async () => {
    const result = await runOrder('--history', at('ran.json'), '--view');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ amount: 1, shipping: 'shipped' });
    expect(result.stderr).toBe(`wrote ${at('ran.html')}`);
    const page = embedded(readFileSync(at('ran.html'), 'utf8'));
    const record = JSON.parse(readFileSync(at('ran.json'), 'utf8'));
    expect(page.run).toEqual(record);
    expect(record.inspections.length).toBeGreaterThan(0);
    expect(record.inspections[0]).toMatchObject({ state: record.definition.StartAt, input: { amount: 1 } });
  });

  test('without --history, the page goes to a new temporary directory', async () => {
    const result = await runOrder('--view');
    expect(result.code).toBe(0);
    const written = /^wrote (.*)$/.exec(result.stderr)?.[1] ?? '';
    try {
      expect(path.basename(written)).toBe('order.html');
      expect(path.dirname(written)).toMatch(new RegExp(`^${tmpdir()}/stepcraft-run-`));
      expect(embedded(readFileSync(written, 'utf8')).run).toMatchObject({
        workflow: 'order',
        status: 'SUCCEEDED',
      });
    } finally {
      rmSync(path.dirname(written), { recursive: true, force: true });
    }
  });

  test('--open writes the page and hands it to $BROWSER', async () => {
    const opened = await openedBy('run', async () => {
      expect((await runOrder('--history', at('opened-run.json'), '--open')).code).toBe(0);
    });
    expect(opened).toBe(at('opened-run.html'));
  });

  test('a page that cannot be written: the result and the history first, then its error, exit 3', async () => {
    mkdirSync(at('taken.html'));
    const result = await runOrder('--history', at('taken.json'), '--view');
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({ amount: 1 });
    expect(existsSync(at('taken.json'))).toBe(true);
    expect(result.stderr).toMatch(/^stepcraft run: --view: cannot write .*taken\.html: .*EISDIR/);
  });

  test('an invalid definition did not run: its findings, no page', async () => {
    const result = await stepcraft(['run', `${FIXTURES}/asl/invalid.asl.json`, '--view']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a valid state machine');
    expect(result.stderr).not.toContain('wrote');
  });
});

describe("stepcraft dev's runs", () => {
  test('record each state inspected, for the page', async () => {
    const { runs, problems } = await buildOnce({
      file: `${FIXTURES}/workflows/greeting.ts`,
      cwd: ROOT,
      fixtures: [{ label: 'input', input: {} }],
    });
    expect(problems).toEqual([]);
    expect(runs[0]?.record.inspections?.map((inspection) => [inspection.state, inspection.output])).toEqual([
      ['Greet', { message: 'hello' }],
      ['Done', { message: 'hello' }],
    ]);
  });
});
