import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { choiceLabel } from '@stepcraft/viewer';
import { beforeAll, describe, expect, test } from 'vitest';
import { awsHistoryOf, tracedCases } from '../../testing/test/aws-history.js';
import {
  buildGraph,
  dotString,
  mermaidText,
  parseRunEvents,
  renderGraph,
  summarizeRun,
  toDot,
  toMermaid,
  visitStatus,
} from '../src/graph/index.js';
import { CORPUS } from './helpers.js';

// Mermaid's parser wants a DOM (DOMPurify); jsdom supplies one. `getDiagramFromText` parses exactly as
// `mermaid.parse` does and also hands back the parsed nodes, edges and subgraphs.
interface Vertex {
  readonly id: string;
  readonly text: string;
  readonly type?: string;
  readonly classes: readonly string[];
}
interface Edge {
  readonly start: string;
  readonly end: string;
  readonly text: string;
  readonly stroke: string;
}
interface SubGraph {
  readonly id: string;
  readonly title: string;
  readonly nodes: readonly string[];
}
interface FlowDb {
  getVertices(): Map<string, Vertex>;
  getEdges(): Edge[];
  getSubGraphs(): SubGraph[];
}
let mermaidApi: { getDiagramFromText(text: string): Promise<{ db: unknown }> };

beforeAll(async () => {
  // jsdom ships no types; the specifier is a variable so TypeScript does not look for them.
  const jsdom = 'jsdom';
  const { JSDOM } = (await import(jsdom)) as {
    JSDOM: new (html: string) => { window: { document: unknown } };
  };
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false });
  mermaidApi = mermaid.mermaidAPI;
});

/** Parses Mermaid text with mermaid's own parser (throws on a syntax error). */
async function parseMermaid(text: string): Promise<FlowDb> {
  return (await mermaidApi.getDiagramFromText(text)).db as FlowDb;
}

/** Mermaid keeps `#…;` entities encoded in its model until it draws; decode them as the browser will. */
function decoded(text: string): string {
  const named: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (_, name: string) => named[name] ?? `&${name};`)
    .replace(/<br\s*\/?>/g, '\n');
}

/** A small DOT reader: statements with quoted ids and attributes; checks what Graphviz would reject. */
function readDot(text: string) {
  const tokens = text.match(/"(?:[^"\\]|\\.)*"|->|[{}[\];=,]|[A-Za-z_][\w.]*|\S/g) ?? [];
  // The DOT lexer turns only `\"` into `"`; other backslashes are left for the label escapes.
  const unquote = (token: string) =>
    token.startsWith('"')
      ? token.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === '"' ? c : `\\${c}`))
      : token;
  let depth = 0;
  const nodes = new Map<string, Record<string, string>>();
  const edges: { from: string; to: string; attrs: Record<string, string> }[] = [];
  const clusters: string[] = [];
  const attributes = (at: number): [Record<string, string>, number] => {
    const attrs: Record<string, string> = {};
    let i = at;
    if (tokens[i] !== '[') return [attrs, i];
    i++;
    while (tokens[i] !== ']') {
      const key = tokens[i] ?? '';
      expect(tokens[i + 1]).toBe('=');
      attrs[key] = unquote(tokens[i + 2] ?? '');
      i += tokens[i + 3] === ',' ? 4 : 3;
    }
    return [attrs, i + 1];
  };
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] ?? '';
    if (token === '{') depth++;
    else if (token === '}') depth--;
    else if (token === 'subgraph') {
      clusters.push(unquote(tokens[i + 1] ?? ''));
      i++;
    } else if (token.startsWith('"') && tokens[i + 1] === '->') {
      const [attrs, next] = attributes(i + 3);
      edges.push({ from: unquote(token), to: unquote(tokens[i + 2] ?? ''), attrs });
      i = next - 1;
    } else if (token.startsWith('"')) {
      const [attrs, next] = attributes(i + 1);
      nodes.set(unquote(token), attrs);
      i = next - 1;
    }
    expect(depth).toBeGreaterThanOrEqual(0);
    i++;
  }
  expect(depth).toBe(0);
  for (const edge of edges) {
    expect(nodes.has(edge.from), `edge tail ${edge.from} declared`).toBe(true);
    expect(nodes.has(edge.to), `edge head ${edge.to} declared`).toBe(true);
    for (const key of ['lhead', 'ltail']) {
      if (edge.attrs[key] !== undefined) expect(clusters).toContain(edge.attrs[key]);
    }
  }
  return { nodes, edges, clusters };
}

