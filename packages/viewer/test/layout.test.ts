import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EXAMPLE_NAMES } from '../../../examples/catalog.js';
import {
  buildGraph,
  type GraphLayout,
  layoutDefinition,
  layoutGraph,
  MAX_DRAWN_STATES,
} from '../src/index.js';
import { TEXT_METRICS } from '../src/layout/text-metrics.js';

const example = (name: string, file = 'workflow.asl.json'): unknown =>
  JSON.parse(readFileSync(new URL(`../../../examples/${name}/${file}`, import.meta.url), 'utf8'));

/** Every box inside its group, with room for the group's title. */
function checkNesting(layout: GraphLayout): void {
  const byId = new Map(layout.boxes.map((box) => [box.id, box]));
  for (const box of layout.boxes) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
    expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    const parent = box.parent === undefined ? undefined : byId.get(box.parent);
    if (parent === undefined) continue;
    expect(box.x).toBeGreaterThan(parent.x);
    expect(box.y).toBeGreaterThan(parent.y + 20);
    expect(box.x + box.width).toBeLessThan(parent.x + parent.width);
    expect(box.y + box.height).toBeLessThan(parent.y + parent.height);
  }
}

describe('layoutGraph (ELK)', () => {
  test.each(EXAMPLE_NAMES)(
    'lays out %s: boxes nested in their groups, every arrow routed, the same every time',
    async (name) => {
      const graph = buildGraph(example(name));
      const layout = await layoutGraph(graph);
      checkNesting(layout);
      expect(layout.boxes.map((box) => box.id).sort()).toEqual(
        [...new Set(layout.boxes.map((box) => box.id))].sort(),
      );
      for (const edge of layout.edges) {
        expect(edge.points.length).toBeGreaterThanOrEqual(4);
        if (edge.label !== undefined) expect(edge.labelBox).toBeDefined();
      }
      expect(await layoutGraph(graph)).toEqual(layout);
    },
  );

  test('a Parallel draws its branches side by side, numbered, and a Map is wide enough for its title', async () => {
    const ml = await layoutGraph(buildGraph(example('ml-inference')));
    const branches = ml.boxes.filter((box) => box.type === 'Branch');
    expect(branches.map((box) => [box.branch, box.detail])).toEqual([
      [0, 'Branch 1'],
      [1, 'Branch 2'],
    ]);
    expect(branches[0]?.y).toBe(branches[1]?.y);
    expect((branches[0]?.x ?? 0) + (branches[0]?.width ?? 0)).toBeLessThan(branches[1]?.x ?? 0);

    const etl = await layoutGraph(buildGraph(example('etl-pipeline')));
    const map = etl.boxes.find((box) => box.name === 'TransformRecords');
    const title = 'TransformRecords'.length * TEXT_METRICS.nameChar + 'Map'.length * TEXT_METRICS.smallChar;
    expect(map?.width).toBeGreaterThan(title + 30);
  });

  test('a definition nested deeper than the call stack is an error that says so', async () => {
    let definition: unknown = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    for (let i = 0; i < 20_000; i++) {
      definition = { StartAt: 'M', States: { M: { Type: 'Map', ItemProcessor: definition, End: true } } };
    }
    await expect(layoutDefinition(definition)).rejects.toThrow('the definition is nested too deeply to draw');
  });

  test(`more than ${MAX_DRAWN_STATES} boxes are not drawn`, async () => {
    const states = Object.fromEntries(
      Array.from({ length: MAX_DRAWN_STATES }, (_, i) => [`S${i}`, { Type: 'Succeed' }]),
    );
    await expect(layoutDefinition({ StartAt: 'S0', States: states })).rejects.toThrow(
      `the definition has ${MAX_DRAWN_STATES + 2} boxes to draw; the viewer draws at most ${MAX_DRAWN_STATES}`,
    );
  });
});
