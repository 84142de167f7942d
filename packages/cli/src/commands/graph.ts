import { validate } from '@stepcraft/asl';
import { UsageError } from '../errors.js';
import { readInputFile, writeOutputFile } from '../files.js';
import {
  buildGraph,
  GRAPH_FORMATS,
  type GraphFormat,
  parseRunEvents,
  type RunSummary,
  type StateGraph,
  summarizeRun,
  toDot,
  toMermaid,
  walkElements,
} from '../graph/index.js';
import { describeJsonError, parseJson } from '../json-text.js';
import { invalidTarget, loadTarget, type Target } from '../load-target.js';
import { type ExitCode, formatJson, type Io } from '../output.js';
import { didYouMean } from '../suggest.js';

/** Options of `stepcraft graph`. */
export interface GraphOptions {
  /** An ASL JSON file, or a TypeScript (or JavaScript) module exporting a workflow. */
  readonly file: string;
  /** Default `mermaid`. */
  readonly format?: GraphFormat;
  /** A history written by `stepcraft run --history`, laid over the diagram. */
  readonly run?: string;
  /** Which workflow to draw when the TypeScript file exports several (workflow name or export name). */
  readonly workflow?: string;
  /** Where to write the diagram instead of stdout. */
  readonly out?: string;
  /** Type-check a TypeScript FILE first (default true). */
  readonly typecheck?: boolean;
  /** Print `{"format", "diagram"}` (or `{"format", "out"}`) as JSON. */
  readonly json?: boolean;
}

/** The command line of `stepcraft graph` as options; a missing FILE or an unknown format is a usage error. */
export function graphOptions(
  positionals: readonly string[],
  values: Readonly<Record<string, unknown>>,
): GraphOptions {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('missing FILE: name an .asl.json or .ts file to draw');
  if (extra.length > 0) throw new UsageError(`graph takes one FILE, got also: ${extra.join(' ')}`);
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const format = text('format');
  const known = GRAPH_FORMATS.find((supported) => supported === format);
  if (format !== undefined && known === undefined) {
    throw new UsageError(
      `--format must be ${GRAPH_FORMATS.join(' or ')}, not '${format}'${didYouMean(format, GRAPH_FORMATS)}`,
    );
  }
  const optional = (name: 'run' | 'workflow' | 'out') => {
    const value = text(name);
    return value === undefined ? {} : { [name]: value };
  };
  return {
    file,
    typecheck: values['no-typecheck'] !== true,
    json: values.json === true,
    ...(known === undefined ? {} : { format: known }),
    ...optional('run'),
    ...optional('workflow'),
    ...optional('out'),
  };
}

/** `stepcraft graph`: prints (or writes) the workflow as a Mermaid or DOT diagram; exit 1 if it is invalid. */
export async function graphCommand(options: GraphOptions, io: Io): Promise<ExitCode> {
  const loaded = await loadDefinition(options, io.cwd);
  if (!loaded.ok) {
    io.stderr(loaded.message);
    return 1;
  }
  const definition = loaded.kind === 'compiled' ? loaded.compiled.definition : loaded.document;
  const graph = buildGraph(definition);
  const run =
    options.run === undefined
      ? undefined
      : await readRun(io.cwd, options.run, { graph, definition }, options.file);
  const format = options.format ?? 'mermaid';
  const text = format === 'dot' ? toDot(graph, run) : toMermaid(graph, run);
  if (options.out !== undefined) await writeOutputFile(io.cwd, options.out, text, '--out');
  if (options.json === true) {
    io.stdout(
      formatJson(options.out === undefined ? { format, diagram: text } : { format, out: options.out }),
    );
  } else if (options.out === undefined) {
    io.stdout(text.trimEnd());
  }
  return 0;
}

/** The definition to draw: an ASL file that validates, or a module's workflow, compiled. */
async function loadDefinition(options: GraphOptions, cwd: string): Promise<Target> {
  const target = await loadTarget(options.file, options.workflow, cwd, options);
  if (!target.ok || target.kind === 'compiled') return target;
  // Resources do not change the picture: every URI will do.
  const errors = validate(target.document, { checkArn: false }).filter((d) => d.severity === 'error');
  return errors.length > 0 ? invalidTarget(options.file, errors) : target;
}

/**
 * `--run FILE`: its history summarised against the definition (which names the errors of Fail states); a file that
 * is not a history of this workflow is a usage error.
 */
async function readRun(
  cwd: string,
  file: string,
  { graph, definition }: { readonly graph: StateGraph; readonly definition: unknown },
  shown: string,
): Promise<RunSummary> {
  const parsed = parseJson(await readInputFile(cwd, file));
  if (!parsed.ok) throw new UsageError(`--run ${file}: ${describeJsonError(parsed)}`);
  const run = parseRunEvents(parsed.value);
  if (!run.ok) throw new UsageError(`--run ${file}: ${run.message}`);
  const names = new Set<string>();
  for (const element of walkElements(graph.elements)) {
    if (element.name !== undefined && element.type !== 'Missing') names.add(element.name);
  }
  const stranger = run.events.find((event) => event.name !== undefined && !names.has(event.name));
  if (stranger?.name !== undefined) {
    throw new UsageError(
      `--run ${file}: the run entered state ${JSON.stringify(stranger.name)}, which ${shown} does not have; is it a run of another workflow?`,
    );
  }
  return summarizeRun(run.events, definition);
}
