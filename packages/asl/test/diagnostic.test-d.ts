import { describe, expectTypeOf, test } from 'vitest';
import {
  type CompileCode,
  createDiagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type ValidateCode,
} from '../src/index.js';

declare const diagnostic: Diagnostic;

describe('Diagnostic', () => {
  test('accepts only registered codes: the code is a union, not string', () => {
    expectTypeOf<Diagnostic['code']>().toEqualTypeOf<DiagnosticCode>();
    expectTypeOf<'NOT_A_CODE'>().not.toExtend<DiagnosticCode>();
    expectTypeOf<DiagnosticCode>().toEqualTypeOf<ValidateCode | CompileCode>();
  });

  test('accepts narrowing by code, which gives the code its own fields', () => {
    if (diagnostic.code === 'MISSING_TRANSITION_TARGET')
      expectTypeOf(diagnostic.target).toEqualTypeOf<string>();
    if (diagnostic.code === 'AMBIGUOUS_NEXT') {
      expectTypeOf(diagnostic.targets).toEqualTypeOf<readonly [string, string]>();
    }
    // @ts-expect-error only some codes carry a target: narrow by code first
    diagnostic.target;
  });

  test('Diagnostic<Code> is that code’s member', () => {
    expectTypeOf<Diagnostic<'INVALID_ARN'>['resource']>().toEqualTypeOf<string>();
    expectTypeOf<Diagnostic<'INVALID_ARN'>['code']>().toEqualTypeOf<'INVALID_ARN'>();
  });

  test('rejects a code listed by both registries', () => {
    expectTypeOf<Extract<ValidateCode, CompileCode>>().toBeNever();
  });

  test('rejects a diagnostic of a code with fields built without them', () => {
    // @ts-expect-error MISSING_TRANSITION_TARGET needs its target
    createDiagnostic('MISSING_TRANSITION_TARGET', 'm', '', undefined);
    // @ts-expect-error INVALID_DOCUMENT has no fields of its own
    createDiagnostic('INVALID_DOCUMENT', 'm', '', undefined, { target: 'x' });
    expectTypeOf(createDiagnostic('MISSING_TRANSITION_TARGET', 'm', '', 'A', { target: 'B' })).toEqualTypeOf<
      Diagnostic<'MISSING_TRANSITION_TARGET'>
    >();
  });
});
