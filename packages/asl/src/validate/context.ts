import { createDiagnostic, type Diagnostic, type FieldsArgument, pointerOf } from '../diagnostic.js';
import type { StateType } from '../document.js';
import type { Obj } from '../json-shape.js';
import type { QueryLanguage } from '../states/common.js';
import type { ValidateCode } from './codes.js';
import type { StateFields } from './state-fields.js';

/** Options of `validate()`. */
export interface ValidateOptions {
  /** Require `Resource` values to look like ARNs (default true). */
  readonly checkArn?: boolean;
  /** Check the syntax of paths, payload templates and intrinsic calls (default true). */
  readonly checkPaths?: boolean;
  /** Values for `${Name}` placeholders, applied before validation. */
  readonly substitutions?: Readonly<Record<string, string>>;
  /** Express workflows reject `.sync`, `.waitForTaskToken` and activities. */
  readonly stateMachineType?: 'STANDARD' | 'EXPRESS';
  /**
   * The definition's source text, when it was read from one: its size is checked against AWS's 1 MB quota as
   * written, and keys repeated within one object (which parsing dropped silently) are reported with a pointer.
   */
  readonly text?: string;
}

/** A JSON pointer under construction. */
export type Pointer = readonly (string | number)[];

/** Shared state of one `validate()` run. */
export interface Ctx {
  readonly checkArn: boolean;
  readonly checkPaths: boolean;
  readonly stateMachineType: 'STANDARD' | 'EXPRESS';
  /** The document's `QueryLanguage` (the default for every state, including those in branches). */
  readonly documentLanguage: QueryLanguage;
  readonly diagnostics: Diagnostic[];
}

/** One state being checked. */
export interface StateVisit {
  readonly name: string;
  readonly state: Obj;
  /** The state's own keys, in order. */
  readonly keys: readonly string[];
  /** The state's fields, read once: rules read these rather than probing `state`. */
  readonly fields: StateFields;
  readonly type: StateType;
  readonly language: QueryLanguage;
  /** The pointer of the machine holding the state (the state's own is {@link statePointer}: built only to report). */
  readonly machine: Pointer;
  /** The type of the executions the state runs in: the state machine's, or a Distributed Map's child executions'. */
  readonly executionType: 'STANDARD' | 'EXPRESS';
}

/** Records an error at `pointer`; a code with fields of its own takes them last. */
export function report<TCode extends ValidateCode>(
  ctx: Ctx,
  code: TCode,
  pointer: Pointer,
  message: string,
  state?: string,
  ...fields: FieldsArgument<TCode>
): void {
  ctx.diagnostics.push(createDiagnostic(code, message, pointerOf(...pointer), state, ...fields));
}

/** Records an error on a field of the visited state; a code with fields of its own takes them last. */
export function reportAt<TCode extends ValidateCode>(
  ctx: Ctx,
  visit: StateVisit,
  code: TCode,
  field: Pointer,
  message: string,
  ...fields: FieldsArgument<TCode>
): void {
  report(ctx, code, [...statePointer(visit.machine, visit.name), ...field], message, visit.name, ...fields);
}

/** The pointer of the state `name` of the machine at `machine`. */
export function statePointer(machine: Pointer, name: string): Pointer {
  return [...machine, 'States', name];
}

/** `State "A"` for messages. */
export function describe(visit: StateVisit): string {
  return `State ${JSON.stringify(visit.name)}`;
}

/** The name of the field `pointer` ends at, for messages. */
export function fieldName(pointer: Pointer): string {
  return String(pointer[pointer.length - 1]);
}

/** Records that the object at `pointer` contains itself, which no JSON document can. */
export function reportCycle(ctx: Ctx, pointer: Pointer, state?: string): void {
  report(
    ctx,
    'INVALID_DOCUMENT',
    pointer,
    'This object contains itself; a definition must be plain JSON without cycles.',
    state,
  );
}
