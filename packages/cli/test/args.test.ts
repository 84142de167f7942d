import { describe, expect, test } from 'vitest';
import { type OptionSpecs, parseArgs } from '../src/args.js';
import { UsageError } from '../src/errors.js';
import { didYouMean } from '../src/suggest.js';

const OPTIONS: OptionSpecs = {
  out: { type: 'string', short: 'o', value: 'DIR' },
  json: { type: 'boolean' },
  substitute: { type: 'string', multiple: true },
};

describe('parseArgs', () => {
  test('long, inline, short and attached values; booleans; repeatable options; positionals', () => {
    expect(parseArgs(['a', '--out', 'x', '--json', 'b'], OPTIONS)).toEqual({
      values: { out: 'x', json: true },
      positionals: ['a', 'b'],
    });
    expect(parseArgs(['--out=x=y'], OPTIONS).values).toEqual({ out: 'x=y' });
    expect(parseArgs(['-o', 'x'], OPTIONS).values).toEqual({ out: 'x' });
    expect(parseArgs(['-ox'], OPTIONS).values).toEqual({ out: 'x' });
    expect(parseArgs(['--substitute', 'A=1', '--substitute=B=2'], OPTIONS).values).toEqual({
      substitute: ['A=1', 'B=2'],
    });
  });

  test('-- ends the options; a lone - and negative numbers are values', () => {
    expect(parseArgs(['--', '--json', '-o'], OPTIONS).positionals).toEqual(['--json', '-o']);
    expect(parseArgs(['-'], OPTIONS).positionals).toEqual(['-']);
    expect(parseArgs(['--out', '-1'], OPTIONS).values).toEqual({ out: '-1' });
  });

  test('option names such as __proto__ are unknown options, not prototype lookups', () => {
    expect(() => parseArgs(['--__proto__', 'x'], OPTIONS)).toThrow('unknown option --__proto__');
    expect(() => parseArgs(['--constructor'], OPTIONS)).toThrow('unknown option --constructor');
    expect(Object.getPrototypeOf(parseArgs([], OPTIONS).values)).toBe(null);
  });

  test.each([
    [['--jsno'], 'unknown option --jsno; did you mean --json?'],
    [['--outt', 'x'], 'unknown option --outt; did you mean --out?'],
    [['--format'], 'unknown option --format'],
    [['-z'], 'unknown option -z'],
    [['--out'], 'option --out needs a value: --out DIR'],
    [['--out', '--json'], 'option --out needs a value: --out DIR'],
    [['--json=no'], "option --json takes no value, got 'no'"],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(() => parseArgs(argv, OPTIONS)).toThrow(new UsageError(message));
  });
});

describe('did you mean', () => {
  test('formats the suggestion, or nothing', () => {
    expect(didYouMean('biuld', ['build'])).toBe("; did you mean 'build'?");
    expect(didYouMean('deploy', ['build'])).toBe('');
  });
});
