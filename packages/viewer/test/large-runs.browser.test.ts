import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunRecord, viewRun } from '../src/index.js';
import { clickRow, launchChromium, viewerPage } from './browser.js';
import { thousandStateRun, twentyFiveThousandEventRun } from './large-runs.js';

// Load times and scrolling are measured and printed, never asserted: timings on a shared machine would flake.
// The assertions check what makes large runs fast: only the rows in view exist in the document.
let browser: Browser;
let viewer: Awaited<ReturnType<typeof viewerPage>>;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  viewer = await viewerPage(browser);
  page = viewer.page;
}, 60_000);

afterAll(async () => {
  await viewer?.close();
  await browser?.close();
});

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Renders a run (timed) and opens it three times; returns the render time and the median load time. */
async function measure(
  run: RunRecord,
  name: string,
): Promise<{ html: string; renderMs: number; loadMs: number }> {
  const started = performance.now();
  const html = await viewRun(run);
  const renderMs = performance.now() - started;
  const loads: number[] = [];
  for (let i = 0; i < 3; i++) loads.push(await viewer.open(html, name));
  return { html, renderMs, loadMs: median(loads) };
}

/** Scrolls a virtual list from top to bottom in 60 steps, one per frame; returns the frame times. */
async function scrollThrough(list: string): Promise<{ meanMs: number; worstMs: number }> {
  return page.locator(list).evaluate(async (element) => {
    const scroller = element as unknown as { scrollTop: number; scrollHeight: number; clientHeight: number };
    const { requestAnimationFrame } = globalThis as unknown as {
      requestAnimationFrame(done: (at: number) => void): void;
    };
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const steps = 60;
    const times: number[] = [];
    let last = await frame();
    for (let i = 1; i <= steps; i++) {
      scroller.scrollTop = ((scroller.scrollHeight - scroller.clientHeight) * i) / steps;
      const now = await frame();
      times.push(now - last);
      last = now;
    }
    return { meanMs: times.reduce((a, b) => a + b, 0) / steps, worstMs: Math.max(...times) };
  });
}

const report = (line: string) => console.log(`[viewer figures] ${line}`);

describe('large runs in Chromium', () => {
  test('a 1,000-state workflow opens with every state drawn, and any state is one click away', async () => {
    const run = await thousandStateRun();
    const { html, renderMs, loadMs } = await measure(run, 'thousand-states');
    expect(await page.locator('g.box[data-state]').count()).toBe(1000);
    expect(await page.locator('.timeline-rows .vl-row:not([hidden])').count()).toBeLessThan(60);
    const last = run.events.findLastIndex((event) => event.type.endsWith('StateEntered'));
    await page.locator('.tabs [data-tab="events"]').click();
    await clickRow(page, '.event-rows', last);
    const name = run.events[last]?.stateEnteredEventDetails?.name;
    expect(await page.locator('#details h2').textContent()).toContain(String(name));
    expect(await page.locator(`g.box[data-state="${name}"]`).getAttribute('class')).toContain('selected');
    report(
      `1,000-state workflow (${run.stats.events} events): HTML ${(html.length / 1e6).toFixed(2)} MB, render (ELK layout + HTML) ${renderMs.toFixed(0)} ms, browser load ${loadMs.toFixed(0)} ms (median of 3)`,
    );
    expect(viewer.problems).toEqual([]);
  }, 120_000);

  test('a 25,000-event history opens and its lists scroll with only the rows in view in the document', async () => {
    const run = await twentyFiveThousandEventRun();
    expect(run.stats.events).toBe(25_000);
    const { html, renderMs, loadMs } = await measure(run, 'twenty-five-thousand-events');
    expect(await page.locator('.tabs [data-tab="events"]').textContent()).toBe('Events (25,000)');
    const timeline = await scrollThrough('.timeline-rows');
    await page.locator('.tabs [data-tab="events"]').click();
    const events = await scrollThrough('.event-rows');
    expect(await page.locator('.event-rows .vl-row:not([hidden])').count()).toBeLessThan(60);
    // The last iteration's Task, picked from the end of the event list.
    const index = run.events.findLastIndex((event) => event.type === 'TaskStateEntered');
    await clickRow(page, '.event-rows', index);
    expect(await page.locator('#details .facts').textContent()).toMatch(/iteration \d+ of Process/);
    expect(await page.locator('.visit-position').textContent()).toMatch(/^visit [\d,]+ of 2,77\d$/);
    report(
      `25,000-event history: HTML ${(html.length / 1e6).toFixed(2)} MB, render ${renderMs.toFixed(0)} ms, browser load ${loadMs.toFixed(0)} ms (median of 3); scrolling 60 frames: timeline mean ${timeline.meanMs.toFixed(1)} ms / worst ${timeline.worstMs.toFixed(1)} ms per frame, events mean ${events.meanMs.toFixed(1)} ms / worst ${events.worstMs.toFixed(1)} ms`,
    );
    expect(viewer.problems).toEqual([]);
  }, 120_000);
});
