/** Thrown for a definition `stepcraft import` cannot turn into builder code; the message says where and why. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}
