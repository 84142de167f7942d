import type { PathSegment, ReferencePath } from '@stepcraft/asl';
import type { TemplateNode } from '@stepcraft/core/ir';
import { cloneShape, createShape, graft, read, type Shape, walk, without } from './shape.js';

// Requirements flow backwards: what a state's successors read of its output becomes what its result must hold
// (its declared `output`) and what its input must hold (its `input` schema), so every wire type-checks.

/**
 * A path field as the printer sees it: absent (AWS's default `$`), `null`, a reference path, or `'opaque'` (kept
 * raw: a JSONPath query the types cannot follow).
 */
export type PathField = ReferencePath | null | undefined | 'opaque';

const isWhole = (path: PathField): boolean =>
  path === undefined || (path !== null && path !== 'opaque' && path.segments.length === 0);

/** What the value before an OutputPath must hold for the output to hold `need` (`null` keeps nothing). */
export function beforeOutputPath(need: Shape, outputPath: PathField): Shape {
  if (isWhole(outputPath)) return need;
  const before = createShape();
  if (outputPath !== null && outputPath !== 'opaque' && outputPath !== undefined)
    graft(before, outputPath.segments, need, true);
  return before;
}

/** Splits what a state's output must hold, through its ResultPath, into what its result and raw input must hold. */
export function splitResultPath(
  need: Shape,
  resultPath: PathField,
): { readonly result: Shape; readonly input: Shape } {
  if (isWhole(resultPath)) return { result: need, input: createShape() };
  if (resultPath === null) return { result: createShape(), input: need };
  if (resultPath === undefined || resultPath === 'opaque')
    return { result: createShape(), input: createShape() };
  const at = walk(need, resultPath.segments);
  return {
    result: at === undefined ? createShape() : cloneShape(at),
    input: without(need, resultPath.segments),
  };
}

/** Where a template's paths read from: the data (`$…`) and, in an ItemSelector, the Map item (`$$.Map.Item.Value…`). */
export interface TemplateRoots {
  readonly data?: Shape | undefined;
  readonly item?: Shape | undefined;
}

/** Carries what a template's value must hold back to the paths its references read. */
export function throughTemplate(template: TemplateNode, need: Shape, roots: TemplateRoots): void {
  if (template.kind !== 'object') return;
  for (const [key, sub] of need.fields) {
    const entry = template.entries.find((e) => e.key === key)?.value;
    if (entry?.kind === 'reference') {
      const { root, segments } = entry.path;
      if (root.kind === 'input' && roots.data !== undefined) graft(roots.data, segments, sub);
      else if (root.kind === 'context' && roots.item !== undefined && isItemValue(segments))
        graft(roots.item, segments.slice(3), sub);
    } else if (entry?.kind === 'object') throughTemplate(entry, sub, roots);
  }
}

function isItemValue(segments: readonly PathSegment[]): boolean {
  return ['Map', 'Item', 'Value'].every((name, i) => {
    const segment = segments[i];
    return segment?.kind === 'field' && segment.name === name;
  });
}

/** Records that a path must exist (an OutputPath or ItemsPath reads it whole). */
export function requirePath(shape: Shape, path: PathField): void {
  if (path !== undefined && path !== null && path !== 'opaque') read(shape, path.segments);
}
