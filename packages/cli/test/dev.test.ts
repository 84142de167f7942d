import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { get, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../../viewer/test/browser.js';
import { type DevServer, startDev } from '../src/commands/dev.js';
import { captureIo, ROOT, stepcraft } from './helpers.js';

// A copy of the order-processing example in a temporary folder, with two inputs, served by `stepcraft dev`.
const example = path.join(ROOT, 'examples/order-processing');
const dir = mkdtempSync(path.join(tmpdir(), 'stepcraft-dev-'));
const workflow = path.join(dir, 'workflow.ts');
const original = readFileSync(path.join(example, 'workflow.ts'), 'utf8');
const captured = captureIo(dir);
let server: DevServer;
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

/** Every `event: reload` build number received over the server-sent events stream. */
const reloads: number[] = [];
let stopEvents: (() => void) | undefined;

beforeAll(async () => {
  for (const file of ['workflow.ts', 'handlers.ts', 'schemas.ts'])
    cpSync(path.join(example, file), path.join(dir, file));
  cpSync(path.join(ROOT, 'examples/package.json'), path.join(dir, 'package.json'));
  symlinkSync(path.join(ROOT, 'examples/node_modules'), path.join(dir, 'node_modules'));
  // Type-checked like the repository's own files (workspace packages resolve to their TypeScript source).
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: path.join(ROOT, 'tsconfig.base.json'),
      compilerOptions: { noEmit: true, types: [] },
      include: ['*.ts'],
    }),
  );
  mkdirSync(path.join(dir, 'fixtures'));
  const input = JSON.parse(readFileSync(path.join(example, 'input.json'), 'utf8'));
  writeFileSync(path.join(dir, 'fixtures/paid.json'), JSON.stringify(input));
  writeFileSync(path.join(dir, 'fixtures/declined.json'), JSON.stringify({ ...input, card: 'declined' }));
  server = await startDev({ file: 'workflow.ts', input: '@fixtures/' }, captured.io);
  const events = get(`${server.url}events`, (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/event: reload\ndata: (\d+)/g)) reloads.push(Number(match[1]));
    });
  });
  stopEvents = () => events.destroy();
}, 120_000);

