import path from 'node:path';
import type { JsonValue } from '@stepcraft/asl';
import { run } from '@stepcraft/runner';
import { type DevProblem, type RunRecord, runRecordOf } from '@stepcraft/viewer';
import { loadTarget } from '../load-target.js';
import { messageOf } from '../output.js';

/** One build of `stepcraft dev`: what to load and the inputs to run it on. */
export interface DevJob {
  readonly file: string;
  readonly workflow?: string;
  readonly cwd: string;
  readonly fixtures: readonly { readonly label: string; readonly input: JsonValue }[];
}

/** What a build found: the problems, and one run record per fixture that could run. */
export interface DevJobResult {
  readonly problems: readonly DevProblem[];
  readonly runs: readonly { readonly label: string; readonly record: RunRecord }[];
}

/**
 * Loads and compiles the workflow (which validates it), then runs it on every fixture. Runs in a fresh child
 * process per build, so each save loads the user's modules anew and a handler that never returns can be stopped
 * by killing the process. (The dev server type-checks meanwhile, keeping its project warm between saves.)
 */
export async function buildOnce(job: DevJob): Promise<DevJobResult> {
  let target: Awaited<ReturnType<typeof loadTarget>>;
  try {
    target = await loadTarget(job.file, job.workflow, job.cwd);
  } catch (error) {
    return { problems: [{ kind: 'load', message: messageOf(error) }], runs: [] };
  }
  if (!target.ok) {
    const kind = target.message.includes('is not a valid state machine') ? 'validation' : 'load';
    return { problems: [{ kind, message: target.message }], runs: [] };
  }
  const compiled =
    target.kind === 'compiled'
      ? target.compiled
      : {
          definition: target.document as RunRecord['definition'],
          name: path.basename(job.file).replace(/(\.asl)?\.json$/, ''),
        };
  const problems: DevProblem[] = [];
  const runs: { label: string; record: RunRecord }[] = [];
  for (const { label, input } of job.fixtures) {
    try {
      // The page shows each state's I/O steps: recorded only when inspecting.
      const result = await run(compiled, input, { inspect: true });
      if (result.diagnostics !== undefined && result.diagnostics.length > 0) {
        problems.push({
          kind: 'validation',
          message: result.diagnostics.map((d) => `${d.pointer}: ${d.message}`).join('\n'),
        });
        break;
      }
      const record = runRecordOf({
        workflow: compiled.name ?? 'StateMachine',
        definition: compiled.definition,
        input,
        result,
      });
      runs.push({ label, record });
    } catch (error) {
      problems.push({ kind: 'run', message: `${label}: ${messageOf(error)}` });
    }
  }
  return { problems, runs };
}

// Run as a child process: one job in over IPC, one result out, then exit.
if (
  process.send !== undefined &&
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(path.basename(process.argv[1]))
) {
  process.once('message', (job: DevJob) => {
    buildOnce(job)
      .then((result) => process.send?.(result, () => process.exit(0)))
      .catch((error: unknown) => {
        process.send?.({ problems: [{ kind: 'load', message: messageOf(error) }], runs: [] }, () =>
          process.exit(0),
        );
      });
  });
}