/** Graphviz's own reading of a quoted label: `\n` breaks lines, `\\` is a backslash, `&amp;` an ampersand. */
function dotLabel(raw: string | undefined): string {
  return (raw ?? '').replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c)).replaceAll('&amp;', '&');
}

const allKinds = {
  StartAt: 'Get',
  States: {
    Get: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Next: 'Check' },
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Fan' }],
      Default: 'Nap',
    },
    Nap: { Type: 'Wait', Seconds: 1, Next: 'Shape' },
    Shape: { Type: 'Pass', Next: 'Fan' },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } },
        {
          StartAt: 'Each',
          States: {
            Each: {
              Type: 'Map',
              ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Succeed' } } },
              End: true,
            },
          },
        },
      ],
      Catch: [{ ErrorEquals: ['States.TaskFailed', 'Custom.Error'], Next: 'Broken' }],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
    Broken: { Type: 'Fail', Error: 'Broken' },
  },
};

describe('the graph model', () => {
  test('every state kind becomes a box, Parallel and Map groups, with start and end markers', () => {
    const graph = buildGraph(allKinds);
    const kinds = graph.elements.map((e) => `${e.type}:${e.name ?? ''}`);
    expect(kinds).toEqual([
      'Start:',
      'Task:Get',
      'Choice:Check',
      'Wait:Nap',
      'Pass:Shape',
      'Parallel:Fan',
      'Succeed:Done',
      'Fail:Broken',
      'End:',
    ]);
    const fan = graph.elements[5];
    expect(fan?.kind === 'group' && fan.children.map((c) => c.type)).toEqual(['Branch', 'Branch']);
    const ends = graph.edges.filter((e) => e.kind === 'end').map((e) => e.from);
    expect(ends).toEqual(['s10', 's11']);
  });

  test('transitions to a state the scope lacks are drawn to a Missing box, not dropped', () => {
    const graph = buildGraph({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } });
    const missing = graph.elements.find((e) => e.type === 'Missing');
    expect(missing?.name).toBe('Nowhere');
    expect(graph.edges).toContainEqual({ from: 's0', to: missing?.id, kind: 'next' });
  });

  test('any JSON is drawn without throwing', () => {
    for (const value of [null, 42, 'x', [], {}, { States: [] }, { StartAt: 'A', States: { A: 7 } }]) {
      expect(() => renderGraph(value, { format: 'mermaid' })).not.toThrow();
      expect(() => renderGraph(value, { format: 'dot' })).not.toThrow();
    }
    const odd = buildGraph({ StartAt: 'A', States: { A: 7, B: { Type: 'Nope', Next: 'A' } } });
    expect(odd.elements.filter((e) => e.type === 'Unknown').map((e) => e.detail)).toEqual([
      'not an object',
      'Type "Nope"',
    ]);
  });

  test('a definition nested deeper than the stack is refused with a message, not a stack overflow', () => {
    let text = '{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}';
    for (let i = 0; i < 20_000; i++) {
      text = `{"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[${text}]}}}`;
    }
    expect(() => renderGraph(JSON.parse(text), { format: 'mermaid' })).toThrow(
      'The definition is nested too deeply to draw.',
    );
  });

  test('prototype names are plain state names', () => {
    const graph = buildGraph({
      StartAt: '__proto__',
      States: {
        ['__proto__']: { Type: 'Pass', Next: 'constructor' },
        constructor: { Type: 'Pass', Next: 'toString' },
      },
    });
    // JSON.parse makes `__proto__` an own key, as a definition file would.
    const parsed = buildGraph(
      JSON.parse(
        '{"StartAt":"__proto__","States":{"__proto__":{"Type":"Pass","Next":"constructor"},"constructor":{"Type":"Pass","End":true}}}',
      ),
    );
    expect(parsed.elements.map((e) => e.name)).toEqual([undefined, '__proto__', 'constructor', undefined]);
    expect(graph.elements.find((e) => e.name === 'toString')?.type).toBe('Missing');
  });
});

