import type { GraphElement, GraphGroup, NodeType, StateGraph } from '@stepcraft/viewer';
import { decorate } from './decorate.js';
import type { RunSummary } from './run-summary.js';
import { STYLES, styleOf } from './styles.js';

/**
 * A DOT quoted string. Backslashes are doubled so Graphviz's label escapes (`\N`, `\l`, …) stay literal, `&`
 * becomes `&amp;` because Graphviz decodes entities in labels, a newline becomes the `\n` line break, and the
 * other control characters their visible Unicode pictures (Graphviz would drop or choke on them).
 * @see https://graphviz.org/doc/info/lang.html
 */
export function dotString(text: string): string {
  const escaped = text
    .replace(/[\\"]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/\r\n|\n/g, '\\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this replaces
    .replace(/[\u0000-\u001f\u007f]/g, (char) =>
      char === '\u007f' ? '\u2421' : String.fromCodePoint(0x2400 + char.charCodeAt(0)),
    );
  return `"${escaped}"`;
}

const SHAPES: Readonly<Record<NodeType, Readonly<Record<string, string>>>> = {
  Task: { shape: 'box' },
  Pass: { shape: 'box', style: 'rounded,filled' },
  Choice: { shape: 'diamond' },
  Wait: { shape: 'hexagon' },
  Succeed: { shape: 'box', style: 'rounded,filled', peripheries: '2' },
  Fail: { shape: 'box', style: 'rounded,filled', peripheries: '2' },
  Start: { shape: 'circle', width: '0.6', fixedsize: 'true', fontsize: '10' },
  End: { shape: 'doublecircle', width: '0.5', fixedsize: 'true', fontsize: '10' },
  Missing: { shape: 'box' },
  Unknown: { shape: 'box' },
};

/**
 * The graph in Graphviz DOT: Parallel and Map states are clusters (edges meet their border through
 * `lhead`/`ltail`), Catch edges dashed; with a run, visited states are coloured, failed ones red, and the
 * edges taken drawn bold.
 */
export function toDot(graph: StateGraph, run?: RunSummary): string {
  const decorated = decorate(graph, run);
  const lines = [
    'digraph workflow {',
    '  graph [rankdir=TB, compound=true, fontname="Helvetica", fontsize=11, nodesep=0.35, ranksep=0.4];',
    '  node [fontname="Helvetica", fontsize=11, shape=box, style=filled, fillcolor="#ffffff", color="#546e7a"];',
    '  edge [fontname="Helvetica", fontsize=9, color="#546e7a", fontcolor="#37474f"];',
  ];
  // Graphviz cannot aim an edge at a cluster: it aims at a node inside and clips at the border.
  const anchors = new Map<string, { first: string; last: string }>();
  const write = (elements: readonly GraphElement[], indent: string) => {
    for (const element of elements) {
      const { lines: text, status } = decorated.element(element);
      const style = styleOf(element, status);
      const colours = style === undefined ? {} : STYLES[style].dot;
      if (element.kind === 'node') {
        lines.push(
          `${indent}${dotString(element.id)} ${attributes({ label: text.join('\n'), ...SHAPES[element.type], ...colours })};`,
        );
        continue;
      }
      lines.push(`${indent}subgraph ${dotString(`cluster_${element.id}`)} {`);
      const frame = element.type === 'Branch' ? 'rounded,dashed' : 'rounded,filled';
      const base = {
        label: text.join('\n'),
        labeljust: 'l',
        style: frame,
        fillcolor: '#fafafa',
        color: '#90a4ae',
      };
      // A failed Map inside a failed Parallel: the borders say it, a fill would redden everything inside.
      lines.push(`${indent}  graph ${attributes({ ...base, ...colours, fillcolor: base.fillcolor })};`);
      const nodes = [...nodeIds(element)];
      if (nodes.length === 0) {
        const anchor = `${element.id}_anchor`;
        nodes.push(anchor);
        lines.push(`${indent}  ${dotString(anchor)} [shape=point, style=invis];`);
      }
      anchors.set(element.id, { first: nodes[0] ?? '', last: nodes.at(-1) ?? '' });
      write(element.children, `${indent}  `);
      lines.push(`${indent}}`);
    }
  };
  write(graph.elements, '  ');
  for (const edge of graph.edges) {
    const tail = anchors.get(edge.from);
    const head = anchors.get(edge.to);
    const isLoop = edge.from === edge.to;
    const attrs: Record<string, string> = {
      ...(edge.label === undefined ? {} : { label: edge.label }),
      ...(edge.kind === 'catch' ? { style: 'dashed' } : {}),
      ...(tail !== undefined && !isLoop ? { ltail: `cluster_${edge.from}` } : {}),
      ...(head !== undefined && !isLoop ? { lhead: `cluster_${edge.to}` } : {}),
      ...(decorated.taken(edge) ? STYLES.taken.dot : {}),
    };
    const from = dotString(tail?.last ?? edge.from);
    const to = dotString(head?.first ?? edge.to);
    lines.push(`  ${from} -> ${to}${Object.keys(attrs).length === 0 ? '' : ` ${attributes(attrs)}`};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function attributes(values: Readonly<Record<string, string>>): string {
  return `[${Object.entries(values)
    .map(([key, value]) => `${key}=${dotString(value)}`)
    .join(', ')}]`;
}

function* nodeIds(group: GraphGroup): Generator<string> {
  for (const child of group.children) {
    if (child.kind === 'node') yield child.id;
    else yield* nodeIds(child);
  }
}
