import { type AslDocument, type JsonValue, validate } from '@stepcraft/asl';
import { run } from '@stepcraft/runner';

/*
 * The hostile cases of issue 10 that need isolation (memory, time, stack): each returns what a user sees
 * (status, error, cause), so the test can assert the named error after the child survived its heap limit.
 */

/** The part of a result the tests assert on. */
export interface Seen {
  readonly status: string;
  readonly error?: string;
  readonly cause?: string;
  readonly output?: JsonValue;
  readonly ms: number;
}

async function seen(definition: AslDocument, input: JsonValue, options = {}): Promise<Seen> {
  const started = performance.now();
  const result = await run(definition, input, options);
  return {
    status: result.status,
    ...(result.error === undefined ? {} : { error: result.error }),
    ...(result.cause === undefined ? {} : { cause: result.cause.slice(0, 400) }),
    ...(result.output === undefined ? {} : { output: result.output }),
    ms: performance.now() - started,
  };
}

const jsonataPass = (output: JsonValue): AslDocument =>
  ({
    QueryLanguage: 'JSONata',
    StartAt: 'P',
    States: { P: { Type: 'Pass', Output: output, End: true } },
  }) as AslDocument;

/** `$count([1..100].[1..10000000])`: aborted Node out of memory before the budget. */
export const hugeRange = () => seen(jsonataPass('{% $count([1..100].[1..10000000]) %}'), {});

/** Catastrophic backtracking: `/^(a+)+$/` on 34 `a`s and a `!` hung the process. */
export const backtrackingRegex = () =>
  seen(jsonataPass({ m: '{% $contains($states.input.s, /^(a+)+$/) %}' }), { s: `${'a'.repeat(34)}!` });

/** `States.ArrayLength($..a..a..a..a..a)` over 1 KB of nested `a` objects ran out of memory. */
export const chainedDeepScan = () => {
  let nested: JsonValue = {};
  for (let i = 0; i < 180; i++) nested = { a: nested };
  return seen(
    {
      StartAt: 'P',
      States: {
        P: { Type: 'Pass', Parameters: { 'n.$': 'States.ArrayLength($..a..a..a..a..a)' }, End: true },
      },
    } as AslDocument,
    nested,
  );
};

/** A runaway tail-recursive JSONata loop, aborted through the AbortSignal shortly after it starts. */
export const abortedLoop = () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  return seen(
    jsonataPass('{% ($f := function($n) { $f($n + 1) }; $f(0)) %}'),
    {},
    {
      signal: controller.signal,
      clock: 'real',
    },
  );
};

/** A 1 MB value assigned to a variable (AWS: 256 KiB at most). */
export const megabyteVariable = () =>
  seen(
    {
      QueryLanguage: 'JSONata',
      StartAt: 'P',
      States: { P: { Type: 'Pass', Assign: { big: "{% $pad('', 1048576, 'x') %}" }, End: true } },
    } as AslDocument,
    {},
  );

/** A variable doubled in a loop: succeeded until reading the history threw `RangeError: Invalid string length`. */
export const doublingVariable = async () => {
  const result = await seen(
    {
      QueryLanguage: 'JSONata',
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { s: 'x' }, Next: 'Double' },
        Double: { Type: 'Pass', Assign: { s: '{% $s & $s %}' }, Next: 'Again' },
        Again: { Type: 'Choice', Choices: [{ Condition: '{% false %}', Next: 'Done' }], Default: 'Double' },
        Done: { Type: 'Succeed' },
      },
    } as AslDocument,
    {},
  );
  return result;
};

/** A 100 MB definition: the validator accepted it (AWS's quota is 1 MB). */
export const hugeDefinition = () => {
  const definition = {
    StartAt: 'P',
    States: { P: { Type: 'Pass', End: true, Comment: 'x'.repeat(100 * 2 ** 20) } },
  };
  const started = performance.now();
  const diagnostics = validate(definition);
  return {
    codes: diagnostics.map((d) => d.code),
    messages: diagnostics.map((d) => d.message),
    ms: performance.now() - started,
  };
};

/** Input nested 3,500 levels (inside the 256 KiB quota): ended in an internal stack overflow. */
export const deepInput = () => {
  let deep: JsonValue = 'leaf';
  for (let i = 0; i < 3500; i++) deep = { d: deep };
  return seen({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } as AslDocument, { deep });
};

/** 100,000-deep JSON text (200 KB) parsed by an intrinsic: a stack overflow with no location. */
export const deepParsedText = () =>
  seen(
    {
      StartAt: 'Parse',
      States: { Parse: { Type: 'Pass', Parameters: { 'v.$': 'States.StringToJson($.text)' }, End: true } },
    } as AslDocument,
    { text: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  );
