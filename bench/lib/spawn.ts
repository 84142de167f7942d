import { fork } from 'node:child_process';
import path from 'node:path';
import type { ChildReport, ChildRequest } from './protocol.js';

const CHILD = path.resolve(import.meta.dirname, '../child.ts');
/** A child over this is killed and reported as timed out. */
const HARD_TIMEOUT_MS = 240_000;

/** Node flags of every child: workspace sources through tsx, and `gc()` between timed runs. */
export const CHILD_FLAGS = ['--conditions=@stepcraft/source', '--import', 'tsx', '--expose-gc'];

/** Runs one measurement in a fresh Node process and returns its report. */
export function runChild(request: ChildRequest, extraFlags: readonly string[] = []): Promise<ChildReport> {
  return new Promise((resolve) => {
    const child = fork(CHILD, [JSON.stringify(request)], {
      execArgv: [...CHILD_FLAGS, ...(request.plan.execArgv ?? []), ...extraFlags],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let report: ChildReport | undefined;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.stdout?.resume();
    child.on('message', (message) => {
      report = message as ChildReport;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), HARD_TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(
        report ?? {
          ok: false,
          impl: request.plan.impl,
          error:
            signal === 'SIGKILL'
              ? `timed out after ${HARD_TIMEOUT_MS / 1000} s`
              : `exited with ${code ?? signal}: ${stderr.trim().slice(-1500)}`,
        },
      );
    });
  });
}
