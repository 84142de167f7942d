import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunRecord, viewRun } from '../src/index.js';
import { boxClass, clickRow, clickState, launchChromium, screenshot, viewerPage } from './browser.js';
import { awsRun } from './corpus-runs.js';
import { type ExampleRun, exampleRuns } from './example-runs.js';

// One Chromium and one page for the whole file; each test opens its run's HTML in that page.
let browser: Browser;
let viewer: Awaited<ReturnType<typeof viewerPage>>;
let page: Page;
let runs: Record<ExampleRun, RunRecord>;
const pages = new Map<ExampleRun, string>();

beforeAll(async () => {
  [browser, runs] = await Promise.all([launchChromium(), exampleRuns()]);
  viewer = await viewerPage(browser);
  page = viewer.page;
  for (const [name, run] of Object.entries(runs)) pages.set(name as ExampleRun, await viewRun(run));
}, 60_000);

afterAll(async () => {
  await viewer?.close();
  await browser?.close();
});

const open = (name: ExampleRun) => viewer.open(pages.get(name) ?? '', name);
const text = async (selector: string) => (await page.locator(selector).textContent()) ?? '';

describe('the viewer in Chromium', () => {
  test('a success: every state on the path green, the rest not run; a state shows its input, task call and output', async () => {
    await open('order-success');
    expect(await text('#run-status')).toBe('SUCCEEDED');
    for (const state of ['ReceiveOrder', 'ProcessPayment', 'CheckInventory', 'OrderCompleted']) {
      expect(await boxClass(page, state)).toContain('st-succeeded');
    }
    for (const state of ['HandleError', 'SendAlert', 'OrderFailed']) {
      expect(await boxClass(page, state)).toContain('st-not-run');
    }
    expect(await page.locator('path.edge.taken').count()).toBe(5);
    await clickState(page, 'ProcessPayment');
    expect(await boxClass(page, 'ProcessPayment')).toContain('selected');
    expect(await text('[data-section="Input"]')).toContain('"card": "4111-1111"');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the example names its function with a deploy-time placeholder
    expect(await text('[data-step="parameters"]')).toContain('"FunctionName": "${ProcessPaymentFunction}"');
    expect(await text('[data-step="result"]')).toContain('"paymentId": "pay-o-1001"');
    expect(await text('[data-section="Output"]')).toContain('"status": "PAID"');
    await screenshot(page, 'order-success');
    expect(viewer.problems).toEqual([]);
  });

  test('a caught failure: the payment is caught (error and cause shown), the alert path taken, the Fail state failed', async () => {
    await open('order-declined');
    expect(await text('#run-status')).toBe('FAILED');
    expect(await text('#run-error')).toBe('OrderFailed: The order could not be processed; an alert was sent');
    expect(await boxClass(page, 'ProcessPayment')).toContain('st-caught');
    expect(await boxClass(page, 'HandleError')).toContain('st-succeeded');
    expect(await boxClass(page, 'OrderFailed')).toContain('st-failed');
    expect(await boxClass(page, 'CheckInventory')).toContain('st-not-run');
    expect(await page.locator('path.edge.kind-catch.taken').count()).toBe(1);
    await clickState(page, 'ProcessPayment');
    const error = await text('#details .error-box');
    expect(error).toContain('Caught: PaymentDeclined');
    expect(error).toContain('"errorMessage": "Card refused for order o-1001"');
    expect(await text('[data-section="Output"]')).toContain('"Error": "PaymentDeclined"');
    await screenshot(page, 'order-declined');
    await clickState(page, 'OrderFailed');
    expect(await text('#details .error-box')).toContain('Failed: OrderFailed');
    expect(await text('[data-section="Output"]')).toContain('the state did not exit');
    expect(viewer.problems).toEqual([]);
  });

  test('a retry: the retried task, its failed attempt and the 2 s backoff, on the execution clock', async () => {
    await open('order-retry');
    expect(await text('#duration')).toContain('2.00 s');
    expect(await boxClass(page, 'ProcessPayment')).toContain('st-retried');
    await clickState(page, 'ProcessPayment');
    const retries = await text('[data-section="Retries"]');
    expect(retries).toContain('Retries (1)');
    expect(retries).toContain('Lambda.TooManyRequestsException — attempt 2 after 2.00 s');
    expect(retries).toContain('"errorMessage": "Rate exceeded"');
    // The timeline bar of the retried visit spans the whole 2 s run.
    const bar = page.locator('.timeline-row.selected .tl-bar');
    expect(await bar.getAttribute('class')).toContain('st-retried');
    expect(
      await bar.evaluate((element) => (element as unknown as { style: { width: string } }).style.width),
    ).toBe('100%');
    await screenshot(page, 'order-retry');
    expect(viewer.problems).toEqual([]);
  });

  test('a Map: its iterations are listed and picked one by one; the processor then shows that iteration', async () => {
    await open('etl-map');
    expect(await page.locator('[data-state="TransformRecord"] .badge').textContent()).toBe('×3');
    await clickState(page, 'TransformRecords');
    expect(await text('[data-section="Iterations"] h3')).toBe('Iterations (3)');
    await page.locator('.lane-row[data-lane="1"]').click();
    expect(await text('#focus-bar')).toContain('TransformRecords: iteration 1');
    expect(await page.locator('[data-state="TransformRecord"] .badge').textContent()).toBe('');
    await clickState(page, 'TransformRecord');
    expect(await text('#details .facts')).toContain('iteration 1 of TransformRecords');
    expect(await text('[data-section="Input"]')).toContain('"id": "r2"');
    expect(await text('[data-section="Output"]')).toContain('"normalized": "beta"');
    await screenshot(page, 'etl-map');
    // Without the pick, the processor's three visits (one per iteration) are stepped through in turn.
    await page.locator('.focus-chip').click();
    expect(await text('.visit-position')).toBe('visit 2 of 3');
    await page.locator('.visit-nav button[title="Next visit"]').click();
    expect(await text('.visit-position')).toBe('visit 3 of 3');
    expect(await text('[data-section="Input"]')).toContain('"id": "r3"');
    expect(viewer.problems).toEqual([]);
  });

  test('a Parallel: its branches are listed and picked one by one, from the list or the graph', async () => {
    await open('ml-parallel');
    await clickState(page, 'ScoreModels');
    expect(await text('[data-section="Branches"] h3')).toBe('Branches (2)');
    await page.locator('.lane-row[data-lane="1"]').click();
    expect(await text('#focus-bar')).toContain('ScoreModels: branch 2');
    expect(await boxClass(page, 'ModelA')).toContain('st-not-run');
    expect(await boxClass(page, 'ModelB')).toContain('st-succeeded');
    expect(await page.locator('[data-branch="1"]').getAttribute('class')).toContain('focused');
    await clickState(page, 'ModelB');
    expect(await text('[data-section="Output"]')).toContain('"model": "model-b"');
    await screenshot(page, 'ml-parallel');
    // A click on a branch's frame toggles it.
    await page.locator('[data-branch="1"] > text.branch-title').click();
    expect(await page.locator('#focus-bar').isHidden()).toBe(true);
    expect(await boxClass(page, 'ModelA')).toContain('st-succeeded');
    expect(viewer.problems).toEqual([]);
  });

  test('a retried Map (an AWS recording): its retries shown, the iteration of each attempt picked on its own', async () => {
    await viewer.open(await viewRun(awsRun('scen-map-state-retry')), 'map-retry');
    expect(await boxClass(page, 'MapState')).toContain('st-failed');
    expect(await page.locator('[data-state="HandleItemFail"] .badge').textContent()).toBe('×3');
    await clickState(page, 'MapState');
    expect(await text('[data-section="Retries"] h3')).toBe('Retries (2)');
    expect(await text('[data-section="Retries"] [data-retry="1"]')).toMatch(
      /^HandleItemFailError — attempt 3 /,
    );
    expect(await text('[data-section="Retries"] [data-retry="1"]')).toContain('HandleItemFailCause');
    expect(await text('[data-section="Iterations"] h3')).toBe('Iterations (3, 3 failed)');
    expect(await page.locator('.lane-row .lane-name').allTextContents()).toEqual([
      'Iteration 0, attempt 1',
      'Iteration 0, attempt 2',
      'Iteration 0, attempt 3',
    ]);
    // The second attempt's iteration alone: the processor's one visit of that attempt.
    await page.locator('.lane-row[data-attempt="1"][data-lane="0"]').click();
    expect(await text('#focus-bar')).toContain('MapState: iteration 0, attempt 2');
    expect(await page.locator('.lane-row.selected .lane-name').allTextContents()).toEqual([
      'Iteration 0, attempt 2',
    ]);
    expect(await page.locator('[data-state="HandleItemFail"] .badge').textContent()).toBe('');
    await clickState(page, 'HandleItemFail');
    expect(await page.locator('#details [data-details]').getAttribute('data-visit')).toBe('3');
    expect(await text('#details .facts')).toContain('iteration 0, attempt 2 of MapState');
    expect(await text('#details .error-box')).toContain('HandleItemFailError');
    // Then the third attempt's, from the Map's list again.
    await clickState(page, 'MapState');
    await page.locator('.lane-row[data-attempt="2"][data-lane="0"]').click();
    await clickState(page, 'HandleItemFail');
    expect(await page.locator('#details [data-details]').getAttribute('data-visit')).toBe('4');
    expect(await text('#details .facts')).toContain('iteration 0, attempt 3 of MapState');
    // Without a pick, the timeline lists the iteration of every attempt.
    await page.locator('.focus-chip').click();
    expect(await page.locator('.tl-lane').allTextContents()).toEqual([
      '',
      '',
      'iteration 0, attempt 1',
      'iteration 0, attempt 2',
      'iteration 0, attempt 3',
    ]);
    expect(viewer.problems).toEqual([]);
  });

  test('a retried Parallel (an AWS recording): the branch of each attempt, and a branch picked in the graph in all', async () => {
    await viewer.open(await viewRun(awsRun('parallel-retry')), 'parallel-retry');
    await clickState(page, 'ParallelState');
    expect(await text('[data-section="Retries"] h3')).toBe('Retries (2)');
    expect(await page.locator('.lane-row .lane-name').allTextContents()).toEqual([
      'Branch 1, attempt 1',
      'Branch 1, attempt 2',
      'Branch 1, attempt 3',
    ]);
    await page.locator('[data-branch="0"] > text.branch-title').click();
    expect(await text('#focus-bar')).toContain('ParallelState: branch 1 ✕');
    expect(await page.locator('[data-state="Branch1"] .badge').textContent()).toBe('×3');
    expect(viewer.problems).toEqual([]);
  });

  test('the event list: every event, clickable; a click selects the state of the event', async () => {
    await open('ml-parallel');
    await page.locator('.tabs [data-tab="events"]').click();
    expect(await text('.tabs [data-tab="events"]')).toBe('Events (32)');
    const index = runs['ml-parallel'].events.findIndex((event) => event.type === 'WaitStateEntered');
    await clickRow(page, '.event-rows', index);
    expect(await text(`.event-row[data-index="${index}"]`)).toMatch(
      /^#20\+0\.000 sWaitStateEnteredSettle\{"requestId/,
    );
    expect(await text('#details h2')).toContain('Settle');
    expect(await text('#details .facts')).toContain('5.00 s');
    expect(viewer.problems).toEqual([]);
  });

  test('inspection data, when the run has it, shows the value after each I/O step', async () => {
    const run = runs['order-success'];
    const entered = run.events.find((event) => event.stateEnteredEventDetails?.name === 'ProcessPayment');
    const inspected: RunRecord = {
      ...run,
      inspections: [
        {
          enteredEventId: entered?.id ?? 0,
          state: 'ProcessPayment',
          path: [],
          input: { orderId: 'o-1001' },
          afterInputPath: { orderId: 'o-1001' },
          afterParameters: { FunctionName: 'process-payment', Payload: { orderId: 'o-1001' } },
          result: { Payload: { paymentId: 'pay-o-1001', status: 'PAID' } },
          afterResultSelector: { paymentId: 'pay-o-1001', status: 'PAID' },
          afterResultPath: { orderId: 'o-1001', payment: { paymentId: 'pay-o-1001', status: 'PAID' } },
          output: { orderId: 'o-1001', payment: { paymentId: 'pay-o-1001', status: 'PAID' } },
          variables: { paid: true },
        },
      ],
    };
    await viewer.open(await viewRun(inspected), 'inspected');
    await clickState(page, 'ProcessPayment');
    const steps = await page.locator('.io-step h4').allTextContents();
    expect(steps).toEqual([
      'After InputPath',
      'After Parameters / ItemSelector',
      'Result',
      'After ResultSelector',
      'After ResultPath',
    ]);
    expect(await text('[data-step="afterResultSelector"]')).toContain('"paymentId": "pay-o-1001"');
    expect(await text('[data-section="Variables assigned"]')).toContain('$paid');
    expect(viewer.problems).toEqual([]);
  });

  test('hostile state names and payloads are shown as text: no markup, no script, no request', async () => {
    const evil = '<img src=x onerror="document.title=1">';
    const definition = {
      StartAt: evil,
      States: { [evil]: { Type: 'Pass', Next: '__proto__' }, ['__proto__']: { Type: 'Pass', End: true } },
    };
    const run = JSON.parse(
      JSON.stringify({
        ...runs['order-success'],
        workflow: '</script><script>document.title=2</script>',
        definition,
      }),
    ) as RunRecord;
    const events = [
      {
        id: 1,
        previousEventId: 0,
        timestamp: '2024-01-01T00:00:00.000Z',
        type: 'ExecutionStarted',
        executionStartedEventDetails: { input: '{}' },
      },
      {
        id: 2,
        previousEventId: 1,
        timestamp: '2024-01-01T00:00:00.000Z',
        type: 'PassStateEntered',
        stateEnteredEventDetails: { name: evil, input: JSON.stringify({ html: evil }) },
      },
      {
        id: 3,
        previousEventId: 2,
        timestamp: '2024-01-01T00:00:00.000Z',
        type: 'PassStateExited',
        stateExitedEventDetails: { name: evil, output: '{}' },
      },
    ];
    await viewer.open(await viewRun({ ...run, events, status: 'FAILED' }), 'hostile');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).toContain('</script><script>document.title=2</script>');
    await page.locator('.timeline-row').first().click();
    expect(await text('#details h2')).toContain(evil);
    expect(await text('[data-section="Input"]')).toContain(JSON.stringify(evil));
    expect(await boxClass(page, '__proto__')).toContain('st-not-run');
    expect(viewer.problems).toEqual([]);
  });
});
