import { AslValidationError, createDiagnostic, type Diagnostic } from '../diagnostic.js';
import { isObject, type Obj, own } from '../json-shape.js';
import { substitutePlaceholders } from '../placeholders.js';
import { type Ctx, report, type ValidateOptions } from './context.js';
import { checkDefinitionQuotas, MAX_DEFINITION_BYTES } from './rules/quotas.js';
import { show } from './values.js';
import { walkDocument } from './walk.js';

/**
 * Checks an Amazon States Language document the way AWS does at CreateStateMachine time, and returns every problem
 * found (empty when valid). Never throws, whatever `document` is.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html
 */
export function validate(document: unknown, options: ValidateOptions = {}): Diagnostic[] {
  try {
    return validateDefinition(document, options);
  } catch (error) {
    // Only pathological input gets here (nesting deeper than the stack, throwing getters, hostile proxies).
    const reason = error instanceof RangeError ? 'it is nested too deeply' : `of ${describeThrown(error)}`;
    return [documentError(`The definition could not be validated because ${reason}.`)];
  }
}

/** Text for anything thrown, even a value whose conversion to text throws again (`Object.create(null)`, proxies). */
function describeThrown(thrown: unknown): string {
  try {
    return String(thrown);
  } catch {
    return `a thrown ${thrown === null ? 'null' : typeof thrown} that cannot be shown as text`;
  }
}

function validateDefinition(document: unknown, options: ValidateOptions): Diagnostic[] {
  const definition = options.substitutions
    ? substitutePlaceholders(document, options.substitutions)
    : document;
  if (!isObject(definition)) {
    return [
      documentError(
        `A state machine definition must be a JSON object with StartAt and States, got ${show(definition)}.`,
      ),
    ];
  }
  const ctx: Ctx = {
    checkArn: options.checkArn ?? true,
    checkPaths: options.checkPaths ?? true,
    stateMachineType: options.stateMachineType ?? 'STANDARD',
    documentLanguage: own(definition, 'QueryLanguage') === 'JSONata' ? 'JSONata' : 'JSONPath',
    diagnostics: [],
  };
  checkTopLevel(ctx, definition);
  // Without the text, the size is that of the compact JSON, counted as the walk reads the document.
  const size = options.text === undefined ? { bytes: 0, limit: MAX_DEFINITION_BYTES } : undefined;
  walkDocument(ctx, definition, size);
  // A cyclic object has no size (and is reported as such); anything else is measured.
  if (!ctx.diagnostics.some((d) => d.code === 'INVALID_DOCUMENT'))
    checkDefinitionQuotas(ctx, size?.bytes, options.text);
  return ctx.diagnostics;
}

function documentError(message: string): Diagnostic {
  return createDiagnostic('INVALID_DOCUMENT', message, '', undefined);
}

/** Like `validate`, but throws an `AslValidationError` holding the diagnostics when there are any. */
export function assertValid(document: unknown, options?: ValidateOptions): void {
  const diagnostics = validate(document, options);
  if (diagnostics.length > 0) throw new AslValidationError(diagnostics);
}

function checkTopLevel(ctx: Ctx, doc: Obj): void {
  const version = own(doc, 'Version');
  if (version !== undefined && version !== '1.0') {
    report(ctx, 'INVALID_VALUE', ['Version'], `Version must be "1.0", got ${show(version)}.`);
  }
  const timeout = own(doc, 'TimeoutSeconds');
  if (timeout !== undefined && !(typeof timeout === 'number' && Number.isInteger(timeout) && timeout > 0)) {
    report(
      ctx,
      'INVALID_VALUE',
      ['TimeoutSeconds'],
      `TimeoutSeconds must be a positive integer, got ${show(timeout)}.`,
    );
  }
  const language = own(doc, 'QueryLanguage');
  if (language !== undefined && language !== 'JSONPath' && language !== 'JSONata') {
    report(
      ctx,
      'INVALID_VALUE',
      ['QueryLanguage'],
      `QueryLanguage must be "JSONPath" or "JSONata", got ${show(language)}.`,
    );
  }
}
