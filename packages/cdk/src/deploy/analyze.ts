import type { AslDocument, AslState, JsonValue } from '@stepcraft/asl';
import { type FoundField, type Identifier, placeholdersIn, readField } from './identifier.js';
import {
  awsSdkFields,
  awsSdkStatements,
  type CallPattern,
  type FieldSpec,
  OPTIMIZED_INTEGRATIONS,
} from './integrations.js';
import type { ResourceKind } from './resource-kinds.js';
import { allow, named, type PolicyResource, type PolicyStatement } from './statement.js';

/** Something the deployment should know: a broad grant, an integration without a policy row, a misused placeholder. */
export interface Finding {
  readonly severity: 'error' | 'warning';
  readonly code:
    | 'DYNAMIC_RESOURCE'
    | 'UNKNOWN_INTEGRATION'
    | 'UNSCOPED_SDK_CALL'
    | 'PLACEHOLDER_CONFLICT'
    | 'PLACEHOLDER_EMBEDDED';
  readonly message: string;
  /** JSON pointer into the definition (`/States/Pay/Parameters/FunctionName`). */
  readonly pointer: string;
}

/** A `${Name}` placeholder of the definition: what it names (a resource kind, or a plain `value`) and where. */
export interface PlaceholderUse {
  readonly name: string;
  readonly kind: ResourceKind | 'value';
  readonly pointers: readonly string[];
}

/** What a definition needs to run on AWS: the execution role's statements and the placeholders to fill. */
export interface DeploymentNeeds {
  readonly statements: readonly PolicyStatement[];
  readonly placeholders: readonly PlaceholderUse[];
  readonly findings: readonly Finding[];
}

const STATES_ARN = /^arn:[^:]+:states:::(.+?)(\.sync(?::2)?|\.waitForTaskToken)?$/;
const patternOf = (suffix: string | undefined): CallPattern =>
  suffix === undefined ? 'request-response' : suffix === '.waitForTaskToken' ? 'callback' : 'sync';

/**
 * Derives what `definition` needs from AWS, state by state (branches and Map processors included): one policy row
 * per integration, its resource fields read as literals, placeholders or run-time values. Pure: the CDK construct
 * and the CloudFormation writer render the result.
 */
