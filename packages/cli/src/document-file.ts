import type { Diagnostic } from '@stepcraft/asl';
import { describeJsonError, parseJson } from './json-text.js';

/** The diagnostic code of a definition file that is not JSON at all. */
const INVALID_JSON = 'INVALID_JSON';

/** Parses a definition file's text: the document, or one diagnostic locating the JSON syntax error. */
export function parseDocumentText(
  text: string,
):
  | { readonly ok: true; readonly document: unknown }
  | { readonly ok: false; readonly diagnostic: Diagnostic } {
  const result = parseJson(text);
  if (result.ok) return { ok: true, document: result.value };
  return {
    ok: false,
    diagnostic: { code: INVALID_JSON, message: describeJsonError(result), pointer: '', severity: 'error' },
  };
}
