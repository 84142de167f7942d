/** Thrown for a definition `stepcraft import` cannot turn into builder code; the message says where and why. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** A JSON pointer (RFC 6901) to a place in the definition, for messages: `/States/Fetch/Parameters`. */
export function pointer(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
