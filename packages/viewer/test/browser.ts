import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); Playwright's own browser download is not used. */
export const CHROMIUM = '/usr/bin/chromium';

/** Where the browser tests write their screenshots, for the README. */
export const SCREENSHOTS = new URL('../../../docs/viewer/', import.meta.url);

/** Headless, sandbox-free (containers), with every background network feature off. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install it with 'apt-get install -y chromium' (.ci/run does)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page that records its script errors and any request that is not the file itself (there must be none). */
export async function viewerPage(browser: Browser): Promise<{
  page: Page;
  problems: string[];
  open(html: string, name: string): Promise<number>;
  close(): Promise<void>;
}> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const problems: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'stepcraft-viewer-'));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('file://')) problems.push(`request: ${request.url()}`);
  });
  return {
    page,
    problems,
    /** Writes the page to a file, opens it, waits until it is drawn; returns its load time in ms. */
    async open(html, name) {
      const file = path.join(dir, `${name}.html`);
      writeFileSync(file, html);
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('html[data-ready="true"]');
      return Number(await page.evaluate('window.stepcraftLoadMs'));
    },
    async close() {
      await page.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The class list of the graph box of a state. */
export async function boxClass(page: Page, state: string): Promise<string> {
  return (await page.locator(`g.box[data-state="${state}"]`).getAttribute('class')) ?? '';
}

/** Clicks a state's box in the graph (on its title, which groups do not cover). */
export async function clickState(page: Page, state: string): Promise<void> {
  await page.locator(`g.box[data-state="${state}"] > text.name`).click();
}

/** Saves a screenshot under docs/viewer/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  // Let pending redraws (virtual lists draw on the next frame) land first.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, animations: 'disabled' });
}

/**
 * Clicks row `index` of a virtual list after scrolling the list to it (rows out of view do not exist; letting
 * Playwright scroll a virtual list itself races the list's redraw on the next frame).
 */
export async function clickRow(page: Page, list: string, index: number): Promise<void> {
  await page.locator(list).evaluate((element, at) => {
    const scroller = element as unknown as { scrollTop: number; clientHeight: number };
    scroller.scrollTop = Math.max(0, at * 24 - scroller.clientHeight / 2);
  }, index);
  const row = page.locator(`${list} .vl-row[data-index="${index}"]:not([hidden])`);
  await row.waitFor();
  await row.click();
}