afterAll(async () => {
  stopEvents?.();
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** GET a path of the dev server (optionally with another Host header); status and body. */
function fetchPath(
  pathname: string,
  options: { method?: string; host?: string } = {},
): Promise<{ status: number; body: string }> {
  return fetchFrom(server, pathname, options);
}

function fetchFrom(
  from: DevServer,
  pathname: string,
  options: { method?: string; host?: string } = {},
): Promise<{ status: number; body: string }> {
  const url = new URL(pathname, from.url);
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      { method: options.method ?? 'GET', headers: options.host === undefined ? {} : { host: options.host } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    call.on('error', reject);
    call.end();
  });
}

const status = async () => JSON.parse((await fetchPath('/status.json')).body);

/** Waits until the page stream announced build `n`. */
async function reloadFor(build: number): Promise<void> {
  for (let i = 0; i < 600 && !reloads.includes(build); i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(reloads).toContain(build);
}

describe('stepcraft dev', () => {
  test('builds, runs every input and serves the viewer of each run on 127.0.0.1', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await status()).toEqual({
      build: 1,
      isStale: false,
      problems: [],
      runs: [
        { label: 'declined.json', status: 'FAILED', error: 'OrderFailed' },
        { label: 'paid.json', status: 'SUCCEEDED' },
      ],
    });
    const home = await fetchPath('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain("connect-src 'self'");
    const paid = await fetchPath('/run/paid.json');
    expect(paid.body).toContain(
      '"label":"paid.json","href":"/run/paid.json","status":"SUCCEEDED","isCurrent":true',
    );
    expect(captured.stdout()).toMatch(
      /^stepcraft dev: build 1 \(start, [\d.]+ s\): declined\.json FAILED \(OrderFailed\), paid\.json SUCCEEDED$/,
    );
  });

  test('answers only this machine, only GET', async () => {
    expect((await fetchPath('/run/nope.json')).status).toBe(404);
    expect((await fetchPath('/', { host: 'attacker.example:80' })).status).toBe(403);
    expect((await fetchPath('/', { method: 'POST' })).status).toBe(405);
  });

  test('on save: type errors show in the page and the terminal (the last runs kept), then the fixed workflow re-runs and the page reloads', async () => {
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${server.url}run/declined.json`);
    await page.waitForSelector('html[data-ready="true"]');
    expect(await page.locator('.dev-build').textContent()).toBe('stepcraft dev · build 1');

    writeFileSync(workflow, original.replace('timeoutSeconds: 300', "timeoutSeconds: 'soon'"));
    await reloadFor(2);
    const broken = await status();
    expect([broken.build, broken.isStale, broken.problems[0]?.kind]).toEqual([2, true, 'type']);
    expect(broken.problems[0]?.message).toMatch(
      /^workflow\.ts:\d+:\d+: Type 'string' is not assignable to type 'number'\. \[TS2322\]$/,
    );
    expect(captured.stderr()).toContain('stepcraft dev: type problem:\nworkflow.ts:');
    await page.waitForFunction(
      `document.querySelector('.dev-build')?.textContent === 'stepcraft dev · build 2 (showing the last good run)'`,
    );
    expect(await page.locator('#problems').textContent()).toContain('Type errors');

    writeFileSync(workflow, original.replace("error: 'OrderFailed',", "error: 'PaymentRefused',"));
    await reloadFor(3);
    const fixed = await status();
    expect([fixed.build, fixed.isStale, fixed.problems]).toEqual([3, false, []]);
    expect(fixed.runs[0]).toEqual({ label: 'declined.json', status: 'FAILED', error: 'PaymentRefused' });
    await page.waitForFunction(
      `document.querySelector('.dev-build')?.textContent === 'stepcraft dev · build 3'`,
    );
    expect(await page.locator('#run-error').textContent()).toContain('PaymentRefused');
    expect(await page.locator('#problems').count()).toBe(0);

    writeFileSync(path.join(dir, 'fixtures/broken.json'), '{"orderId": ');
    await reloadFor(4);
    const unreadable = await status();
    expect([unreadable.isStale, unreadable.problems]).toEqual([
      true,
      [
        {
          kind: 'input',
          message:
            'broken.json: invalid JSON at line 1, column 13: expected a JSON value, found the end of the text',
        },
      ],
    ]);
  }, 180_000);

  test('a malformed escape in a run URL is a 404, not a failure', async () => {
    expect((await fetchPath('/run/%E0%A4%A')).status).toBe(404);
  });

  test('a build that never finishes (a handler in an endless loop) is stopped and reported', async () => {
    const spinning = mkdtempSync(path.join(tmpdir(), 'stepcraft-dev-spin-'));
    symlinkSync(path.join(ROOT, 'examples/node_modules'), path.join(spinning, 'node_modules'));
    // JavaScript, so no type-check: only the stuck child counts against the build's time limit.
    writeFileSync(
      path.join(spinning, 'workflow.mjs'),
      [
        "import { lambda, task, workflow } from '@stepcraft/core';",
        "import { z } from 'zod';",
        "const spin = task('Spin', { resource: lambda.invoke('spin'), handler: async () => { for (;;) {} } });",
        "export const spinning = workflow('Spinning', { input: z.object({}) }).start(spin);",
      ].join('\n'),
    );
    const io = captureIo(spinning).io;
    const stuck = await startDev({ file: 'workflow.mjs', input: '{}', buildTimeoutMs: 3000 }, io);
    try {
      const body = JSON.parse((await fetchFrom(stuck, '/status.json')).body);
      expect(body.problems).toEqual([
        { kind: 'run', message: 'the build took over 3 s and was stopped (a handler that never returns?)' },
      ]);
    } finally {
      await stuck.close();
      rmSync(spinning, { recursive: true, force: true });
    }
  }, 60_000);

  test.each([
    [['dev'], 'stepcraft dev: missing FILE: name the .ts file exporting the workflow'],
    [
      ['dev', 'a.ts', '--port', '70000'],
      "stepcraft dev: --port must be an integer from 0 to 65535, not '70000'",
    ],
    [
      ['dev', 'examples/order-processing/workflow.ts', '--input', '@nowhere/'],
      'stepcraft dev: --input @nowhere/: no such file or folder',
    ],
  ])('usage errors exit 2: %j', async (argv, message) => {
    const result = await stepcraft(argv);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
  });
});
