import * as asl from '@stepcraft/asl';
import { compile, pass, stringifyAsl, succeed, workflow } from '@stepcraft/core';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { compileExport } from '../src/build/compile-export.js';

// Count the validator's runs wherever they happen (compile() calls it through the same module).
vi.mock('@stepcraft/asl', async (original) => {
  const actual = await original<typeof asl>();
  return { ...actual, validate: vi.fn(actual.validate) };
});
const validations = vi.mocked(asl.validate);
beforeEach(() => validations.mockClear());

const greeting = workflow('Greeting')
  .start(pass('Greet', { result: { message: 'hello' } }))
  .next(succeed('Done'));

describe("build's compileExport", () => {
  test('compiles and validates a workflow once, its deploy files included', () => {
    const outcome = compileExport('greeting', greeting, { format: 'sam' });
    expect(validations).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({ kind: 'compiled', name: 'Greeting' });
    if (outcome.kind !== 'compiled') return;
    expect(outcome.text).toBe(stringifyAsl(compile(greeting, { validate: false }).definition));
    expect(outcome.deploy.files.map((file) => file.name)).toEqual(['Greeting.sam.json']);
  });

  test("reports the validator's findings on what it emits as a compile failure, after one validation", () => {
    // TimeoutSeconds is a Task's field: the validator, not the builder, sees it on a Pass state.
    const invalid = workflow('Invalid').start(pass('P', { raw: { TimeoutSeconds: 5 } }));
    const outcome = compileExport('invalid', invalid, {});
    expect(validations).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({ kind: 'not-compiled', name: 'Invalid' });
    if (outcome.kind !== 'not-compiled') return;
    expect(outcome.problem).toMatch(/^does not compile:\n {2}.*\/States\/P\/TimeoutSeconds/);
  });

  test('an export that is no workflow is passed over without compiling', () => {
    expect(compileExport('helper', () => 1, {})).toEqual({ exportName: 'helper', kind: 'not-a-workflow' });
    expect(validations).not.toHaveBeenCalled();
  });
});
