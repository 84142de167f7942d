import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { validate } from '@stepcraft/asl';
import {
  type CompiledWorkflow,
  compile,
  type QueryLanguage,
  stringifyAsl,
  type Workflow,
} from '@stepcraft/core';
import { expect } from 'vitest';

// asl-validator ships no types; it also mutates its argument, hence the clone.
const aslValidator = createRequire(import.meta.url)('asl-validator') as (definition: unknown) => {
  isValid: boolean;
  errorsText: (separator?: string) => string;
};

/** The two query languages, the workflow's own first. */
export function languagesOf(workflow: Workflow): readonly [QueryLanguage, QueryLanguage] {
  return workflow.toNode().queryLanguage === 'JSONata' ? ['JSONata', 'JSONPath'] : ['JSONPath', 'JSONata'];
}

/**
 * The committed file of one compiled form: `workflow.asl.json` in the workflow's own language,
 * `workflow.jsonata.asl.json` / `workflow.jsonpath.asl.json` for the other one.
 */
export function aslFileOf(workflow: Workflow, language: QueryLanguage): string {
  return language === languagesOf(workflow)[0]
    ? 'workflow.asl.json'
    : `workflow.${language.toLowerCase()}.asl.json`;
}

/** Compiles an example in `language` and checks it against its committed file and both validators. */
export function checkCompiled(workflow: Workflow, dir: string, language: QueryLanguage): CompiledWorkflow {
  const compiled = compile(workflow, { queryLanguage: language });
  const text = stringifyAsl(compiled.definition);
  expect(readFileSync(new URL(aslFileOf(workflow, language), dir), 'utf8')).toBe(text);
  const result = aslValidator(structuredClone(compiled.definition));
  expect(result.isValid, result.errorsText('\n')).toBe(true);
  expect(validate(compiled.definition).filter((d) => d.severity === 'error')).toEqual([]);
  return compiled;
}

/** Compiles an example in its own language (and checks the other form too); returns the own-language form. */
export function checkExample(workflow: Workflow, dir: string): CompiledWorkflow {
  const [own, other] = languagesOf(workflow);
  checkCompiled(workflow, dir, other);
  return checkCompiled(workflow, dir, own);
}

/** The example's sample input. */
export function sampleInput(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('input.json', dir), 'utf8')) as Record<string, unknown>;
}
