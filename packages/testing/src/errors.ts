/** An execution history that cannot be read (not AWS's GetExecutionHistory shape). */
export class HistoryFormatError extends Error {
  override readonly name = 'HistoryFormatError';
}

/** A mock or handler key that names no state or resource of the workflow. */
export class UnknownMockKeyError extends Error {
  override readonly name = 'UnknownMockKeyError';
  constructor(
    message: string,
    /** The keys at fault. */
    readonly keys: readonly string[],
  ) {
    super(message);
  }
}

/** Task states that have neither a mock nor a handler, found before the run (`unmocked: 'error'`). */
export class UnmockedStatesError extends Error {
  override readonly name = 'UnmockedStatesError';
  constructor(
    message: string,
    /** The Task states without a mock or handler. */
    readonly states: readonly string[],
  ) {
    super(message);
  }
}

/** A Step Functions Local mock configuration that cannot be used, with the JSON path of the fault. */
export class MockConfigError extends Error {
  override readonly name = 'MockConfigError';
  constructor(
    message: string,
    /** Where in the file, e.g. `StateMachines.Order.TestCases.HappyPath.Pay`. */
    readonly path: string,
  ) {
    super(`${path}: ${message}`);
  }
}
