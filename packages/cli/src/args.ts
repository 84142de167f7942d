import { UsageError } from './errors.js';
import { didYouMean } from './suggest.js';

/** One option of a command: `--name VALUE` (string) or `--name` (boolean), maybe repeatable, maybe with `-x`. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Repeatable: the values are collected in order. */
  readonly multiple?: boolean;
  /** How the value is named in messages, e.g. `DIR`. */
  readonly value?: string;
}

/** The options a command accepts, by long name (without `--`). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** A parsed command line: option values by long name, and the positional arguments in order. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Parses a command's arguments: `--name value`, `--name=value`, `-x value`, boolean `--flag`, `--` ends the options.
 * Mistakes are `UsageError`s in our words (Node's `parseArgs` quotes unevenly), with a "did you mean" for unknown
 * options. A value that looks like a long option (`--out --json`) is taken as a missing value, not as the value.
 */
export function parseArgs(args: readonly string[], options: OptionSpecs): ParsedArgs {
  const values: Record<string, string | boolean | string[] | undefined> = Object.create(null);
  const positionals: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const { name, inline } = splitOption(arg, options);
    const spec = Object.hasOwn(options, name) ? options[name] : undefined;
    if (spec === undefined) {
      const typed = arg.split('=')[0] ?? arg;
      throw new UsageError(
        `unknown option ${typed}${didYouMean(
          typed,
          Object.keys(options).map((known) => `--${known}`),
          (known) => known,
        )}`,
      );
    }
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`option --${name} takes no value, got '${inline}'`);
      values[name] = true;
      continue;
    }
    const next = args[index + 1];
    const value = inline ?? (next === undefined || next.startsWith('--') ? undefined : next);
    if (value === undefined) {
      throw new UsageError(`option --${name} needs a value: --${name} ${spec.value ?? 'VALUE'}`);
    }
    if (inline === undefined) index++;
    const previous = values[name];
    values[name] = spec.multiple === true ? [...(Array.isArray(previous) ? previous : []), value] : value;
  }
  return { values, positionals };
}

/** `--name=value` → name and inline value; `-x` → the long name of short `x` (or `-x` itself when unknown). */
function splitOption(arg: string, options: OptionSpecs): { name: string; inline?: string } {
  if (arg.startsWith('--')) {
    const equals = arg.indexOf('=');
    return equals < 0
      ? { name: arg.slice(2) }
      : { name: arg.slice(2, equals), inline: arg.slice(equals + 1) };
  }
  const short = arg.slice(1, 2);
  const name = Object.keys(options).find((known) => options[known]?.short === short);
  if (name === undefined) return { name: arg };
  return arg.length > 2 ? { name, inline: arg.slice(2) } : { name };
}

/** A string option's value, if given. */
export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A string option that must be given. */
export function requiredOption(parsed: ParsedArgs, name: string, placeholder: string): string {
  const value = stringOption(parsed, name);
  if (value === undefined) throw new UsageError(`missing required option --${name} ${placeholder}`);
  return value;
}

/** Whether a boolean flag was given. */
export function flag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

/** A repeatable string option's values (empty when not given). */
export function listOption(parsed: ParsedArgs, name: string): readonly string[] {
  const value = parsed.values[name];
  return Array.isArray(value) ? value : [];
}

/** The one positional FILE of a command; none or several are usage errors. */
export function singleFile(parsed: ParsedArgs, command: string, missing: string): string {
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError(`missing FILE: ${missing}`);
  if (extra.length > 0) throw new UsageError(`${command} takes one FILE, got also: ${extra.join(' ')}`);
  return file;
}
