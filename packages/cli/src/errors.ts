/** A mistake in how the command was called (exit 2): bad flags, missing files or options. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
