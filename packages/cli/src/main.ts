import {
  flag,
  listOption,
  type OptionSpecs,
  type ParsedArgs,
  parseArgs,
  requiredOption,
  singleFile,
  stringOption,
} from './args.js';
import { UsageError } from './errors.js';
import { type ExitCode, type Io, messageOf } from './output.js';
import { didYouMean } from './suggest.js';
import { COMMAND_HELP, type CommandName, MAIN_HELP, QUERY_LANGUAGES } from './usage.js';
import { version } from './version.js';

/** How `main` runs one command: the options it accepts, and what it does with them. */
interface Command {
  readonly options: OptionSpecs;
  readonly run: (parsed: ParsedArgs, io: Io) => Promise<ExitCode>;
}

const HELP = { type: 'boolean', short: 'h' } as const;
const JSON_OUTPUT = { type: 'boolean' } as const;
const NO_TYPECHECK = { type: 'boolean' } as const;
const WORKFLOW = { type: 'string', short: 'w', value: 'NAME' } as const;

// One entry per command. Each imports its module when used: `validate` must not pay for ts-morph or the runner.
const COMMANDS: Readonly<Record<CommandName, Command>> = {
  build: {
    options: {
      out: { type: 'string', short: 'o', value: 'DIR' },
      'query-language': { type: 'string', value: 'JSONPath|JSONata' },
      format: { type: 'string', value: 'cloudformation|sam' },
      'no-typecheck': NO_TYPECHECK,
      'load-timeout': { type: 'string', value: 'SECONDS' },
      json: JSON_OUTPUT,
      help: HELP,
    },
    run: async (parsed, io) => {
      const queryLanguage = stringOption(parsed, 'query-language');
      const language = QUERY_LANGUAGES.find((supported) => supported === queryLanguage);
      if (queryLanguage !== undefined && language === undefined) {
        throw new UsageError(
          `--query-language must be ${QUERY_LANGUAGES.join(' or ')}, not '${queryLanguage}'${didYouMean(queryLanguage, QUERY_LANGUAGES)}`,
        );
      }
      const format = stringOption(parsed, 'format');
      const formats = ['cloudformation', 'sam'] as const;
      const template = formats.find((known) => known === format);
      if (format !== undefined && template === undefined) {
        throw new UsageError(
          `--format must be cloudformation or sam, not '${format}'${didYouMean(format, formats)}`,
        );
      }
      const out = requiredOption(parsed, 'out', 'DIR');
      const timeout = stringOption(parsed, 'load-timeout');
      const { buildCommand } = await import('./commands/build.js');
      return buildCommand(
        {
          paths: parsed.positionals,
          out,
          json: flag(parsed, 'json'),
          typecheck: !flag(parsed, 'no-typecheck'),
          ...(language === undefined ? {} : { queryLanguage: language }),
          ...(template === undefined ? {} : { format: template }),
          ...(timeout === undefined ? {} : { loadTimeoutSeconds: seconds(timeout, '--load-timeout') }),
        },
        io,
      );
    },
  },
  validate: {
    options: {
      json: JSON_OUTPUT,
      'no-arn-check': { type: 'boolean' },
      substitute: { type: 'string', multiple: true, value: 'KEY=VALUE' },
      express: { type: 'boolean' },
      help: HELP,
    },
    run: async (parsed, io) => {
      if (parsed.positionals.length === 0)
        throw new UsageError('missing FILE: name at least one ASL file to validate');
      const pairs = listOption(parsed, 'substitute');
      const { validateCommand } = await import('./commands/validate.js');
      return validateCommand(
        {
          files: parsed.positionals,
          json: flag(parsed, 'json'),
          checkArn: !flag(parsed, 'no-arn-check'),
          express: flag(parsed, 'express'),
          ...(pairs.length === 0 ? {} : { substitutions: parseSubstitutions(pairs) }),
        },
        io,
      );
    },
  },
  graph: {
    options: {
      format: { type: 'string', short: 'f', value: 'mermaid|dot' },
      run: { type: 'string', value: 'RUN.json' },
      workflow: WORKFLOW,
      out: { type: 'string', short: 'o', value: 'FILE' },
      'no-typecheck': NO_TYPECHECK,
      json: JSON_OUTPUT,
      help: HELP,
    },
    run: async (parsed, io) => {
      const { graphCommand, graphOptions } = await import('./commands/graph.js');
      return graphCommand(graphOptions(parsed.positionals, parsed.values), io);
    },
  },
  import: {
    options: {
      out: { type: 'string', short: 'o', value: 'FILE.ts' },
      name: { type: 'string', value: 'NAME' },
      modernize: { type: 'boolean' },
      json: JSON_OUTPUT,
      help: HELP,
    },
    run: async (parsed, io) => {
      const file = singleFile(parsed, 'import', 'name the .asl.json file to import');
      const out = stringOption(parsed, 'out');
      const name = stringOption(parsed, 'name');
      const { importCommand } = await import('./commands/import.js');
      return importCommand(
        {
          file,
          json: flag(parsed, 'json'),
          modernize: flag(parsed, 'modernize'),
          ...(out === undefined ? {} : { out }),
          ...(name === undefined ? {} : { name }),
        },
        io,
      );
    },
  },
  init: {
    options: { force: { type: 'boolean' }, json: JSON_OUTPUT, help: HELP },
    run: async (parsed, io) => {
      const [directory, ...extra] = parsed.positionals;
      if (extra.length > 0) throw new UsageError(`init takes one DIR, got also: ${extra.join(' ')}`);
      const { initCommand } = await import('./commands/init.js');
      return initCommand(
        { directory: directory ?? '.', force: flag(parsed, 'force'), json: flag(parsed, 'json') },
        io,
      );
    },
  },
  replay: {
    options: {
      history: { type: 'string', value: 'aws-history.json' },
      workflow: WORKFLOW,
      json: JSON_OUTPUT,
      help: HELP,
    },
    run: async (parsed, io) => {
      const file = singleFile(parsed, 'replay', 'name the .asl.json or .ts file that ran');
      const history = requiredOption(parsed, 'history', 'aws-history.json');
      const workflow = stringOption(parsed, 'workflow');
      const { replayCommand } = await import('./commands/replay.js');
      return replayCommand(
        { file, history, json: flag(parsed, 'json'), ...(workflow === undefined ? {} : { workflow }) },
        io,
      );
    },
  },
  view: {
    options: {
      out: { type: 'string', short: 'o', value: 'FILE.html' },
      open: { type: 'boolean' },
      definition: { type: 'string', value: 'ASL|MODULE' },
      workflow: WORKFLOW,
      help: HELP,
    },
    run: async (parsed, io) => {
      const { viewCommand, viewOptions } = await import('./commands/view.js');
      return viewCommand(viewOptions(parsed.positionals, parsed.values), io);
    },
  },
  dev: {
    options: {
      input: { type: 'string', short: 'i', value: 'JSON|@file|@dir/' },
      workflow: WORKFLOW,
      port: { type: 'string', value: 'N' },
      open: { type: 'boolean' },
      help: HELP,
    },
    run: async (parsed, io) => {
      const { devCommand, devOptions } = await import('./commands/dev.js');
      return devCommand(devOptions(parsed.positionals, parsed.values), io);
    },
  },
  run: {
    options: {
      input: { type: 'string', short: 'i', value: 'JSON|@file' },
      handlers: { type: 'string', value: 'MODULE' },
      json: JSON_OUTPUT,
      history: { type: 'string', value: 'FILE' },
      view: { type: 'boolean' },
      open: { type: 'boolean' },
      workflow: WORKFLOW,
      'no-typecheck': NO_TYPECHECK,
      help: HELP,
    },
    run: async (parsed, io) => {
      const file = singleFile(parsed, 'run', 'name an .asl.json or .ts file to run');
      const optional = (name: 'input' | 'handlers' | 'history' | 'workflow') => {
        const value = stringOption(parsed, name);
        return value === undefined ? {} : { [name]: value };
      };
      const { runCommand } = await import('./commands/run.js');
      return runCommand(
        {
          file,
          json: flag(parsed, 'json'),
          typecheck: !flag(parsed, 'no-typecheck'),
          view: flag(parsed, 'view'),
          open: flag(parsed, 'open'),
          ...optional('input'),
          ...optional('handlers'),
          ...optional('history'),
          ...optional('workflow'),
        },
        io,
      );
    },
  },
};

