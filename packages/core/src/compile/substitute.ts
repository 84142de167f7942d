import type { JsonValue, PathSegment } from '@stepcraft/asl';
import type { AssignmentNode } from '../ir/common-node.js';
import {
  createArrayTemplateNode,
  createIntrinsicNode,
  createLiteralNode,
  createObjectTemplateNode,
  createReferenceNode,
  type ObjectTemplateNode,
  type TemplateNode,
} from '../ir/template-node.js';
import type { Report } from './query-language/dialect.js';

/**
 * A state's assignments as one object template (`Assign`), each value read through `through` when given (what the
 * builder's `$` was made of: a ResultSelector, a Pass result). Both query languages print it.
 */
export function assignTemplate(
  assign: readonly AssignmentNode[],
  through: TemplateNode | undefined,
  report: Report,
): ObjectTemplateNode {
  return createObjectTemplateNode(
    assign.map((a) => ({
      key: a.name,
      value: through === undefined ? a.value : substitute(a.value, through, report, ['Assign', a.name]),
    })),
  );
}

/** A rule's assignments after the state's: a rule's own value wins for the same name. */
export function mergeAssign(
  state: readonly AssignmentNode[] | undefined,
  own: readonly AssignmentNode[],
): AssignmentNode[] {
  const names = new Set(own.map((a) => a.name));
  return [...(state ?? []).filter((a) => !names.has(a.name)), ...own];
}

/**
 * Rewrites the input-rooted references of `node` as reads of `base` (a template describing what `$` stands for):
 * e.g. an Assign that reads the state's selected result reads through its ResultSelector, because ASL's Assign
 * only sees the raw result. Reads that go inside a computed value (an intrinsic call) are reported.
 */
export function substitute(
  node: TemplateNode,
  base: TemplateNode,
  report: Report,
  field: readonly (string | number)[],
): TemplateNode {
  switch (node.kind) {
    case 'reference':
      return node.path.root.kind === 'input' ? readAt(base, node.path.segments, report, field) : node;
    case 'intrinsic':
      return createIntrinsicNode(
        node.name,
        node.args.map((a) => substitute(a, base, report, field)),
      );
    case 'object':
      return createObjectTemplateNode(
        node.entries.map((e) => ({
          key: e.key,
          value: substitute(e.value, base, report, [...field, e.key]),
        })),
      );
    case 'array':
      return createArrayTemplateNode(
        node.items.map((item, i) => substitute(item, base, report, [...field, i])),
      );
    default:
      return node;
  }
}

function readAt(
  base: TemplateNode,
  segments: readonly PathSegment[],
  report: Report,
  field: readonly (string | number)[],
): TemplateNode {
  const [first, ...rest] = segments;
  if (first === undefined) return base;
  switch (base.kind) {
    case 'reference':
      return createReferenceNode({ root: base.path.root, segments: [...base.path.segments, ...segments] });
    case 'object': {
      const entry = first.kind === 'field' ? base.entries.find((e) => e.key === first.name) : undefined;
      if (entry !== undefined) return readAt(entry.value, rest, report, field);
      break;
    }
    case 'array': {
      const item = first.kind === 'index' ? base.items[first.index] : undefined;
      if (item !== undefined) return readAt(item, rest, report, field);
      break;
    }
    case 'literal': {
      const value = literalAt(base.value, segments);
      if (value !== undefined) return createLiteralNode(value);
      break;
    }
    default:
      report(
        'ASSIGN_COMPUTED',
        'This reads inside a computed value (an intrinsic call or raw ASL), which ASL cannot address; read the value whole',
        field,
      );
      return base;
  }
  report('ASSIGN_MISSING', 'This reads a field the result does not have', field);
  return createLiteralNode(null);
}

function literalAt(value: JsonValue, segments: readonly PathSegment[]): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const s of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (s.kind === 'index') current = Array.isArray(current) ? current[s.index] : undefined;
    else current = Array.isArray(current) || !Object.hasOwn(current, s.name) ? undefined : current[s.name];
  }
  return current;
}
