import { pointerOf } from '../../diagnostic.js';
import { type Ctx, report } from '../context.js';
import { duplicateKeys } from '../duplicate-keys.js';

/**
 * AWS's quota on the size of a state machine definition: 1 MB, a hard limit.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 */
export const MAX_DEFINITION_BYTES = 1_048_576;

/**
 * Checks what only the definition as a whole shows: its size against AWS's quota (of `text` when given, else
 * `compactBytes`, the size of the document's compact JSON — the smallest text it can be sent as — counted up to just
 * past the quota) and, in `text`, keys that repeat within one object (JSON parsers keep the last one silently, and
 * AWS rejects the definition).
 */
export function checkDefinitionQuotas(
  ctx: Ctx,
  compactBytes: number | undefined,
  text: string | undefined,
): void {
  const size =
    text === undefined
      ? { bytes: compactBytes ?? 0, of: 'as compact JSON' }
      : { bytes: Buffer.byteLength(text, 'utf8'), of: 'as written' };
  if (size.bytes > MAX_DEFINITION_BYTES) {
    const amount = text === undefined ? `more than ${MAX_DEFINITION_BYTES}` : String(size.bytes);
    report(
      ctx,
      'DEFINITION_TOO_LARGE',
      [],
      `The definition is ${amount} bytes ${size.of}; AWS accepts definitions of at most ${MAX_DEFINITION_BYTES} bytes (1 MB, a hard quota).`,
    );
  }
  if (text === undefined) return;
  for (const path of duplicateKeys(text)) {
    const parent = pointerOf(...path.slice(0, -1)) || '/';
    report(
      ctx,
      'DUPLICATE_JSON_KEY',
      path,
      `The key ${JSON.stringify(path.at(-1))} appears more than once in the object at ${parent}; JSON parsers keep only the last value. Remove or rename the duplicate.`,
    );
  }
}
