import { failed, type ParseResult, parsed } from '../parse-result.js';
import { type Lexed, readDotName, readInteger, readQuoted, readRoot, skipSpaces } from './lexer.js';

/** One step of a reference path: a field name or an array index (negative counts from the end, as in Jayway). */
export type PathSegment =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number };

/**
 * A path that names a single node: `$…` (state input), `$$…` (Context Object) or `$name…` (variable).
 * @see https://states-language.net/spec.html#ref-paths
 */
export interface ReferencePath {
  readonly root:
    | { readonly kind: 'input' }
    | { readonly kind: 'context' }
    | { readonly kind: 'variable'; readonly name: string };
  readonly segments: readonly PathSegment[];
}

/**
 * Parses a reference path: `$`, `$.a.b[0]`, `$['x y']`, `$$.Execution.Id`, `$var`, `$var.a[2]`, and AWS's
 * lenient `$.a.['b c']` / `$.[0]`. Wildcards, slices, filters, unions and deep scans are rejected.
 */
export function parseReferencePath(text: string): ParseResult<ReferencePath> {
  const root = readRoot(text);
  if (!root.ok) return root;
  const segments: PathSegment[] = [];
  let i = root.value.end;
  while (i < text.length) {
    const segment = readSegment(text, i);
    if (!segment.ok) return segment;
    segments.push(segment.value.value);
    i = segment.value.end;
  }
  return parsed({ root: root.value.value, segments });
}

function readSegment(text: string, start: number): ParseResult<Lexed<PathSegment>> {
  const ch = text[start];
  if (ch === '[') return readBracket(text, start);
  if (ch !== '.') return failed(`unexpected '${ch}' in path: expected '.' or '['`, start);
  if (text[start + 1] === '.') return failed('deep scan (..) is not allowed in a reference path', start);
  if (text[start + 1] === '[') return readBracket(text, start + 1);
  if (text[start + 1] === '*') return failed('wildcard (*) is not allowed in a reference path', start + 1);
  const name = readDotName(text, start + 1);
  if (name.value === '') return failed("expected a field name after '.'", start + 1);
  return parsed({ value: { kind: 'field', name: name.value }, end: name.end });
}

function readBracket(text: string, start: number): ParseResult<Lexed<PathSegment>> {
  const i = skipSpaces(text, start + 1);
  const ch = text[i];
  let value: PathSegment;
  let end: number;
  if (ch === "'" || ch === '"') {
    const quoted = readQuoted(text, i);
    if (!quoted.ok) return quoted;
    value = { kind: 'field', name: quoted.value.value };
    end = quoted.value.end;
  } else {
    const index = readInteger(text, i);
    if (index === undefined) {
      return failed(
        `expected a quoted name or an integer index after '[' (wildcards, slices and filters are not allowed in a reference path)`,
        i,
      );
    }
    value = { kind: 'index', index: index.value };
    end = index.end;
  }
  end = skipSpaces(text, end);
  if (text[end] !== ']') {
    return failed(`expected ']' (unions, slices and filters are not allowed in a reference path)`, end);
  }
  return parsed({ value, end: end + 1 });
}
