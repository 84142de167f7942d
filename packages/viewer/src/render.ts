import { createHash } from 'node:crypto';
import type { GraphLayout } from './layout/graph-layout.js';
import { pageAssets } from './page-assets.js';
import type { PageData } from './page-data.js';
import type { ViewedRun } from './record/run-record.js';

/**
 * The viewer page for a run: one self-contained HTML file. The run and its graph's layout are embedded as JSON,
 * the script and styles inline; a Content-Security-Policy allows exactly those two (by hash) and no network at
 * all, so the file works offline and a hostile run record cannot make it load or run anything. Pure: the same
 * run and layout always give the same bytes.
 */
export function renderViewer(run: ViewedRun, layout: GraphLayout): string {
  return renderPage({ run, layout });
}

/**
 * Any viewer page: a run with its layout, the dev loop's bar and problems, or both. With `dev`, the policy also
 * lets the page listen to its own server for reload notices.
 */
export function renderPage(data: PageData): string {
  const { script, styles } = pageAssets();
  const title =
    data.run === undefined ? 'Stepcraft dev' : `${data.run.workflow} · ${data.run.status} · Stepcraft`;
  const policy = [
    "default-src 'none'",
    `script-src '${sha256(script)}'`,
    `style-src '${sha256(styles)}'`,
    data.dev === undefined ? undefined : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ]
    .filter((directive) => directive !== undefined)
    .join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="generator" content="Stepcraft viewer">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<div id="app"></div>
<script type="application/json" id="stepcraft-data">${embedJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}

/**
 * JSON that is safe inside a `<script>` element: every `<` is written `\u003c`, so no `</script>` or `<!--` in
 * a state name or payload can end the element early. A value nested deeper than the call stack cannot be
 * written: that is reported, not thrown as a stack overflow.
 */
function embedJson(data: PageData): string {
  let text: string;
  try {
    text = JSON.stringify(data);
  } catch (error) {
    if (error instanceof RangeError) throw new Error('the run holds JSON nested too deeply to show');
    throw error;
  }
  return text.replace(/</g, '\\u003c');
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
