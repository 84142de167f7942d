import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { bundlePage } from '../scripts/bundle-page.js';
import { type GraphLayout, type RunRecord, renderPage, renderViewer, viewRun } from '../src/index.js';
import { exampleRuns } from './example-runs.js';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const between = (html: string, open: string, close: string) => {
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf(close, start));
};

describe('renderViewer', () => {
  let run: RunRecord;
  let html: string;
  beforeAll(async () => {
    run = (await exampleRuns())['order-declined'];
    html = await viewRun(run);
  });

  test('is one self-contained file: inline script and styles, nothing to fetch', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\/[^"'\s]*\.(js|css|png|woff2?)\b/i);
  });

  test('its Content-Security-Policy allows exactly its own script and styles, and no network', () => {
    const policy = between(html, 'http-equiv="Content-Security-Policy" content="', '"');
    const script = between(html, '<script>', '</script>');
    const styles = between(html, '<style>', '</style>');
    expect(policy).toBe(
      `default-src 'none'; script-src ${hash(script)}; style-src ${hash(styles)}; base-uri 'none'; form-action 'none'`,
    );
  });

  test('embeds the run and its layout as JSON the page reads back exactly', () => {
    const data = JSON.parse(
      between(html, '<script type="application/json" id="stepcraft-data">', '</script>'),
    );
    expect(data.run).toEqual(JSON.parse(JSON.stringify(run)));
    expect(data.layout.boxes.length).toBeGreaterThan(5);
  });

  test('is deterministic: the same run gives the same bytes', async () => {
    expect(await viewRun(run)).toBe(html);
  });

  test('state names and payloads cannot end the data element or inject markup', () => {
    const hostile = '</script><script>alert(1)</script><!--';
    const layout: GraphLayout = { width: 10, height: 10, boxes: [], edges: [] };
    const page = renderViewer({ ...run, workflow: `<b>${hostile}`, input: { note: hostile } }, layout);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(page).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u003c!--');
    expect(page).toContain('<title>&#60;b&#62;&#60;/script&#62;');
  });

  test('a dev page may also listen to its own server', () => {
    const page = renderPage({ dev: { events: '/events', runs: [], problems: [], build: 1, isStale: false } });
    expect(between(page, 'Content-Security-Policy" content="', '"')).toContain("connect-src 'self'");
  });

  test('JSON nested deeper than the call stack is reported, not a stack overflow', () => {
    let input: unknown = 1;
    for (let i = 0; i < 200_000; i++) input = [input];
    const layout: GraphLayout = { width: 10, height: 10, boxes: [], edges: [] };
    expect(() => renderViewer({ ...run, input: input as never }, layout)).toThrow(
      'the run holds JSON nested too deeply to show',
    );
  });
});

describe('the page bundle', () => {
  test('assets/ holds the bundle of page/ as it is now (run `pnpm --filter @stepcraft/viewer bundle` after a change)', async () => {
    const { script, styles } = await bundlePage();
    expect(readFileSync(new URL('../assets/viewer.js', import.meta.url), 'utf8')).toBe(script);
    expect(readFileSync(new URL('../assets/viewer.css', import.meta.url), 'utf8')).toBe(styles);
    expect(script).not.toMatch(/<\/script|<!--/i);
  });
});