describe('Choice labels', () => {
  test.each([
    [{ Variable: '$.payment.status', StringEquals: 'DECLINED' }, '$.payment.status == "DECLINED"'],
    [{ Variable: '$.n', NumericGreaterThanEquals: 3 }, '$.n >= 3'],
    [{ Variable: '$.n', NumericLessThanPath: '$.max' }, '$.n < $.max'],
    [{ Variable: '$.t', TimestampLessThan: '2024-01-01T00:00:00Z' }, '$.t < "2024-01-01T00:00:00Z"'],
    [{ Variable: '$.ok', BooleanEquals: false }, '$.ok == false'],
    [{ Variable: '$.name', StringMatches: 'log-*.txt' }, '$.name matches "log-*.txt"'],
    [{ Variable: '$.x', IsPresent: false }, '$.x is absent'],
    [{ Variable: '$.x', IsNull: true }, '$.x is null'],
    [
      {
        And: [
          { Variable: '$.a', NumericGreaterThan: 1 },
          { Or: [{ Variable: '$.b', IsNull: true }, { Not: { Variable: '$.c', IsNull: true } }] },
        ],
      },
      '$.a > 1 and ($.b is null or (not $.c is null))',
    ],
    [{ Condition: '{% $states.input.total > 100 %}' }, '$states.input.total > 100'],
    [{ Condition: true }, 'true'],
    [{ Variable: '$.x' }, '$.x ?'],
    [{ And: 'nope' }, '? ?'],
  ])('%j reads %s', (rule, label) => {
    expect(choiceLabel({ ...rule, Next: 'X' })).toBe(label);
  });

  test('a long JSONata condition is shortened to one line with an ellipsis', () => {
    const label = choiceLabel({
      Condition: `{% $count($states.input.items[price > 100 and category = "books"])\n   > $states.input.limit %}`,
      Next: 'X',
    });
    expect(label).toBe('$count($states.input.items[price > 100 and cate…');
    expect(Array.from(label)).toHaveLength(48);
  });
});

