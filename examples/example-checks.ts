import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { validate } from '@stepcraft/asl';
import { type CompiledWorkflow, compile, stringifyAsl, type Workflow } from '@stepcraft/core';
import { expect } from 'vitest';

// asl-validator ships no types; it also mutates its argument, hence the clone.
const aslValidator = createRequire(import.meta.url)('asl-validator') as (definition: unknown) => {
  isValid: boolean;
  errorsText: (separator?: string) => string;
};

/** Compiles an example and checks it against its committed `workflow.asl.json` and both validators. */
export function checkExample(workflow: Workflow, dir: string): CompiledWorkflow {
  const compiled = compile(workflow);
  const text = stringifyAsl(compiled.definition);
  expect(readFileSync(new URL('workflow.asl.json', dir), 'utf8')).toBe(text);
  const result = aslValidator(structuredClone(compiled.definition));
  expect(result.isValid, result.errorsText('\n')).toBe(true);
  expect(validate(compiled.definition).filter((d) => d.severity === 'error')).toEqual([]);
  return compiled;
}

/** The example's sample input. */
export function sampleInput(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('input.json', dir), 'utf8')) as Record<string, unknown>;
}
