import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { CompileError, choice, compile, lambda, parallel, pass, task, wait, workflow } from '../src/index.js';

const diagnosticsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof CompileError)
      return error.diagnostics.map(({ code, pointer, state }) => ({ code, pointer, state }));
    throw error;
  }
  throw new Error('expected a CompileError');
};

describe('CompileError', () => {
  test('two different states with one name', () => {
    const wf = workflow('W')
      .start(pass('Same', { result: 1 }))
      .next(pass('Same', { result: 2 }));
    expect(diagnosticsOf(() => compile(wf))).toEqual([
      { code: 'DUPLICATE_STATE_NAME', pointer: '/States/Same', state: 'Same' },
    ]);
  });

  test('a state whose Next would be two different states', () => {
    const a = pass('A');
    const route = choice('Route')
      .when(({ input }) => input.isString(), a.next(pass('B')))
      .otherwise(a.next(pass('C')));
    expect(diagnosticsOf(() => compile(workflow('W').start(route)))).toEqual([
      { code: 'AMBIGUOUS_NEXT', pointer: '/States/A/Next', state: 'A' },
    ]);
  });

  test('what the document shows is the validator’s: a long name, an empty Choice, retry values, States.ALL not last', () => {
    const long = 'x'.repeat(81);
    const t = task('T', { resource: lambda.invoke('f') })
      .retry({ errors: ['States.ALL'], maxAttempts: -1 })
      .retry({ errors: ['Other'], backoffRate: 0.5 });
    const wf = workflow('W', { timeoutSeconds: 0 }).start(pass(long)).next(t).next(choice('Empty'));
    expect(diagnosticsOf(() => compile(wf))).toEqual([
      { code: 'INVALID_VALUE', pointer: '/TimeoutSeconds', state: undefined },
      { code: 'STATE_NAME_TOO_LONG', pointer: `/States/${long}`, state: long },
      { code: 'INVALID_VALUE', pointer: '/States/T/Retry/0/MaxAttempts', state: 'T' },
      { code: 'STATES_ALL_NOT_LAST', pointer: '/States/T/Retry/0/ErrorEquals/0', state: 'T' },
      { code: 'INVALID_VALUE', pointer: '/States/T/Retry/1/BackoffRate', state: 'T' },
      { code: 'INVALID_VALUE', pointer: '/States/Empty/Choices', state: 'Empty' },
      { code: 'MISSING_TERMINAL_STATE', pointer: '/States', state: undefined },
    ]);
  });

  test('one name used inside and outside a branch', () => {
    const inner = pass('Shared');
    const wf = workflow('W')
      .start(parallel('P', { branches: [inner] }))
      .next(pass('Shared', { result: 1 }));
    expect(diagnosticsOf(() => compile(wf))).toEqual([
      { code: 'DUPLICATE_STATE_NAME', pointer: '/States/Shared', state: 'Shared' },
    ]);
  });

  test('Express workflows reject callbacks', () => {
    const t = task('Cb', {
      resource: lambda.invoke('f').waitForTaskToken(),
      parameters: ({ context }) => ({ token: context.Task.Token }),
    });
    expect(diagnosticsOf(() => compile(workflow('W', { type: 'EXPRESS' }).start(t)))).toEqual([
      { code: 'EXPRESS_UNSUPPORTED_RESOURCE', pointer: '/States/Cb/Resource', state: 'Cb' },
    ]);
  });

  test('invalid values caught at build time or by the validator', () => {
    expect(
      diagnosticsOf(
        () =>
          wait('W', { timestamp: 'tomorrow' }) &&
          compile(workflow('X').start(wait('W', { timestamp: 'tomorrow' }))),
      ),
    ).toEqual([{ code: 'INVALID_VALUE', pointer: '/States/W/Timestamp', state: 'W' }]);
    expect(
      diagnosticsOf(() =>
        pass('P', { input: z.object({ a: z.string() }), parameters: () => ({ 'x.$': '$.a' }) }),
      ),
    ).toEqual([{ code: 'TEMPLATE_KEY', pointer: '', state: undefined }]);
    expect(diagnosticsOf(() => pass('P', { parameters: () => ({ when: new Date(0) }) as never }))).toEqual([
      { code: 'TEMPLATE_VALUE', pointer: '', state: undefined },
    ]);
    expect(
      diagnosticsOf(() =>
        pass('P', { input: z.object({ n: z.number() }), parameters: ({ input }) => ({ s: `${input.n}` }) }),
      ),
    ).toEqual([{ code: 'REF_OPERATOR', pointer: '', state: 'P' }]);
    expect(
      diagnosticsOf(() =>
        task('T', {
          resource: lambda.invoke('f'),
          input: z.object({ a: z.string() }),
          inputPath: '$..a' as '$.a',
        }),
      ),
    ).toEqual([{ code: 'INVALID_PATH', pointer: '', state: 'T' }]);
  });
});