export function analyzeDefinition(definition: AslDocument): DeploymentNeeds {
  const statements: PolicyStatement[] = [];
  const findings: Finding[] = [];
  const kinds = new Map<string, { kind: ResourceKind | 'value'; pointers: string[] }>();

  const note = (name: string, kind: ResourceKind | 'value', pointer: string) => {
    const seen = kinds.get(name);
    if (seen === undefined) return void kinds.set(name, { kind, pointers: [pointer] });
    seen.pointers.push(pointer);
    if (seen.kind === 'value') seen.kind = kind;
    else if (kind !== 'value' && kind !== seen.kind) {
      findings.push({
        severity: 'error',
        code: 'PLACEHOLDER_CONFLICT',
        message: `\${${name}} names a ${seen.kind} at ${seen.pointers[0]} and a ${kind} here; use one placeholder per resource`,
        pointer,
      });
    }
  };

  const resourceFields = (found: readonly FoundField[], kind: ResourceKind, state: string): Identifier[] =>
    found.map(({ identifier, pointer }) => {
      if (identifier.kind === 'placeholder') note(identifier.name, kind, pointer);
      else if (identifier.kind === 'dynamic') {
        findings.push({
          severity: 'warning',
          code: 'DYNAMIC_RESOURCE',
          message: `"${state}" computes its ${kind} at run time (${identifier.expression}), so the role allows every ${kind} of the account and region`,
          pointer,
        });
      } else if (placeholdersIn(identifier.value).length > 0) {
        findings.push({
          severity: 'error',
          code: 'PLACEHOLDER_EMBEDDED',
          message: `"${state}": a resource field must be a whole placeholder ("\${Name}") or a literal, not "${identifier.value}"`,
          pointer,
        });
      }
      return identifier;
    });

  const fieldsOf = (
    specs: Readonly<Record<string, FieldSpec>>,
    request: JsonValue | undefined,
    base: string,
    state: string,
  ): Record<string, readonly Identifier[]> =>
    Object.fromEntries(
      Object.entries(specs).map(([name, spec]) => [
        name,
        resourceFields(readField(request, spec.path, base), spec.kind, state),
      ]),
    );

  const task = (name: string, state: Extract<AslState, { Type: 'Task' }>, pointer: string) => {
    const requestKey = state.Arguments !== undefined ? 'Arguments' : 'Parameters';
    const request = state.Arguments ?? (state.Parameters as JsonValue | undefined);
    const base = `${pointer}/${requestKey}`;
    const match = STATES_ARN.exec(state.Resource);
    if (match === null) return direct(name, state.Resource, `${pointer}/Resource`);
    const [service = '', ...api] = (match[1] as string).split(':');
    const pattern = patternOf(match[2]);
    if (service === 'aws-sdk') {
      const [sdkService = '', action = ''] = api;
      const fields = fieldsOf(awsSdkFields(sdkService), request, base, name);
      const sdk = awsSdkStatements(sdkService, action, { pattern, request, fields });
      if (Object.keys(awsSdkFields(sdkService)).length === 0) {
        findings.push({
          severity: 'warning',
          code: 'UNSCOPED_SDK_CALL',
          message: `"${name}" calls ${sdkService}:${action}, whose resources Stepcraft cannot tell from the request: the role allows it on every resource`,
          pointer: `${pointer}/Resource`,
        });
      }
      return void statements.push(...sdk);
    }
    const key = `${service}:${api.join(':')}`;
    const row = Object.hasOwn(OPTIMIZED_INTEGRATIONS, key) ? OPTIMIZED_INTEGRATIONS[key] : undefined;
    if (row === undefined) {
      return void findings.push({
        severity: 'warning',
        code: 'UNKNOWN_INTEGRATION',
        message: `"${name}" uses ${state.Resource}, which has no policy row yet: add its statements with extraStatements`,
        pointer: `${pointer}/Resource`,
      });
    }
    statements.push(
      ...row.statements({ pattern, request, fields: fieldsOf(row.fields, request, base, name) }),
    );
  };

  // A Resource that is the target itself: a Lambda function ARN (or a placeholder for one), or an activity.
  const direct = (name: string, resource: string, pointer: string) => {
    if (/^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(resource)) return;
    const [identifier] = resourceFields(readField(resource, [], pointer), 'task-resource', name);
    if (identifier === undefined) return;
    if (identifier.kind === 'literal' && !/^arn:[^:]+:lambda:/.test(identifier.value)) {
      return void findings.push({
        severity: 'warning',
        code: 'UNKNOWN_INTEGRATION',
        message: `"${name}" uses ${resource}, which has no policy row yet: add its statements with extraStatements`,
        pointer,
      });
    }
    const kind = identifier.kind === 'placeholder' ? 'task-resource' : 'lambda-function';
    statements.push(allow(['lambda:InvokeFunction'], [named(kind, identifier)]));
  };

  const map = (name: string, state: Extract<AslState, { Type: 'Map' }>, pointer: string) => {
    const reader = state.ItemReader;
    if (reader !== undefined) {
      const request = reader.Arguments ?? (reader.Parameters as JsonValue | undefined);
      const base = `${pointer}/ItemReader/${reader.Arguments !== undefined ? 'Arguments' : 'Parameters'}`;
      const listing = /:s3:listObjectsV2$/.test(reader.Resource);
      const fields = fieldsOf({ bucket: { path: ['Bucket'], kind: 's3-bucket' } }, request, base, name);
      statements.push(
        listing
          ? allow(['s3:ListBucket'], s3(fields.bucket, ''))
          : allow(['s3:GetObject'], s3(fields.bucket, `/${literal(request, 'Key') ?? '*'}`)),
      );
    }
    const writer = state.ResultWriter;
    if (writer?.Resource !== undefined) {
      const request = writer.Arguments ?? (writer.Parameters as JsonValue | undefined);
      const base = `${pointer}/ResultWriter/${writer.Arguments !== undefined ? 'Arguments' : 'Parameters'}`;
      const fields = fieldsOf({ bucket: { path: ['Bucket'], kind: 's3-bucket' } }, request, base, name);
      const prefix = literal(request, 'Prefix');
      statements.push(
        allow(
          ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
          s3(fields.bucket, `/${prefix === undefined ? '' : `${prefix.replace(/\/$/, '')}/`}*`),
        ),
      );
    }
    const processor = state.ItemProcessor ?? state.Iterator;
    // A Distributed Map runs its iterations as child executions of this very state machine.
    if (processor?.ProcessorConfig?.Mode === 'DISTRIBUTED') {
      statements.push(
        allow(['states:StartExecution'], [{ kind: 'self', form: 'state-machine' }]),
        allow(['states:DescribeExecution', 'states:StopExecution'], [{ kind: 'self', form: 'executions' }]),
      );
    }
    if (processor !== undefined)
      walk(processor.States, `${pointer}/${state.ItemProcessor ? 'ItemProcessor' : 'Iterator'}/States`);
  };

  const walk = (states: Readonly<Record<string, AslState>>, base: string) => {
    for (const [name, state] of Object.entries(states)) {
      const pointer = `${base}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (state.Type === 'Task') task(name, state, pointer);
      else if (state.Type === 'Map') map(name, state, pointer);
      else if (state.Type === 'Parallel') {
        for (const [i, branch] of state.Branches.entries())
          walk(branch.States, `${pointer}/Branches/${i}/States`);
      }
    }
  };

  walk(definition.States, '/States');
  // Placeholders outside resource fields are plain values (a bucket prefix, a name): bound to strings.
  collectStrings(definition, '', (text, pointer) => {
    for (const name of placeholdersIn(text)) if (!kinds.has(name)) note(name, 'value', pointer);
  });
  return {
    statements: mergeStatements(statements),
    placeholders: [...kinds].map(([name, { kind, pointers }]) => ({ name, kind, pointers })),
    findings,
  };
}

const s3 = (ids: readonly Identifier[] | undefined, suffix: string): PolicyResource[] =>
  (ids ?? []).map((id) => named('s3-bucket', id, suffix === '' ? undefined : suffix));

const literal = (request: JsonValue | undefined, key: string): string | undefined => {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return undefined;
  const value = request[key];
  return typeof value === 'string' && !value.startsWith('{%') ? value : undefined;
};

function collectStrings(
  value: unknown,
  pointer: string,
  visit: (text: string, pointer: string) => void,
): void {
  const pending: [unknown, string][] = [[value, pointer]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, at] = next;
    if (typeof item === 'string') visit(item, at);
    else if (Array.isArray(item)) for (const [i, v] of item.entries()) pending.push([v, `${at}/${i}`]);
    else if (typeof item === 'object' && item !== null) {
      for (const [key, v] of Object.entries(item)) {
        visit(key, at);
        pending.push([v, `${at}/${key}`]);
      }
    }
  }
}

/**
 * Joins statements with the same actions and condition, resources deduplicated, in order of first use; so each
 * action set appears once however many states need it.
 */
export function mergeStatements(statements: readonly PolicyStatement[]): PolicyStatement[] {
  const merged = new Map<string, { statement: PolicyStatement; resources: Map<string, PolicyResource> }>();
  for (const statement of statements) {
    const key = JSON.stringify([statement.actions, statement.condition ?? null]);
    let entry = merged.get(key);
    if (entry === undefined) {
      entry = { statement, resources: new Map() };
      merged.set(key, entry);
    }
    for (const resource of statement.resources) entry.resources.set(JSON.stringify(resource), resource);
  }
  return [...merged.values()]
    .filter((e) => e.resources.size > 0)
    .map(({ statement, resources }) => ({ ...statement, resources: [...resources.values()] }));
}