/**
 * Runs `stepcraft` with the arguments after the program name and returns the exit code: 0 ok,
 * 1 validation or run failure, 2 usage error. Never throws.
 */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === '-h' || name === '--help') {
    io.stdout(MAIN_HELP);
    return 0;
  }
  if (name === '-v' || name === '--version') {
    io.stdout(version());
    return 0;
  }
  if (name === undefined) return usageError(io, 'stepcraft', 'missing command', 'stepcraft --help');
  if (!Object.hasOwn(COMMANDS, name)) {
    const problem = name.startsWith('-')
      ? `unknown option ${name}${didYouMean(name, ['--help', '--version'], (known) => known)}`
      : `unknown command '${name}'${didYouMean(name, Object.keys(COMMANDS))}`;
    return usageError(io, 'stepcraft', problem, 'stepcraft --help');
  }
  const commandName = name as CommandName;
  const command = COMMANDS[commandName];
  const prefix = `stepcraft ${commandName}`;
  try {
    const parsed = parseArgs(rest, command.options);
    if (flag(parsed, 'help')) {
      io.stdout(COMMAND_HELP[commandName]);
      return 0;
    }
    return await command.run(parsed, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, prefix, error.message, `${prefix} --help`);
    io.stderr(
      `${prefix}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : messageOf(error)}`,
    );
    return 1;
  }
}

function usageError(io: Io, prefix: string, problem: string, help: string): ExitCode {
  io.stderr(`${prefix}: ${problem}\nRun '${help}' for usage.`);
  return 2;
}

/** A positive number of seconds, e.g. `--load-timeout 2.5`. */
function seconds(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${option} must be a positive number of seconds, not '${text}'`);
  return value;
}

/** `KEY=VALUE` pairs (split at the first `=`); later pairs win. */
function parseSubstitutions(pairs: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--substitute expects KEY=VALUE, got '${pair}'`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}
