import type { PathSegment, ReferencePath } from '@stepcraft/asl';
import type { LambdaInvokeResult } from '@stepcraft/core';
import type { TaskNode } from '@stepcraft/core/ir';
import { canonicalPath } from '../paths.js';
import { isObject, printString } from '../source-text.js';
import { finish, inputSchema, keepRaw, type PrintInput, type StateCode, startDraft } from './draft.js';
import { printErrorHandling } from './error-handling.js';
import { inputScope, printDynamic, selector } from './expressions.js';
import { parametersEntry, taskResource } from './integration.js';
import { pathField, pathText, printInputPath, printOutput, resultNeed, selectResult } from './io.js';
import { graft, isEmpty, printSchema } from './shape.js';

/**
 * A Task: its integration helper (`lambda.invoke(…)`, `awsSdk(…)`, …) when the Resource and Parameters are what
 * the helper builds, its payload as typed refs, and an `output` schema holding what later states read of its
 * result. A Lambda invoke whose OutputPath unwraps `$.Payload` says `resultSelector: lambda.payload`.
 */
export function printTask(input: PrintInput<TaskNode>): StateCode {
  const d = startDraft(input);
  const { node, asl } = d;
  printInputPath(d);
  const s = inputScope(d.effective, 'task');
  const parameters =
    node.parameters !== undefined && isObject(asl.Parameters)
      ? { node: node.parameters, asl: asl.Parameters }
      : undefined;
  let found = taskResource(node.resource, parameters, s);
  if (typeof asl.Resource === 'string') d.handled.add('Resource');
  if (parameters !== undefined) d.handled.add('Parameters');
  const unwrap =
    found.kind === 'envelope' &&
    isPayload(node.outputPath) &&
    !Object.hasOwn(node.raw ?? {}, 'OutputPath') &&
    !Object.hasOwn(asl, 'ResultPath') &&
    !Object.hasOwn(asl, 'ResultSelector');
  const need = resultNeed(d, unwrap);
  const selected = unwrap ? '' : selectResult(d, need);
  if (found.kind === 'envelope' && !unwrap && node.resultSelector === undefined) envelopeMisread(d);
  if (unwrap) {
    graft(d.result, [{ kind: 'field', name: 'Payload' }], need, true);
    d.handled.add('OutputPath');
  }
  // A service's fixed result type cannot promise fields the definition reads: declare it instead.
  if (found.kind === 'service' && !isEmpty(d.result))
    found = taskResource(node.resource, parameters, s, true);
  d.spec.push(`resource: ${found.resource},`, parametersEntry(found.payload, s));
  if (found.rawParameters)
    keepRaw(d, 'Parameters', 'Parameters kept raw; the typed ones show where the task token goes');
  if (unwrap) d.spec.push('resultSelector: lambda.payload,');
  d.spec.push(selected);
  // What the definition reads of the result is what the task is declared to return.
  const declared =
    found.kind === 'envelope'
      ? d.result.fields.get('Payload')
      : found.kind === 'declared'
        ? d.result
        : undefined;
  if (declared !== undefined && !isEmpty(declared)) {
    d.spec.push(`output: ${printSchema(declared)},`);
    d.todos.push('output schema holds what the definition reads of the result: tighten it');
  }
  credentials(d);
  seconds(d, 'TimeoutSeconds', 'timeoutSeconds', node.timeoutSeconds);
  seconds(d, 'HeartbeatSeconds', 'heartbeatSeconds', node.heartbeatSeconds);
  printOutput(d, true, unwrap);
  printErrorHandling(d);
  return finish(d, 'task', inputSchema(d));
}

// `Credentials: { RoleArn }` as the builder's `credentials` (a constant, or a selector over the raw input).
function credentials(d: ReturnType<typeof startDraft<TaskNode>>): void {
  const template = d.node.credentials;
  const [entry, ...others] = template?.kind === 'object' ? template.entries : [];
  if (entry?.key !== 'RoleArn' || others.length > 0) return;
  const { value } = entry;
  if (value.kind === 'literal' && typeof value.value === 'string') {
    d.spec.push(`credentials: { roleArn: ${printString(value.value)} },`);
  } else if (value.kind === 'reference' || value.kind === 'intrinsic') {
    const s = inputScope(d.shape, 'plain');
    const role = printDynamic(value, s, 'string');
    if (role === undefined) return;
    d.spec.push(`credentials: ${selector(`{ roleArn: ${role} }`, s)},`);
  } else return;
  d.handled.add('Credentials');
}

// The fields of Lambda's Invoke response, all of core's `LambdaInvokeResult` (the function's value is its Payload).
const ENVELOPE = {
  ExecutedVersion: true,
  Payload: true,
  SdkHttpMetadata: true,
  SdkResponseMetadata: true,
  StatusCode: true,
} as const satisfies Record<keyof LambdaInvokeResult<unknown>, true>;

/**
 * A definition whose successors read the Lambda Invoke envelope as if it were the function's value (`$.id` where
 * AWS has `$.Payload.id`): on AWS such a path is not found (`States.Runtime`), so the types rightly refuse the edge.
 * It is printed as it is, with the edge unchecked and a note saying where the value is.
 */
function envelopeMisread(d: ReturnType<typeof startDraft<TaskNode>>): void {
  const misread = [...d.result.fields.keys()].filter((name) => !Object.hasOwn(ENVELOPE, name));
  if (misread.length === 0 && d.result.element === undefined) return;
  const resultPath = pathField(d, 'ResultPath', d.node.resultPath);
  const at =
    resultPath === undefined || resultPath === null || resultPath === 'opaque' ? [] : resultPath.segments;
  const pathOf = (segments: readonly PathSegment[]) =>
    `\`${canonicalPath({ root: { kind: 'input' }, segments: [...at, ...segments] })}\``;
  const paths = misread.map((name) => pathOf([{ kind: 'field', name }]));
  if (d.result.element !== undefined) paths.push(pathOf([{ kind: 'index', index: 0 }]));
  d.uncheckedOutput =
    `it reads ${paths.join(', ')} of the Lambda Invoke envelope as if it were the function's value, which AWS ` +
    `puts under ${pathOf([{ kind: 'field', name: 'Payload' }])} (unwrap it with OutputPath or a ResultSelector)`;
}

function isPayload(path: ReferencePath | null | undefined): boolean {
  const [first, ...rest] = path?.segments ?? [];
  return rest.length === 0 && first?.kind === 'field' && first.name === 'Payload';
}

function seconds(
  d: ReturnType<typeof startDraft<TaskNode>>,
  field: 'TimeoutSeconds' | 'HeartbeatSeconds',
  option: 'timeoutSeconds' | 'heartbeatSeconds',
  value: number | ReferencePath | undefined,
): void {
  if (typeof value === 'number') {
    d.handled.add(field);
    d.spec.push(`${option}: ${value},`);
  } else if (value !== undefined && value.root.kind === 'input') {
    d.handled.add(`${field}Path`);
    d.spec.push(`${option}Path: ${pathText(value)},`);
  }
}
