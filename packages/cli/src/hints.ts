import { stat } from 'node:fs/promises';
import path from 'node:path';
import { closestName, type Handlers } from '@stepcraft/asl';
import type { ExecutionResult } from '@stepcraft/runner';

// The runner tells API users how to provide a missing handler; on the command line that is a flag.
const API_ADVICE =
  /Provide one with run\(workflow, input, \{ handlers: \{ (".*?"): \(input\) => result \} \}\)/;

/**
 * The result with the CLI's words in a missing handler's cause: `--handlers MODULE` instead of `run()`'s options,
 * and, when the module has a handler whose key is a near miss of the state's, which one it probably meant.
 * Any other result is returned as it is.
 */
export function withCliHints(result: ExecutionResult, handlers: Handlers | undefined): ExecutionResult {
  const cause = result.cause;
  if (result.error !== 'Stepcraft.MissingHandler' || cause === undefined) return result;
  const match = API_ADVICE.exec(cause);
  if (match === null) return result;
  const key = match[1] ?? '""';
  let hinted = cause.replace(
    API_ADVICE,
    `Provide one with --handlers MODULE, a module whose default export is { ${key}: async (input) => result },`,
  );
  const wanted: unknown = JSON.parse(key);
  const near =
    handlers === undefined || typeof wanted !== 'string'
      ? undefined
      : closestName(wanted, Object.keys(handlers));
  if (near !== undefined)
    hinted += ` Your --handlers module has ${JSON.stringify(near)}: did you mean ${key}?`;
  return { ...result, cause: hinted };
}

/** `; did you mean --input @FILE?` when the --input text that is not JSON names an existing file. */
export async function forgottenAt(cwd: string, raw: string): Promise<string> {
  if (raw.startsWith('@') || raw.trim() === '') return '';
  const info = await stat(path.resolve(cwd, raw)).catch(() => undefined);
  return info?.isFile() === true ? `; did you mean --input @${raw} (read the file)?` : '';
}