describe('Mermaid', () => {
  test('parses, with a shape per state kind, nested subgraphs, labelled Choice and dashed Catch edges', async () => {
    const text = toMermaid(buildGraph(allKinds));
    const db = await parseMermaid(text);
    const vertices = db.getVertices();
    const shape = (name: string) =>
      [...vertices.values()].find((v) => decoded(v.text).split('\n')[0] === name)?.type;
    expect(
      ['Get', 'Check', 'Nap', 'Shape', 'Left', 'Item', 'Done', 'Broken', 'Start', 'End'].map(shape),
    ).toEqual([
      'square',
      'diamond',
      'hexagon',
      'round',
      'round',
      'stadium',
      'stadium',
      'stadium',
      'circle',
      'doublecircle',
    ]);
    const groups = new Map(db.getSubGraphs().map((g) => [decoded(g.title), g.nodes]));
    expect(groups.get('Fan\nParallel')).toEqual(['g5', 'g7']);
    expect(groups.get('Branch 1')).toEqual(['s6']);
    expect(groups.get('Branch 2')).toEqual(['g8']);
    expect(groups.get('Each\nMap')).toEqual(['s9']);
    const edges = db.getEdges().map((e) => `${e.start}>${e.end}|${decoded(e.text)}|${e.stroke}`);
    expect(edges).toContain('s1>g4|$.ok == true|normal');
    expect(edges).toContain('s1>s2|Default|normal');
    expect(edges).toContain('g4>s11|States.TaskFailed, Custom.Error|dotted');
    expect(edges).toContain('start>s0||normal');
  });

  test('hostile names survive exactly: quotes, brackets, arrows, newlines, comments, HTML, entities', async () => {
    const names = [
      'say "hi"',
      'a[b]{c}(d)',
      'x --> y',
      'two\nlines',
      '%% not a comment',
      '<img src=x onerror=alert(1)>',
      'A & B #quot; ; |pipe| `tick`',
      'style: #fff;',
      'classDef x fill:#f00;',
      'end',
      'Ünïcödé 名前 🚀',
      'tab\there',
    ];
    const states: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const next = names[i + 1];
      states[name] = next === undefined ? { Type: 'Succeed' } : { Type: 'Pass', Next: next };
    });
    states['say "hi"'] = {
      Type: 'Choice',
      Choices: [{ Variable: '$["a\\"b"]', StringEquals: '<b>"%%', Next: names[1] }],
      Default: names[1],
    };
    const text = toMermaid(buildGraph({ StartAt: names[0], States: states }));
    for (const line of text.split('\n')) expect(line.trimStart().startsWith('%%')).toBe(false);
    const db = await parseMermaid(text);
    const labels = [...db.getVertices().values()].map((v) =>
      decoded(v.text).split('\n').slice(0, -1).join('\n'),
    );
    for (const name of names) expect(labels).toContain(name);
    const choiceEdge = db.getEdges().find((e) => decoded(e.text).startsWith('$['));
    expect(decoded(choiceEdge?.text ?? '')).toBe('$["a\\"b"] == "\\u003cb>\\"%%"'.replace('\\u003c', '<'));
    expect(mermaidText('a"b')).toBe('a#34;b');
  });

  test('a run overlay colours visited, handled and failed states, counts entries and bolds the path', async () => {
    const run = summarizeRun(declinedHistory);
    const text = toMermaid(buildGraph(orderDocument), run);
    const db = await parseMermaid(text);
    const byName = new Map([...db.getVertices().values()].map((v) => [decoded(v.text).split('\n')[0], v]));
    expect(decoded(byName.get('Pay')?.text ?? '')).toBe(
      'Pay\nTask\nentered 1×\nhandled: Payment.Timeout, Payment.Declined',
    );
    expect(byName.get('Pay')?.classes).toEqual(['handled']);
    expect(decoded(byName.get('Alert')?.text ?? '')).toBe('Alert\nFail\nentered 1×\nfailed: OrderFailed');
    expect(byName.get('Alert')?.classes).toEqual(['failed']);
    expect(byName.get('Ship')?.classes).toEqual(['unvisited']);
    expect(byName.get('Receive')?.classes).toEqual(['visited']);
    expect(decoded(byName.get('End')?.text ?? '')).toBe('End\nFAILED');
    const edges = toMermaid(buildGraph(orderDocument)).includes('linkStyle');
    expect(edges).toBe(false);
    // start→Receive, Receive→Pay, Pay catch→Alert, Alert→End: indexes in edge order.
    expect(text).toContain('linkStyle 0,1,3,5 stroke:#1e7b34,stroke-width:3px');
  });

  test('the same input renders the same text', () => {
    const run = summarizeRun(declinedHistory);
    const once = toMermaid(buildGraph(orderDocument), run);
    expect(
      toMermaid(buildGraph(structuredClone(orderDocument)), summarizeRun(structuredClone(declinedHistory))),
    ).toBe(once);
  });
});

