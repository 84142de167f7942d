/** Where a command writes: results to `stdout`, errors to `stderr` (tests pass collectors, `bin.ts` the process). */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Directory that relative paths are resolved against and printed relative to. */
  readonly cwd: string;
}

/** 0 ok, 1 validation or run failure, 2 usage error, 3 `run` ended but its `--history` file could not be written. */
export type ExitCode = 0 | 1 | 2 | 3;

/** The `Io` of the real process. */
export const processIo: Io = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
};

/** Stable, readable JSON for people and machines alike. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** The message of anything thrown, without a stack. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
