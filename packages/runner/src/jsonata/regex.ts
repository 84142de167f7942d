import { RE2JS } from 're2js';
import { boundedMemo } from '../io/cache.js';
import { forEachNode } from './ast-walk.js';

/*
 * JSONata regular expressions (and JSONPath `=~` filters) run on RE2 (the re2js port), whose matching time is
 * linear in the input: a pattern such as /^(a+)+$/ cannot hang the runner on hostile text. RE2 has no
 * backreferences or lookaround; a pattern using them fails at its first use with an error naming the construct,
 * instead of running with exponential cost.
 */

const compile = boundedMemo<RE2JS | Error>(512, (key) => {
  const flagEnd = key.indexOf('/');
  const flags = key.slice(0, flagEnd);
  let mask = 0;
  if (flags.includes('i')) mask |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) mask |= RE2JS.MULTILINE;
  if (flags.includes('s')) mask |= RE2JS.DOTALL;
  try {
    return RE2JS.compile(RE2JS.translateRegExp(key.slice(flagEnd + 1)), mask);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return new Error(
      `The regular expression /${key.slice(flagEnd + 1)}/ cannot be matched in linear time (${reason}); backreferences and lookaround are not supported`,
    );
  }
});

/** A compiled linear-time pattern for `source`/`flags`; throws when RE2 cannot express it. */
export function linearPattern(source: string, flags: string): RE2JS {
  const pattern = compile(`${flags}/${source}`);
  if (pattern instanceof Error) throw pattern;
  return pattern;
}

/** What jsonata's own regex closures return for a match (see `evaluateRegex` in jsonata). */
interface RegexMatch {
  readonly match: string;
  readonly start: number;
  readonly end: number;
  readonly groups: readonly (string | undefined)[];
  readonly next: () => RegexMatch | undefined;
}

/**
 * A matcher function equivalent to the one jsonata builds for a regex literal, over RE2. The
 * expression's regex literals are replaced by these (see `prepareRegexes`), so matching never depends on
 * jsonata's process-wide `RegexEngine` setting, which any other `jsonata()` call (a validator parsing an
 * expression, say) resets to the backtracking `RegExp`.
 */
export function linearMatcher(literal: RegExp): (text: string, fromIndex?: number) => RegexMatch | undefined {
  const pattern = linearPattern(literal.source, literal.flags);
  const matcher = (text: string, fromIndex = 0): RegexMatch | undefined => {
    if (fromIndex > text.length) return undefined;
    const found = pattern.matcher(text);
    if (!found.find(fromIndex)) return undefined;
    const start = found.start();
    const end = found.end();
    let groups: (string | undefined)[] | undefined;
    return {
      match: text.slice(start, end),
      start,
      end,
      // Capture groups cost RE2 a second pass: computed only when read ($match, $replace), not for $contains.
      get groups() {
        groups ??= Array.from({ length: found.groupCount() }, (_, i) => found.group(i + 1) ?? undefined);
        return groups;
      },
      next: () => {
        if (end >= text.length) return undefined;
        const next = matcher(text, end);
        if (next !== undefined && next.match === '') {
          // As jsonata: a zero-length match would never progress.
          throw Object.assign(new Error('Regular expression matches zero length string'), { code: 'D1004' });
        }
        return next;
      },
    };
  };
  return matcher;
}

/** The binding-name prefix of replaced regex literals (holds a space: no expression can spell it). */
const REGEX_BINDING = 'stepcraft regex ';

/**
 * Replaces every regex literal of a parsed expression by a variable bound to its linear-time matcher, and returns
 * those bindings. A pattern RE2 cannot run fails when evaluated.
 */
export function prepareRegexes(ast: unknown): Readonly<Record<string, unknown>> {
  const bindings: Record<string, unknown> = {};
  forEachNode(ast, (node) => {
    if (node.type !== 'regex' || !(node.value instanceof RegExp)) return;
    const name = `${REGEX_BINDING}${Object.keys(bindings).length}`;
    const literal = node.value;
    let matcher: ReturnType<typeof linearMatcher> | undefined;
    // Compiled on first use, so an unsupported pattern is an evaluation error of the expression that uses it.
    bindings[name] = (text: string, fromIndex?: number) => {
      matcher ??= linearMatcher(literal);
      return matcher(text, fromIndex);
    };
    node.type = 'variable';
    node.value = name;
  });
  return bindings;
}