describe('DOT', () => {
  test('is well formed, with clusters for Parallel and Map and lhead/ltail edges to them', () => {
    const dot = readDot(toDot(buildGraph(allKinds)));
    expect(dot.clusters).toEqual(['cluster_g4', 'cluster_g5', 'cluster_g7', 'cluster_g8']);
    const shapeOf = (name: string) =>
      [...dot.nodes.values()].find((attrs) => dotLabel(attrs.label).split('\n')[0] === name)?.shape;
    expect(['Get', 'Check', 'Nap', 'Shape', 'Done', 'Start', 'End'].map(shapeOf)).toEqual([
      'box',
      'diamond',
      'hexagon',
      'box',
      'box',
      'circle',
      'doublecircle',
    ]);
    const catchEdge = dot.edges.find((e) => e.attrs.style === 'dashed');
    expect(catchEdge).toEqual({
      from: 's9',
      to: 's11',
      attrs: { label: 'States.TaskFailed, Custom.Error', style: 'dashed', ltail: 'cluster_g4' },
    });
    const choice = dot.edges.find((e) => e.attrs.label === '$.ok == true');
    expect(choice).toMatchObject({ from: 's1', to: 's6', attrs: { lhead: 'cluster_g4' } });
  });

  test('hostile names are escaped so Graphviz reads them back exactly', () => {
    const names = [
      'say "hi"',
      'back\\slash \\N \\l',
      'two\nlines',
      '}; digraph x {',
      '<b>&amp;</b>',
      'ctl\u0001\u007f',
    ];
    const states = Object.fromEntries(names.map((name) => [name, { Type: 'Succeed' }]));
    const dot = readDot(toDot(buildGraph({ StartAt: names[0], States: states })));
    const labels = [...dot.nodes.values()].map((attrs) =>
      dotLabel(attrs.label).split('\n').slice(0, -1).join('\n'),
    );
    for (const name of names.slice(0, 5)) expect(labels).toContain(name);
    expect(labels).toContain('ctl\u2401\u2421');
    expect(dotString('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  test('a run overlay fills visited and failed states and bolds the edges taken', () => {
    const dot = readDot(toDot(buildGraph(orderDocument), summarizeRun(declinedHistory)));
    const byName = new Map(
      [...dot.nodes.values()].map((attrs) => [dotLabel(attrs.label).split('\n')[0], attrs]),
    );
    expect(dotLabel(byName.get('Alert')?.label)).toBe('Alert\nFail\nentered 1×\nfailed: OrderFailed');
    expect(byName.get('Alert')?.fillcolor).toBe('#f9d0d0');
    expect(byName.get('Pay')?.fillcolor).toBe('#ffe8b3');
    expect(byName.get('Ship')?.fillcolor).toBe('#f5f5f5');
    const bold = dot.edges.filter((e) => e.attrs.penwidth === '2.5').map((e) => `${e.from}>${e.to}`);
    expect(bold).toEqual(['start>s0', 's0>s1', 's1>s3', 's3>stop']);
  });
});

// A run of `orderDocument` where Pay failed twice (retried, then caught) and the execution ended in Alert.
const orderDocument = {
  StartAt: 'Receive',
  States: {
    Receive: { Type: 'Pass', Next: 'Pay' },
    Pay: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:pay',
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Alert' }],
      Next: 'Ship',
    },
    Ship: { Type: 'Succeed' },
    Alert: { Type: 'Fail', Error: 'OrderFailed' },
  },
};
const entered = (id: number, previousEventId: number, name: string, type = 'Pass') => ({
  id,
  previousEventId,
  type: `${type}StateEntered`,
  stateEnteredEventDetails: { name },
});
const exited = (id: number, previousEventId: number, name: string, type = 'Pass') => ({
  id,
  previousEventId,
  type: `${type}StateExited`,
  stateExitedEventDetails: { name },
});
const declinedHistory = parseRun([
  { id: 1, previousEventId: 0, type: 'ExecutionStarted' },
  entered(2, 1, 'Receive'),
  exited(3, 2, 'Receive'),
  entered(4, 3, 'Pay', 'Task'),
  { id: 5, previousEventId: 4, type: 'TaskFailed', taskFailedEventDetails: { error: 'Payment.Timeout' } },
  { id: 6, previousEventId: 5, type: 'TaskScheduled', taskScheduledEventDetails: { resource: 'pay' } },
  { id: 7, previousEventId: 6, type: 'TaskFailed', taskFailedEventDetails: { error: 'Payment.Declined' } },
  exited(8, 7, 'Pay', 'Task'),
  entered(9, 8, 'Alert', 'Fail'),
  {
    id: 10,
    previousEventId: 9,
    type: 'ExecutionFailed',
    executionFailedEventDetails: { error: 'OrderFailed' },
  },
]);

function parseRun(value: unknown) {
  const parsed = parseRunEvents(value);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.events;
}

describe('run files', () => {
  test('accept the history array and an object holding it under "history"', () => {
    const events = [{ id: 1, previousEventId: 0, type: 'ExecutionSucceeded' }];
    expect(parseRunEvents(events)).toEqual({
      ok: true,
      events: [{ id: 1, previousEventId: 0, type: 'ExecutionSucceeded' }],
    });
    expect(parseRunEvents({ history: events })).toEqual(parseRunEvents(events));
  });

  test.each([
    [{ steps: [] }, 'expected the history array written by `stepcraft run --history`'],
    [[1], 'event [0] is not an object'],
    [[{ id: 1 }], 'event [0] has no string "type"'],
    [
      [{ type: 'PassStateEntered', stateEnteredEventDetails: {} }],
      'event [0] (PassStateEntered) has no state name in its event details',
    ],
  ])('reject %j', (value, message) => {
    expect(parseRunEvents(value)).toEqual({ ok: false, message });
  });

  test('errors are charged to the state of their own lane, and a state left open failed', () => {
    // Two Parallel branches interleave: B1 fails in its lane while B2's Wait is aborted.
    const run = summarizeRun(
      parseRun([
        entered(1, 0, 'P', 'Parallel'),
        { id: 2, previousEventId: 1, type: 'ParallelStateStarted' },
        entered(3, 2, 'B1', 'Task'),
        entered(4, 2, 'B2', 'Wait'),
        { id: 5, previousEventId: 3, type: 'TaskFailed', taskFailedEventDetails: { error: 'Boom' } },
        { id: 6, previousEventId: 4, type: 'WaitStateAborted' },
        { id: 7, previousEventId: 2, type: 'ParallelStateFailed' },
        {
          id: 8,
          previousEventId: 7,
          type: 'ExecutionFailed',
          executionFailedEventDetails: { error: 'Boom' },
        },
      ]),
    );
    expect(run.status).toBe('FAILED');
    expect(run.states.get('B1')).toEqual({
      entered: 1,
      exited: 0,
      aborted: 0,
      errors: ['Boom'],
      unnamedErrors: 0,
    });
    expect(run.states.get('B2')).toEqual({ entered: 1, exited: 0, aborted: 1, errors: [], unnamedErrors: 0 });
    expect(run.states.get('P')).toEqual({
      entered: 1,
      exited: 0,
      aborted: 0,
      errors: ['Boom'],
      unnamedErrors: 0,
    });
  });
});

describe('a Fail state inside a Map iteration or a Parallel branch', () => {
  const corpusCase = (id: string) => {
    const found = tracedCases().find((c) => c.id === id);
    if (found === undefined) throw new Error(`no corpus case ${id}`);
    return { definition: found.definition, events: parseRun(awsHistoryOf(found)) };
  };

  test('its error, which no event carries, makes the Parallel that caught it "handled" (corpus: parallel-catch)', async () => {
    const { definition, events } = corpusCase('parallel-catch');
    expect(visitStatus(summarizeRun(events).states.get('ParallelState'))).toBe('visited');
    const text = renderGraph(definition, { format: 'mermaid', run: events });
    const db = await parseMermaid(text);
    const parallel = db.getSubGraphs().find((g) => decoded(g.title).startsWith('ParallelState'));
    expect(decoded(parallel?.title ?? '')).toBe('ParallelState\nParallel\nentered 1×\nhandled: FailureType');
    expect(text).toContain(`class ${parallel?.id} handled`);
    const byName = new Map([...db.getVertices().values()].map((v) => [decoded(v.text).split('\n')[0], v]));
    expect(byName.get('Branch1')?.classes).toEqual(['failed']);
    expect(byName.get('FinalCaught')?.classes).toEqual(['visited']);
  });

  test('a Map that failed with it, retried, is "failed" and names it (corpus: map-retry-multiple-retriers)', () => {
    const { definition, events } = corpusCase('map-retry-multiple-retriers');
    const map = summarizeRun(events, definition).states.get('MapState');
    expect(map).toEqual({
      entered: 1,
      exited: 0,
      aborted: 0,
      errors: ['HandleItemFailError'],
      unnamedErrors: 0,
    });
    expect(visitStatus(map)).toBe('failed');
  });

  const nested = (fail: Record<string, unknown>, mapCatch?: unknown) => ({
    StartAt: 'P',
    States: {
      P: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'M',
            States: {
              M: {
                Type: 'Map',
                ...(mapCatch === undefined ? {} : { Catch: mapCatch }),
                ItemProcessor: { StartAt: 'F', States: { F: { Type: 'Fail', ...fail } } },
                End: true,
              },
            },
          },
        ],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
        End: true,
      },
      Caught: { Type: 'Pass', End: true },
    },
  });
  // P enters M, whose one iteration enters F (input {"code":"E.Path"}); M fails; P catches (or M does).
  const history = (mapCaught: boolean) =>
    parseRun([
      entered(1, 0, 'P', 'Parallel'),
      { id: 2, previousEventId: 1, type: 'ParallelStateStarted' },
      entered(3, 2, 'M', 'Map'),
      { id: 4, previousEventId: 3, type: 'MapStateStarted' },
      {
        id: 5,
        previousEventId: 4,
        type: 'MapIterationStarted',
        mapIterationStartedEventDetails: { name: 'M', index: 0 },
      },
      {
        id: 6,
        previousEventId: 5,
        type: 'FailStateEntered',
        stateEnteredEventDetails: { name: 'F', input: '{"code":"E.Path"}' },
      },
      {
        id: 7,
        previousEventId: 6,
        type: 'MapIterationFailed',
        mapIterationFailedEventDetails: { name: 'M', index: 0 },
      },
      { id: 8, previousEventId: 7, type: 'MapStateFailed' },
      ...(mapCaught
        ? [exited(9, 8, 'M', 'Map'), exited(10, 9, 'P', 'Parallel')]
        : [{ id: 9, previousEventId: 8, type: 'ParallelStateFailed' }, exited(10, 9, 'P', 'Parallel')]),
      { id: 11, previousEventId: 10, type: 'ExecutionSucceeded' },
    ]);

  test('it travels out through each Map or Parallel that failed with it, and stops at the one that caught it', () => {
    const uncaught = summarizeRun(history(false), nested({ Error: 'E.Static' }));
    expect(uncaught.states.get('F')?.errors).toEqual(['E.Static']);
    expect(uncaught.states.get('M')?.errors).toEqual(['E.Static']);
    expect(uncaught.states.get('P')?.errors).toEqual(['E.Static']);
    expect(visitStatus(uncaught.states.get('P'))).toBe('handled');
    const caught = summarizeRun(
      history(true),
      nested({ Error: 'E.Static' }, [{ ErrorEquals: ['States.ALL'], Next: 'X' }]),
    );
    expect(caught.states.get('M')?.errors).toEqual(['E.Static']);
    expect(visitStatus(caught.states.get('M'))).toBe('handled');
    expect(caught.states.get('P')?.errors).toEqual([]);
    expect(visitStatus(caught.states.get('P'))).toBe('visited');
  });

  test('an ErrorPath is read from the input the Fail state was entered with; a JSONata Error is unnamed', async () => {
    const byPath = summarizeRun(history(false), nested({ ErrorPath: '$.code', CausePath: '$.code' }));
    expect(byPath.states.get('P')?.errors).toEqual(['E.Path']);
    const jsonata = nested({ Error: "{% $states.input.code & '!' %}" });
    const computed = summarizeRun(history(false), jsonata);
    expect(computed.states.get('F')).toMatchObject({ errors: [], unnamedErrors: 0 });
    expect(computed.states.get('P')).toMatchObject({ errors: [], unnamedErrors: 1 });
    expect(visitStatus(computed.states.get('P'))).toBe('handled');
    const db = await parseMermaid(renderGraph(jsonata, { format: 'mermaid', run: history(false) }));
    const p = db.getSubGraphs().find((g) => decoded(g.title).startsWith('P\n'));
    expect(decoded(p?.title ?? '')).toBe('P\nParallel\nentered 1×\nhandled: an error named at run time');
  });

  test('a path into variables or the context, unreadable input and a malformed definition name nothing', () => {
    for (const fail of [
      { ErrorPath: '$myVar' },
      { ErrorPath: '$$.Execution.Name' },
      { ErrorPath: '$.missing' },
    ])
      expect(summarizeRun(history(false), nested(fail)).states.get('P')?.unnamedErrors).toBe(1);
    const broken = history(false).map((e) =>
      e.type === 'FailStateEntered' ? { ...e, input: '{not json' } : e,
    );
    expect(summarizeRun(broken, nested({ ErrorPath: '$.code' })).states.get('P')?.unnamedErrors).toBe(1);
    for (const definition of [
      null,
      42,
      { States: [] },
      { States: { P: { Type: 'Parallel', Branches: 'x' } } },
    ])
      expect(summarizeRun(history(false), definition).states.get('P')?.errors).toEqual([]);
  });
});

describe('the real-world corpus', () => {
  const folder = path.join(CORPUS, 'real-world');
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.json') && file !== 'index.json' && file !== 'EXPECTED-INVALID.json')
    .sort();

  test('every definition renders to Mermaid that mermaid parses, and to well-formed DOT', async () => {
    expect(files.length).toBe(205);
    for (const file of files) {
      const document: unknown = JSON.parse(readFileSync(path.join(folder, file), 'utf8'));
      const mermaid = renderGraph(document, { format: 'mermaid' });
      await expect(parseMermaid(mermaid), file).resolves.toBeDefined();
      readDot(renderGraph(document, { format: 'dot' }));
    }
  });
});
