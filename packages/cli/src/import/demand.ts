import { type JsonValue, type PathSegment, parseReferencePath } from '@stepcraft/asl';
import { anyDataPath as dataPath } from './expressions.js';
import { isObject } from './json.js';
import { cloneShape, createShape, graft, read, type Shape, walk, without } from './shape.js';

// Requirements flow backwards: what a state's successors read of its output becomes what its result must hold
// (its declared `output`) and what its input must hold (its `input` schema), so every wire type-checks.

/** What the value before an OutputPath must hold for the output to hold `need` (`null` keeps nothing). */
export function beforeOutputPath(need: Shape, outputPath: JsonValue | undefined): Shape {
  if (outputPath === undefined || outputPath === '$') return need;
  const path = typeof outputPath === 'string' ? dataPath(outputPath) : undefined;
  const before = createShape();
  if (path !== undefined) graft(before, path.segments, need, true);
  return before;
}

/** Splits what a state's output must hold, through its ResultPath, into what its result and raw input must hold. */
export function splitResultPath(
  need: Shape,
  resultPath: JsonValue | undefined,
): { readonly result: Shape; readonly input: Shape } {
  if (resultPath === undefined || resultPath === '$') return { result: need, input: createShape() };
  if (resultPath === null) return { result: createShape(), input: need };
  const path = typeof resultPath === 'string' ? dataPath(resultPath) : undefined;
  if (path === undefined) return { result: createShape(), input: createShape() };
  const at = walk(need, path.segments);
  return { result: at === undefined ? createShape() : cloneShape(at), input: without(need, path.segments) };
}

/** Where a template's paths read from: the data (`$…`) and, in an ItemSelector, the Map item (`$$.Map.Item.Value…`). */
export interface TemplateRoots {
  readonly data?: Shape | undefined;
  readonly item?: Shape | undefined;
}

/** Carries what a template's value must hold back to the paths its `.$` fields read. */
export function throughTemplate(
  template: { readonly [key: string]: JsonValue },
  need: Shape,
  roots: TemplateRoots,
): void {
  for (const [key, sub] of need.fields) {
    const dynamic = Object.hasOwn(template, `${key}.$`) ? template[`${key}.$`] : undefined;
    if (typeof dynamic === 'string') {
      const parsed = parseReferencePath(dynamic);
      if (!parsed.ok) continue;
      const { root, segments } = parsed.value;
      if (root.kind === 'input' && roots.data !== undefined) graft(roots.data, segments, sub);
      else if (root.kind === 'context' && roots.item !== undefined && isItemValue(segments))
        graft(roots.item, segments.slice(3), sub);
      continue;
    }
    const value = Object.hasOwn(template, key) ? template[key] : undefined;
    if (isObject(value)) throughTemplate(value, sub, roots);
  }
}

function isItemValue(segments: readonly PathSegment[]): boolean {
  return ['Map', 'Item', 'Value'].every((name, i) => {
    const segment = segments[i];
    return segment?.kind === 'field' && segment.name === name;
  });
}

/** Records that a path must exist (an OutputPath or ItemsPath reads it whole). */
export function requirePath(shape: Shape, path: string): void {
  const parsed = dataPath(path);
  if (parsed !== undefined) read(shape, parsed.segments);
}
