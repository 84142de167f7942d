import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** How an isolated scenario ended. */
export interface IsolatedOutcome {
  /** The scenario's return value (JSON), when the child finished normally. */
  readonly value: unknown;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** The child was killed after `timeoutMs`. */
  readonly timedOut: boolean;
  /** Heap in use when the scenario returned, and the process's peak resident memory (MB). */
  readonly heapUsedMb: number | undefined;
  readonly maxRssMb: number | undefined;
  readonly stderr: string;
  readonly wallMs: number;
}

/** Limits of an isolated run. */
export interface IsolationLimits {
  /** `--max-old-space-size`: past it V8 aborts the child (out of memory), which the outcome shows. */
  readonly heapMb: number;
  /** Wall-clock limit; the child is killed past it. */
  readonly timeoutMs: number;
}

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `module`'s export `name` (an async function returning JSON) in a fresh Node process under a heap limit and
 * a time limit, so a hostile case that would exhaust memory, overflow the stack or hang cannot take the test
 * runner with it. Workspace packages load from their TypeScript sources, as in the tests.
 * @example
 * const outcome = await runIsolated(new URL('./scenarios.ts', import.meta.url), 'hugeRange', { heapMb: 256, timeoutMs: 20_000 });
 * expect(outcome.value).toMatchObject({ error: 'States.QueryEvaluationError' });
 */
export function runIsolated(module: URL, name: string, limits: IsolationLimits): Promise<IsolatedOutcome> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${limits.heapMb}`,
      '--conditions=@stepcraft/source',
      '--import',
      'tsx',
      CHILD,
      module.href,
      name,
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, limits.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').at(-1);
      let report: { value?: unknown; heapUsedMb?: number; maxRssMb?: number } = {};
      try {
        if (line !== undefined && line !== '') report = JSON.parse(line);
      } catch {
        // Not a report: the outcome's exit code and stderr say what happened.
      }
      resolve({
        value: report.value,
        exitCode,
        signal,
        timedOut,
        heapUsedMb: report.heapUsedMb,
        maxRssMb: report.maxRssMb,
        stderr,
        wallMs: performance.now() - started,
      });
    });
  });
}
