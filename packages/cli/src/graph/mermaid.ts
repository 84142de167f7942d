import type { GraphEdge, GraphElement, GraphNode, NodeType, StateGraph } from '@stepcraft/viewer';
import { type Decorated, decorate } from './decorate.js';
import type { RunSummary } from './run-summary.js';
import { STYLES, type StyleName, styleOf } from './styles.js';

// Characters written as themselves inside a quoted label; everything else becomes a `#<code point>;` entity,
// which Mermaid decodes when it draws. Quotes, `#`, `%`, `;`, `|`, `<`, `>`, `&`, backticks and newlines are
// thereby never raw, so no state name can end a string, start a comment or smuggle in HTML.
const SAFE = /^[\p{L}\p{M}\p{N} _.,:$@*+\-=!?'/()[\]{}^~·×…]$/u;

// Mermaid rewrites any line matching `style…:…#…;` or `classDef…:…#…;` before parsing (dropping its last
// `;`), so a label holding those words keeps no raw `:` for the pattern to find.
const RESTYLED = /style|classDef/;

/** Text as a Mermaid label body (without the surrounding quotes). */
export function mermaidText(text: string): string {
  const encodeColon = RESTYLED.test(text);
  let out = '';
  for (const char of text) {
    out += SAFE.test(char) && !(encodeColon && char === ':') ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}

/** A quoted label of several lines. */
function label(lines: readonly string[]): string {
  const text = lines.join('\n');
  return `"${mermaidText(text).replaceAll('#10;', '<br/>')}"`;
}

const SHAPES: Readonly<Record<NodeType, readonly [open: string, close: string]>> = {
  Task: ['[', ']'],
  Pass: ['(', ')'],
  Choice: ['{', '}'],
  Wait: ['{{', '}}'],
  Succeed: ['([', '])'],
  Fail: ['([', '])'],
  Start: ['((', '))'],
  End: ['(((', ')))'],
  Missing: ['[', ']'],
  Unknown: ['[', ']'],
};

/**
 * The graph as a Mermaid flowchart: Parallel and Map states are subgraphs, Catch edges dashed; with a run,
 * visited states are coloured, failed ones red, and the edges taken drawn bold.
 * @see https://mermaid.js.org/syntax/flowchart.html
 */
export function toMermaid(graph: StateGraph, run?: RunSummary): string {
  const decorated = decorate(graph, run);
  const lines = ['flowchart TB'];
  const classes = new Map<StyleName, string[]>();
  const write = (elements: readonly GraphElement[], indent: string) => {
    for (const element of elements) {
      const { lines: text, status } = decorated.element(element);
      const style = styleOf(element, status);
      if (style !== undefined) classes.set(style, [...(classes.get(style) ?? []), element.id]);
      if (element.kind === 'node') {
        lines.push(`${indent}${nodeLine(element, text)}`);
        continue;
      }
      lines.push(`${indent}subgraph ${element.id}[${label(text)}]`, `${indent}  direction TB`);
      write(element.children, `${indent}  `);
      lines.push(`${indent}end`);
    }
  };
  write(graph.elements, '  ');
  lines.push(...graph.edges.map((edge) => `  ${edgeLine(edge)}`));
  for (const [style, ids] of classes) {
    lines.push(`  classDef ${style} ${STYLES[style].mermaid}`, `  class ${ids.join(',')} ${style}`);
  }
  const taken = takenIndexes(graph.edges, decorated);
  if (taken.length > 0) lines.push(`  linkStyle ${taken.join(',')} ${STYLES.taken.mermaid}`);
  return `${lines.join('\n')}\n`;
}

function nodeLine(node: GraphNode, text: readonly string[]): string {
  const [open, close] = SHAPES[node.type];
  return `${node.id}${open}${label(text)}${close}`;
}

function edgeLine(edge: GraphEdge): string {
  const arrow = edge.kind === 'catch' ? '-.->' : '-->';
  const text = edge.label === undefined ? '' : `|${label([edge.label])}|`;
  return `${edge.from} ${arrow}${text} ${edge.to}`;
}

function takenIndexes(edges: readonly GraphEdge[], decorated: Decorated): number[] {
  return edges.flatMap((edge, index) => (decorated.taken(edge) ? [index] : []));
}
