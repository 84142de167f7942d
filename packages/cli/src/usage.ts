import type { CompileOptions } from '@stepcraft/core';

/** The commands `stepcraft` knows. */
export type CommandName =
  | 'build'
  | 'validate'
  | 'run'
  | 'cost'
  | 'replay'
  | 'graph'
  | 'import'
  | 'init'
  | 'view'
  | 'dev';

/** The values of `build --query-language`: those `compile()` supports. */
export const QUERY_LANGUAGES = ['JSONPath', 'JSONata'] as const satisfies readonly NonNullable<
  CompileOptions['queryLanguage']
>[];

/** One of `QUERY_LANGUAGES`. */
export type QueryLanguageOption = (typeof QUERY_LANGUAGES)[number];

/** `stepcraft --help`. */
export const MAIN_HELP = `stepcraft: typed AWS Step Functions workflows in TypeScript

Usage: stepcraft <command> [options]

Commands:
  init [DIR]                      scaffold a project: a workflow, its handlers and a test
  build [paths...] --out DIR      compile exported workflows to DIR/<WorkflowName>.asl.json
  validate FILE...                check Amazon States Language (ASL) JSON files
  run FILE [--input JSON|@file]   execute a workflow locally
  cost FILE --runs-per-month N    price a local run as Standard and as Express
  replay FILE --history H.json    re-run a real AWS execution locally and report where it differs
  import FILE.asl.json            generate typed builder code from an ASL definition
  graph FILE [--run RUN.json]     draw a workflow (and a run of it) as Mermaid or DOT
  view RUN.json                   write a run as one HTML page: graph, each state's data, timeline
  dev FILE [--input @fixtures/]   re-check and re-run a workflow on save; view the runs live

Options:
  -h, --help      show help (for a command: stepcraft <command> --help)
  -v, --version   print the version

Every command but view and dev takes --json to print its result as JSON.

Exit codes: 0 ok, 1 validation or run failure, 2 usage error (run: 3, see its --help).`;

