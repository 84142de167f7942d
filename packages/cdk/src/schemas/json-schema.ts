import type { AslState, JsonValue } from '@stepcraft/asl';
import { type CompilableWorkflow, type CompiledWorkflow, compile, type Schema } from '@stepcraft/core';

/** JSON Schema versions a schema can be written in (Standard JSON Schema's names). */
export type JsonSchemaTarget = 'draft-04' | 'draft-07' | 'draft-2020-12' | 'openapi-3.0';

/** A JSON Schema document. */
export type JsonSchema = { readonly [key: string]: JsonValue };

/** The JSON Schemas of a workflow's input and output, or why one could not be written. */
export interface WorkflowSchemas {
  readonly input?: JsonSchema;
  readonly output?: JsonSchema;
  /** Why a schema is missing (no declared schema, a schema library without JSON Schema support, …). */
  readonly notes: readonly string[];
}

/** Options of `workflowSchemas()`. */
export interface WorkflowSchemasOptions {
  /**
   * Default `draft-04`: what API Gateway request models and EventBridge schema registries (`JSONSchemaDraft4`)
   * accept.
   */
  readonly target?: JsonSchemaTarget;
  /** The output's schema, when the workflow's terminal states do not declare it. */
  readonly output?: Schema;
}

/** A Standard Schema that can also write itself as JSON Schema (zod 4 does: Standard JSON Schema v1). */
interface JsonSchemaWriter {
  readonly '~standard': {
    readonly jsonSchema: {
      readonly input: (options: { readonly target: string }) => Record<string, unknown>;
    };
  };
}

function isJsonSchemaWriter(schema: Schema): schema is Schema & JsonSchemaWriter {
  const standard: object = schema['~standard'];
  return 'jsonSchema' in standard && typeof standard.jsonSchema === 'object' && standard.jsonSchema !== null;
}

/**
 * Writes the JSON Schemas of a workflow's input (its declared `input`) and output: `options.output` if given, else
 * the declared inputs of the top-level states that end it (a Succeed passes its input through), when each ending
 * state declares one. Schemas describe the JSON as sent, so both use the schema's input side.
 * @example workflowSchemas(orderProcessing).input // { "$schema": "http://json-schema.org/draft-04/schema#", … }
 * @see https://standardschema.dev/json-schema
 */
export function workflowSchemas(
  workflow: CompilableWorkflow,
  options: WorkflowSchemasOptions = {},
  compiled: CompiledWorkflow = compile(workflow),
): WorkflowSchemas {
  const target = options.target ?? 'draft-04';
  const notes: string[] = [];
  const write = (schema: Schema, what: string, title: string): JsonSchema | undefined => {
    if (!isJsonSchemaWriter(schema)) {
      notes.push(
        `the ${what} schema (${schema['~standard'].vendor ?? 'unknown vendor'}) cannot write JSON Schema`,
      );
      return undefined;
    }
    const written: JsonSchema = JSON.parse(JSON.stringify(schema['~standard'].jsonSchema.input({ target })));
    return { ...written, title };
  };
  const declaredInput = workflow.toNode().contract?.stateInput;
  if (declaredInput === undefined) notes.push(`${compiled.name} declares no input schema`);
  const input = declaredInput && write(declaredInput, 'input', `${compiled.name} input`);

  const outputs = options.output === undefined ? endingSchemas(compiled, notes) : [options.output];
  const written = (outputs ?? []).map((schema) => write(schema, 'output', `${compiled.name} output`));
  const all = written.filter((schema): schema is JsonSchema => schema !== undefined);
  // Several ending states: the output is any of their inputs.
  const output =
    outputs === undefined || all.length !== written.length || all.length === 0
      ? undefined
      : all.length === 1
        ? all[0]
        : {
            $schema: all[0]?.$schema ?? null,
            title: `${compiled.name} output`,
            anyOf: all.map(({ $schema: _schema, title: _title, ...schema }) => schema),
          };
  return {
    ...(input === undefined ? {} : { input }),
    ...(output === undefined ? {} : { output }),
    notes,
  };
}

// The schemas of the data the workflow can end with: each top-level Succeed (or End) state's declared input, when
// it passes its input through unchanged.
function endingSchemas(compiled: CompiledWorkflow, notes: string[]): Schema[] | undefined {
  const schemas: Schema[] = [];
  for (const [name, state] of Object.entries(compiled.definition.States)) {
    if (!endsExecution(state)) continue;
    const declared = compiled.contracts[name]?.stateInput;
    if (state.Type !== 'Succeed' && state.Type !== 'Pass') {
      notes.push(`the output of "${name}" (a ${state.Type} that ends the workflow) has no declared schema`);
      return undefined;
    }
    if (declared === undefined || changesData(state)) {
      notes.push(
        `"${name}" ends the workflow without a declared input schema; give it one (succeed('${name}', { input }))`,
      );
      return undefined;
    }
    schemas.push(declared);
  }
  return schemas;
}

function endsExecution(state: AslState): boolean {
  if (state.Type === 'Succeed') return true;
  if (state.Type === 'Fail' || state.Type === 'Choice') return false;
  return 'End' in state && state.End === true;
}

// A state that reshapes its input (paths, Parameters, Result, Output) does not end with its input.
function changesData(state: AslState): boolean {
  return ['InputPath', 'OutputPath', 'Parameters', 'Result', 'ResultPath', 'Output'].some((key) =>
    Object.hasOwn(state, key),
  );
}
