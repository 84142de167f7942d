import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { type ExitCode, type Io, messageOf } from './output.js';
import { COMMAND_HELP, type CommandName, MAIN_HELP, QUERY_LANGUAGES } from './usage.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed = {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
};

const HELP = { type: 'boolean', short: 'h' } as const;

// Commands are imported when used: `validate` should not pay for loading ts-morph and the runner.
const COMMANDS: Readonly<
  Record<CommandName, { options: Options; run: (parsed: Parsed, io: Io) => Promise<ExitCode> }>
> = {
  build: {
    options: {
      out: { type: 'string', short: 'o' },
      'query-language': { type: 'string' },
      format: { type: 'string' },
      help: HELP,
    },
    run: async ({ values, positionals }, io) => {
      const format = stringOption(values, 'format');
      if (format !== undefined && format !== 'cloudformation' && format !== 'sam') {
        throw new UsageError(`--format must be cloudformation or sam, not '${format}'`);
      }
      const queryLanguage = stringOption(values, 'query-language');
      const language = QUERY_LANGUAGES.find((supported) => supported === queryLanguage);
      if (queryLanguage !== undefined && language === undefined) {
        throw new UsageError(
          `--query-language must be ${QUERY_LANGUAGES.join(' or ')}, not '${queryLanguage}'`,
        );
      }
      const out = requiredOption(values, 'out', 'DIR');
      const { buildCommand } = await import('./commands/build.js');
      return buildCommand(
        {
          paths: positionals,
          out,
          ...(language === undefined ? {} : { queryLanguage: language }),
          ...(format === undefined ? {} : { format }),
        },
        io,
      );
    },
  },
  validate: {
    options: {
      json: { type: 'boolean' },
      'no-arn-check': { type: 'boolean' },
      substitute: { type: 'string', multiple: true },
      express: { type: 'boolean' },
      help: HELP,
    },
    run: async ({ values, positionals }, io) => {
      if (positionals.length === 0)
        throw new UsageError('missing FILE: name at least one ASL file to validate');
      const pairs = values.substitute;
      const substitutions = Array.isArray(pairs) ? parseSubstitutions(pairs.map(String)) : undefined;
      const { validateCommand } = await import('./commands/validate.js');
      return validateCommand(
        {
          files: positionals,
          json: values.json === true,
          checkArn: values['no-arn-check'] !== true,
          express: values.express === true,
          ...(substitutions === undefined ? {} : { substitutions }),
        },
        io,
      );
    },
  },
  graph: {
    options: {
      format: { type: 'string', short: 'f' },
      run: { type: 'string' },
      workflow: { type: 'string', short: 'w' },
      out: { type: 'string', short: 'o' },
      help: HELP,
    },
    run: async ({ values, positionals }, io) => {
      const { graphCommand, graphOptions } = await import('./commands/graph.js');
      return graphCommand(graphOptions(positionals, values), io);
    },
  },
  import: {
    options: {
      out: { type: 'string', short: 'o' },
      name: { type: 'string' },
      modernize: { type: 'boolean' },
      help: HELP,
    },
    run: async ({ values, positionals }, io) => {
      const [file, ...extra] = positionals;
      if (file === undefined) throw new UsageError('missing FILE: name the .asl.json file to import');
      if (extra.length > 0) throw new UsageError(`import takes one FILE, got also: ${extra.join(' ')}`);
      const out = stringOption(values, 'out');
      const name = stringOption(values, 'name');
      const { importCommand } = await import('./commands/import.js');
      return importCommand(
        {
          file,
          ...(out === undefined ? {} : { out }),
          ...(name === undefined ? {} : { name }),
          ...(values.modernize === true ? { modernize: true } : {}),
        },
        io,
      );
    },
  },
  replay: {
    options: {
      history: { type: 'string' },
      workflow: { type: 'string', short: 'w' },
      json: { type: 'boolean' },
      help: HELP,
    },
    run: async ({ values, positionals }, io) => {
      const [file, ...extra] = positionals;
      if (file === undefined) throw new UsageError('missing FILE: name the .asl.json or .ts file that ran');
      if (extra.length > 0) throw new UsageError(`replay takes one FILE, got also: ${extra.join(' ')}`);
      const history = requiredOption(values, 'history', 'aws-history.json');
      const workflow = stringOption(values, 'workflow');
      const { replayCommand } = await import('./commands/replay.js');
      return replayCommand(
        { file, history, json: values.json === true, ...(workflow === undefined ? {} : { workflow }) },
        io,
      );
    },
  },
  view: {
    options: {
      out: { type: 'string', short: 'o' },
      open: { type: 'boolean' },
      definition: { type: 'string' },
      workflow: { type: 'string', short: 'w' },
      help: HELP,
    },
    run: async ({ values, positionals }, io) => {
      const { viewCommand, viewOptions } = await import('./commands/view.js');
      return viewCommand(viewOptions(positionals, values), io);
    },
  },
  dev: {
    options: {
      input: { type: 'string', short: 'i' },
      workflow: { type: 'string', short: 'w' },
      port: { type: 'string' },
      open: { type: 'boolean' },
      help: HELP,
    },
    run: async ({ values, positionals }, io) => {
      const { devCommand, devOptions } = await import('./commands/dev.js');
      return devCommand(devOptions(positionals, values), io);
    },
  },
  run: {
    options: {
      input: { type: 'string', short: 'i' },
      handlers: { type: 'string' },
      json: { type: 'boolean' },
      history: { type: 'string' },
      workflow: { type: 'string', short: 'w' },
      help: HELP,
    },
    run: async ({ values, positionals }, io) => {
      const [file, ...extra] = positionals;
      if (file === undefined) throw new UsageError('missing FILE: name an .asl.json or .ts file to run');
      if (extra.length > 0) throw new UsageError(`run takes one FILE, got also: ${extra.join(' ')}`);
      const optional = (name: 'input' | 'handlers' | 'history' | 'workflow') => {
        const value = stringOption(values, name);
        return value === undefined ? {} : { [name]: value };
      };
      const { runCommand } = await import('./commands/run.js');
      return runCommand(
        {
          file,
          json: values.json === true,
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
    const problem = name.startsWith('-') ? `unknown option '${name}'` : `unknown command '${name}'`;
    return usageError(io, 'stepcraft', problem, 'stepcraft --help');
  }
  const commandName = name as CommandName;
  const command = COMMANDS[commandName];
  const prefix = `stepcraft ${commandName}`;
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help === true) {
      io.stdout(COMMAND_HELP[commandName]);
      return 0;
    }
    return await command.run(parsed, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      return usageError(io, prefix, messageOf(error), `${prefix} --help`);
    }
    io.stderr(
      `${prefix}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}

function usageError(io: Io, prefix: string, problem: string, help: string): ExitCode {
  io.stderr(`${prefix}: ${problem}\nRun '${help}' for usage.`);
  return 2;
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

function stringOption(values: Parsed['values'], name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function requiredOption(values: Parsed['values'], name: string, placeholder: string): string {
  const value = stringOption(values, name);
  if (value === undefined) throw new UsageError(`missing required option --${name} ${placeholder}`);
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

function version(): string {
  // Both src/ and dist/ sit one level below the package root.
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const value =
    typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : '';
  return String(value);
}