/** `stepcraft <command> --help`. */
export const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
  build: `Usage: stepcraft build [paths...] --out DIR [--query-language JSONPath|JSONata] [--format cloudformation|sam]
                       [--no-typecheck] [--json]

Finds the exported workflows in the given .ts files and directories (recursively, skipping *.test.ts,
*.test-d.ts, node_modules and dist; default: the current directory), type-checks the files that import
@stepcraft/core with the project's own TypeScript (its tsconfig.json and tsc, the native one of TypeScript 7
where installed), loads each module in isolation, compiles and validates each workflow, and writes
DIR/<WorkflowName>.asl.json with the JSON Schemas of its input and output (<WorkflowName>.input.schema.json,
.output.schema.json) beside it, one progress line per workflow on stderr. A file with type errors, or one that
throws, exits or hangs while loading, is reported and not built; the others are. A type error in a file the
workflows import stops the whole build.

Options:
  -o, --out DIR                  where to write the .asl.json files (required)
      --query-language LANGUAGE  compile every workflow to JSONPath or JSONata (default: each workflow's own)
      --format FORMAT            also write DIR/<WorkflowName>.<FORMAT>.json: a cloudformation or sam template
                                 (placeholders as parameters, the execution role's least-privilege policy)
      --no-typecheck             skip the type check
      --load-timeout SECONDS     how long one module may take to load (default 30)
      --json                     print {"written": [...], "failed": [...]} on stdout
  -h, --help                     show this help

Exit codes: 0 all written, 1 a file or workflow failed, 2 usage error.`,
  validate: `Usage: stepcraft validate FILE... [--json] [--no-arn-check] [--substitute KEY=VALUE]... [--express]

Checks Amazon States Language files and prints one line per finding, FILE:POINTER: message [code],
then a summary.

Options:
      --json                 print [{file, valid, diagnostics}] as JSON instead
      --no-arn-check         accept any URI as a Task Resource, not only ARNs
      --substitute KEY=VALUE value of a \${KEY} placeholder (SAM/CloudFormation); repeatable
      --express              validate as an EXPRESS state machine (default: STANDARD)
  -h, --help                 show this help

Exit codes: 0 all files valid, 1 some file invalid, 2 usage error.`,
  graph: `Usage: stepcraft graph FILE [--format mermaid|dot] [--run RUN.json] [--workflow NAME] [--out FILE] [--json]

Draws a state machine as a Mermaid flowchart or a Graphviz DOT graph: Parallel and Map states as nested
boxes, Choice rules and Catch clauses (dashed) as labelled edges, start and end marked. FILE is an ASL JSON
file or a TypeScript file exporting a workflow (type-checked first, as build does).

Options:
  -f, --format FORMAT    mermaid (default) or dot
      --run RUN.json     a history written by 'stepcraft run --history': colours the states the run entered
                         (with counts), the edges it took, and the state it failed in (with the error)
  -w, --workflow NAME    the workflow to draw when FILE exports several (workflow or export name)
  -o, --out FILE         write the diagram to FILE instead of printing it
      --no-typecheck     do not type-check a TypeScript FILE
      --json             print {"format", "diagram"} (or {"format", "out"}) as JSON
  -h, --help             show this help

Exit codes: 0 drawn, 1 FILE is not a valid state machine, 2 usage error.`,
  run: `Usage: stepcraft run FILE [--input JSON|@file] [--handlers MODULE] [--json] [--cost] [--history FILE]
                     [--view [--open]] [--workflow NAME] [--no-typecheck]

Runs a state machine locally and prints its result. FILE is an ASL JSON file or a TypeScript file exporting a
workflow (type-checked first, as build does). Time is simulated: waits and timeouts take no real time. A handler
that has not settled after 2 s of real time is treated as still running: its TimeoutSeconds fires as on AWS, and
with no timeout at all the run ends with Stepcraft.Stalled (as does a task token that nothing answers).

Options:
  -i, --input JSON|@file   the execution input, inline or from a file (default: {})
      --handlers MODULE    .ts/.js/.mjs module whose default export maps a state name, a Lambda
                           FunctionName or a Resource ARN to async (input, context) => result;
                           a handler fails the task by throwing an Error whose name is the ASL error
      --json               print {"status", "output"} or {"status", "error", "cause"} as JSON
      --cost               after the result, what this run costs as Standard and as Express (on stderr;
                           'stepcraft cost' prices a monthly volume)
      --history FILE       after the result, write the run record to FILE (JSON: the definition, the input,
                           the result, the execution history events as AWS's get-execution-history, and
                           each state's inspection data)
      --view               then write the run as one HTML page, as 'stepcraft view' does: beside the
                           --history FILE (run.json -> run.html), else in a new temporary directory; its
                           path is printed on stderr
      --open               --view, and open the page in the default browser
  -w, --workflow NAME      the workflow to run when FILE exports several (workflow or export name)
      --no-typecheck       do not type-check a TypeScript FILE
  -h, --help               show this help

Prints the output as JSON (a failure on stderr). Exit codes: 0 SUCCEEDED; 1 FAILED, TIMED_OUT or ABORTED, or FILE
cannot run; 2 usage error; 3 the run ended but the --history file or the --view page could not be written (the
result is printed first).`,
  cost: `Usage: stepcraft cost FILE --runs-per-month N [--input JSON|@file] [--region REGION] [--type STANDARD|EXPRESS]
                      [--duration-ms MS] [--handlers MODULE] [--workflow NAME] [--no-typecheck] [--json]

Runs the workflow locally once and prices that execution as a Standard and as an Express workflow, side by side:
Standard by billed state transitions (every state entered and every retry, 4,000 free a month), Express by
requests and GB-seconds (100 ms and 64 MB steps, monthly tiers), with the monthly volume where Express becomes
cheaper. Prices come from a dated table (AWS's pricing page); service calls are not included.

Options:
  -i, --input JSON|@file     the execution input, inline or from a file (default: {})
      --runs-per-month N     executions per month (required; 1e6 and 1_000_000 work)
      --region REGION        the price table's region (default us-east-1)
      --type TYPE            STANDARD (default) or EXPRESS, for an ASL file (a TypeScript workflow has its own)
      --duration-ms MS       bill this duration instead of the local run's (whose handlers take no time)
      --handlers MODULE      task handlers, as for 'stepcraft run'
  -w, --workflow NAME        the workflow to price when FILE exports several
      --no-typecheck         do not type-check a TypeScript FILE
      --json                 print the estimate as JSON
  -h, --help                 show this help

Exit codes: 0 priced, 1 the workflow could not be loaded or run, 2 usage error.`,
  import: `Usage: stepcraft import FILE.asl.json [--out FILE.ts] [--name WorkflowName] [--modernize] [--json]

Generates TypeScript builder code for an ASL definition: one const per state, integrations recognised from
their ARNs, input schemas that accept what the definition's paths read. Parts the builder does not model are
kept raw and marked // TODO(stepcraft import). Building the code gives back the definition exactly (legacy
field names, explicit defaults, QueryLanguage and state order included), so its first deploy changes nothing.

Options:
  -o, --out FILE.ts     where to write the code (default: print it)
      --name NAME       the workflow's name (default: ImportedWorkflow)
      --modernize       rename deprecated fields first (Map Iterator → ItemProcessor, Parameters → ItemSelector)
      --json            print {"code"} (or {"out"} with --out) as JSON
  -h, --help            show this help

Exit codes: 0 written, 1 the file is not JSON or cannot be imported, 2 usage error.`,
  init: `Usage: stepcraft init [DIR] [--force] [--json]

Creates a project in DIR (default: the current directory): src/workflow.ts (a workflow whose states are
exported), src/handlers.ts (their local task handlers), src/workflow.test.ts (vitest), input.json,
tsconfig.json, .gitignore and a package.json whose scripts build, run and test it. Then:
cd DIR && npm install && npm test.

Options:
      --force   overwrite files that already exist (otherwise init stops and names them)
      --json    print {"directory", "files"} as JSON
  -h, --help    show this help

Exit codes: 0 created, 2 usage error (files in the way, a directory that cannot be written).`,
  replay: `Usage: stepcraft replay FILE --history aws-history.json [--workflow NAME] [--json]

Replays a real execution: reads the JSON of 'aws stepfunctions get-execution-history' for it, runs FILE locally
on the same input with every Task answered by the result or error AWS recorded, and reports the first AWS event
where the local run's path, state input, task input, error, output or variables differ, with both values.
FILE is an ASL JSON file or a TypeScript file exporting a workflow.

Options:
      --history FILE     the execution history JSON ({"events": [...]}) (required)
  -w, --workflow NAME    the workflow to replay when FILE exports several (workflow or export name)
      --json             print {"matches", "divergences"} as JSON
  -h, --help             show this help

Exit codes: 0 no divergence, 1 the runs differ or FILE is not a valid state machine, 2 usage error.`,
  view: `Usage: stepcraft view FILE [--out FILE.html] [--open] [--definition ASL|MODULE [--workflow NAME]]

Writes one self-contained HTML page showing a run (no network needed to view it): the workflow graph with the
path taken and each state's status, each state's input, I/O steps, output, variables, retries and errors, Map
iterations and Parallel branches one by one, a timeline and the event list. Prints the page's path.
FILE is a run record written by 'stepcraft run --history', or an AWS history
('aws stepfunctions get-execution-history' output) given with --definition.

Options:
  -o, --out FILE.html       where to write the page (default: FILE with .html for .json)
      --open                open the page in the browser ($BROWSER, else the system's default)
      --definition FILE     the ASL JSON file or TypeScript module that ran, for an AWS history
  -w, --workflow NAME       the workflow of a TypeScript --definition exporting several
  -h, --help                show this help

Exit codes: 0 written, 1 FILE is not a run or cannot be drawn, 2 usage error.`,
  dev: `Usage: stepcraft dev FILE [--input JSON|@file|@dir/] [--workflow NAME] [--port N] [--open]

Watches the workflow's folder; on every save type-checks FILE, rebuilds and validates the workflow, runs it on
each input, and serves the viewer of each run on http://127.0.0.1 with live reload. Type, validation and run
problems show in the page and here. Runs until Ctrl-C.

Options:
  -i, --input JSON|@file|@dir/  the inputs: inline JSON, a JSON file, or every *.json file in a folder
                                (default: input.json beside FILE, else {})
  -w, --workflow NAME           the workflow to run when FILE exports several (workflow or export name)
      --port N                  the port on 127.0.0.1 (default: a free port, printed)
      --open                    open the page in the browser
  -h, --help                    show this help

Exit codes: 0 stopped with Ctrl-C, 2 usage error.`,
};
