import { createRequire } from 'node:module';
import type { SpecDatabase } from '@aws-cdk/service-spec-types';
import { Ajv } from 'ajv';

type PropertyType =
  | { type: 'string' | 'number' | 'integer' | 'boolean' | 'json' | 'date-time' | 'null' | 'tag' }
  | { type: 'ref'; reference: { $ref: string } }
  | { type: 'array' | 'map'; element: PropertyType }
  | { type: 'union'; types: PropertyType[] };
interface Property {
  readonly type: PropertyType;
  readonly previousTypes?: PropertyType[];
  readonly required?: boolean;
}

// CloudFormation accepts an intrinsic function (`{"Ref": …}`, `{"Fn::Sub": …}`) wherever a value goes.
const INTRINSIC = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  patternProperties: { '^(Ref|Fn::[A-Za-z]+)$': {} },
  additionalProperties: false,
};

const load = createRequire(import.meta.url)('@aws-cdk/aws-service-spec') as {
  loadAwsServiceSpecSync(): SpecDatabase;
};
let db: SpecDatabase | undefined;

/** The JSON Schema of a resource type's Properties, from the AWS CDK team's CloudFormation registry database. */
export function resourceSchema(cloudFormationType: string): Record<string, unknown> {
  db ??= load.loadAwsServiceSpecSync();
  const [resource] = db.lookup('resource', 'cloudFormationType', 'equals', cloudFormationType);
  if (resource === undefined) throw new Error(`${cloudFormationType} is not in the CloudFormation registry`);
  const database = db;
  const definitions: Record<string, unknown> = {};
  const typeSchema = (t: PropertyType): unknown => {
    switch (t.type) {
      case 'string':
      case 'date-time':
        return { anyOf: [{ type: 'string' }, INTRINSIC] };
      case 'number':
        return { anyOf: [{ type: 'number' }, INTRINSIC] };
      case 'integer':
        return { anyOf: [{ type: 'integer' }, INTRINSIC] };
      case 'boolean':
        return { anyOf: [{ type: 'boolean' }, INTRINSIC] };
      case 'json':
      case 'tag':
        return {};
      case 'null':
        return { type: 'null' };
      case 'array':
        return { anyOf: [{ type: 'array', items: typeSchema(t.element) }, INTRINSIC] };
      case 'map':
        return { anyOf: [{ type: 'object', additionalProperties: typeSchema(t.element) }, INTRINSIC] };
      case 'union':
        return { anyOf: t.types.map(typeSchema) };
      case 'ref': {
        const id = t.reference.$ref;
        if (!(id in definitions)) {
          definitions[id] = true;
          const definition = database.get('typeDefinition', id) as unknown as {
            properties: Record<string, Property>;
          };
          definitions[id] = objectSchema(definition.properties);
        }
        return { anyOf: [{ $ref: `#/definitions/${id}` }, INTRINSIC] };
      }
    }
  };
  const objectSchema = (properties: Record<string, Property>) => ({
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(properties).map(([name, p]) => [
        name,
        { anyOf: [p.type, ...(p.previousTypes ?? [])].map(typeSchema) },
      ]),
    ),
    required: Object.entries(properties)
      .filter(([, p]) => p.required === true)
      .map(([name]) => name),
    additionalProperties: false,
  });
  const root = objectSchema(resource.properties as unknown as Record<string, Property>);
  return { ...root, definitions };
}

const ajv = new Ajv({ allErrors: true, strict: false });

/** Every problem of a template's resources against their registry schemas (empty when valid). */
export function templateProblems(template: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const resources = template.Resources as Record<string, { Type: string; Properties?: unknown }>;
  for (const [id, resource] of Object.entries(resources)) {
    const validate = ajv.compile(resourceSchema(resource.Type));
    if (!validate(resource.Properties ?? {})) {
      problems.push(
        ...(validate.errors ?? []).map((e) => `${id} (${resource.Type}) ${e.instancePath} ${e.message}`),
      );
    }
  }
  return problems;
}
