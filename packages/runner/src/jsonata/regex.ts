import { RE2JS } from 're2js';
import { boundedMemo } from '../io/cache.js';

/*
 * JSONata regular expressions run on RE2 (the re2js port), whose matching time is linear in the input: a pattern
 * such as /^(a+)+$/ cannot hang the runner on hostile text. RE2 has no backreferences or lookaround; a pattern
 * using them fails at its first use with an error naming the construct, instead of running with exponential cost.
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

/**
 * The `RegExp` subset jsonata uses (`exec` from `lastIndex`), over RE2. Passed as jsonata's `RegexEngine`, which
 * constructs one per regex literal it evaluates; compiled patterns are shared through a bounded memo.
 */
export class LinearRegExp {
  lastIndex = 0;
  readonly #pattern: RE2JS;

  constructor(literal: RegExp) {
    this.#pattern = linearPattern(literal.source, literal.flags);
  }

  exec(text: string): RegExpExecArray | null {
    const matcher = this.#pattern.matcher(text);
    if (this.lastIndex > text.length || !matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let i = 0; i <= matcher.groupCount(); i++) groups.push(matcher.group(i) ?? undefined);
    const match = Object.assign(groups, { index: matcher.start(), input: text }) as RegExpExecArray;
    this.lastIndex = matcher.end();
    return match;
  }
}
