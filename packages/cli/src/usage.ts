import type { CompileOptions } from '@stepcraft/core';

/** The commands `stepcraft` knows. */
export type CommandName = 'build' | 'validate' | 'run';

/** The values of `build --query-language`: those `compile()` supports. */
export const QUERY_LANGUAGES = ['JSONPath'] as const satisfies readonly NonNullable<
  CompileOptions['queryLanguage']
>[];

/** One of `QUERY_LANGUAGES`. */
export type QueryLanguageOption = (typeof QUERY_LANGUAGES)[number];

/** `stepcraft --help`. */
export const MAIN_HELP = `stepcraft: typed AWS Step Functions workflows in TypeScript

Usage: stepcraft <command> [options]

Commands:
  build [paths...] --out DIR      compile exported workflows to DIR/<WorkflowName>.asl.json
  validate FILE...                check Amazon States Language (ASL) JSON files
  run FILE --input JSON|@file     execute a workflow locally

Options:
  -h, --help      show help (for a command: stepcraft <command> --help)
  -v, --version   print the version

Exit codes: 0 ok, 1 validation or run failure, 2 usage error.`;

/** `stepcraft <command> --help`. */
export const COMMAND_HELP: Readonly<Record<CommandName, string>> = {
  build: `Usage: stepcraft build [paths...] --out DIR [--query-language JSONPath]

Finds the exported workflows in the given .ts files and directories (recursively, skipping *.test.ts,
*.test-d.ts, node_modules and dist; default: the current directory), type-checks their files, compiles and
validates each workflow, and writes DIR/<WorkflowName>.asl.json. Files with type errors are not built.

Options:
  -o, --out DIR                  where to write the .asl.json files (required)
      --query-language LANGUAGE  the query language to compile to (JSONPath)
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
  run: `Usage: stepcraft run FILE --input JSON|@file [--handlers MODULE] [--json] [--history FILE] [--workflow NAME]

Runs a state machine locally. FILE is an ASL JSON file or a TypeScript file exporting a workflow.

Options:
  -i, --input JSON|@file   the execution input, inline or from a file (required)
      --handlers MODULE    .ts/.js/.mjs module whose default export maps a state name, a Lambda
                           FunctionName or a Resource ARN to async (input, context) => result;
                           a handler fails the task by throwing an Error whose name is the ASL error
      --json               print {"status", "output"} or {"status", "error", "cause"} as JSON
      --history FILE       write the execution history events to FILE as JSON
  -w, --workflow NAME      the workflow to run when FILE exports several (workflow or export name)
  -h, --help               show this help

Prints the output as JSON. Exit codes: 0 SUCCEEDED, 1 FAILED, TIMED_OUT or ABORTED, 2 usage error.`,
};
