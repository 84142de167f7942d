import { createRequire } from 'node:module';
import type { AslDocument } from '@stepcraft/asl';
import { expect } from 'vitest';
import {
  type AnyChain,
  type CompilableWorkflow,
  CompileError,
  compile,
  stringifyAsl,
  typed,
  type Workflow,
  workflow,
} from '../src/index.js';

// asl-validator ships no types; it also mutates its argument, hence the clone.
const aslValidator = createRequire(import.meta.url)('asl-validator') as (definition: unknown) => {
  isValid: boolean;
  errorsText: (separator?: string) => string;
};

/** Asserts that asl-validator accepts the definition. */
export function expectValidAsl(definition: AslDocument): void {
  const result = aslValidator(structuredClone(definition));
  expect(result.isValid, result.errorsText('\n')).toBe(true);
}

/** Compiles, checks the ASL is valid, and returns it parsed back from the stable JSON text. */
export function emit(workflow: CompilableWorkflow): AslDocument {
  const { definition } = compile(workflow);
  expectValidAsl(definition);
  return JSON.parse(stringifyAsl(definition)) as AslDocument;
}

/** A workflow of just `chain`, taking any input (tests focus on the emitted state). */
export function only(chain: AnyChain): Workflow {
  return workflow('W', { input: typed<any>() }).start(chain as never);
}

/** The one state `name` of a compiled workflow. */
export function emitState(workflow: CompilableWorkflow, name: string): unknown {
  return emit(workflow).States[name];
}

/** The `{ code, pointer, state }` of each diagnostic of the `CompileError` that `run` throws; fails without one. */
export function diagnosticsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof CompileError)
      return error.diagnostics.map(({ code, pointer, state }) => ({ code, pointer, state }));
    throw error;
  }
  throw new Error('expected a CompileError');
}
