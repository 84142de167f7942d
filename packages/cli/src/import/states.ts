import type { JsonObject, JsonValue } from '@stepcraft/asl';
import { printCondition } from './conditions.js';
import { dataPath, printDynamic, printTemplate, type Scope, selector } from './expressions.js';
import { parametersEntry, taskResource } from './integration.js';
import { isObject, printJson } from './json.js';
import { createShape, isEmpty, printSchema, read, type Shape } from './shape.js';

/** How a state refers to the states it jumps to (Catch handlers, Choice targets) and to its sub-machines. */
export interface Wiring {
  /** The expression of the chain starting at `name`. */
  target(name: string): string;
  /** The expression of a nested machine (Parallel branch, Map processor). */
  machine(machine: JsonObject, queryLanguage: string): string;
}

/** A state as builder code: the expression and the TODO notes for the parts kept raw. */
export interface StateCode {
  readonly expression: string;
  readonly todos: readonly string[];
}

// Fields every generator handles itself; anything else is kept raw.
const TRANSITIONS = new Set(['Type', 'Next', 'End', 'Comment']);

interface Builder {
  readonly spec: string[];
  readonly calls: string[];
  readonly raw: Record<string, JsonValue>;
  readonly todos: string[];
  readonly handled: Set<string>;
  readonly shape: Shape;
}

function keepRaw(b: Builder, key: string, value: JsonValue, why: string): void {
  Object.defineProperty(b.raw, key, { value, enumerable: true, writable: true, configurable: true });
  b.handled.add(key);
  b.todos.push(why);
}

/** Generates the builder expression of one JSONPath or JSONata state. */
export function stateCode(name: string, state: JsonObject, queryLanguage: string, wiring: Wiring): StateCode {
  const b: Builder = {
    spec: [],
    calls: [],
    raw: {},
    todos: [],
    handled: new Set(TRANSITIONS),
    shape: createShape(),
  };
  const scope = (data: Shape | undefined, context: Scope['context']): Scope => ({
    ...(data === undefined ? {} : { data: { name: 'input' as const, shape: data } }),
    context,
    used: new Set(),
  });
  const type = state.Type;
  const jsonata = queryLanguage === 'JSONata';
  if (typeof state.Comment === 'string') b.spec.push(`comment: ${JSON.stringify(state.Comment)},`);
  if (jsonata) {
    keepRaw(b, 'QueryLanguage', 'JSONata', 'JSONata expressions are kept raw');
  } else if (state.QueryLanguage !== undefined) {
    b.handled.add('QueryLanguage');
  }
  // The effective input's shape: reads through InputPath land below it.
  let effective: Shape | undefined = b.shape;
  const inputPath = (supported: boolean) => {
    if (!('InputPath' in state)) return;
    const value = state.InputPath;
    if (value === null && supported) {
      b.spec.push('inputPath: null,');
      b.handled.add('InputPath');
      effective = undefined;
      return;
    }
    const path = typeof value === 'string' && supported && !jsonata ? dataPath(value) : undefined;
    if (path === undefined) return keepRaw(b, 'InputPath', value as JsonValue, 'InputPath kept raw');
    b.handled.add('InputPath');
    if (value === '$') return b.spec.push(`inputPath: '$',`);
    read(b.shape, path.segments);
    effective = descend(b.shape, path.segments);
    b.spec.push(`inputPath: ${JSON.stringify(value)},`);
  };
  const output = (hasResult: boolean, isBareSelector: boolean) => {
    if (hasResult && 'ResultPath' in state && !isBareSelector) {
      const value = state.ResultPath;
      if (value === null) b.calls.push('.resultPath(null)');
      else if (typeof value === 'string' && dataPath(value) !== undefined)
        b.calls.push(`.resultPath(${JSON.stringify(value)})`);
      else keepRaw(b, 'ResultPath', value as JsonValue, 'ResultPath kept raw');
      b.handled.add('ResultPath');
    }
    if ('OutputPath' in state && !isBareSelector) {
      if (state.OutputPath === null && hasResult) {
        b.calls.push('.outputPath(null)');
        b.handled.add('OutputPath');
      } else
        keepRaw(
          b,
          'OutputPath',
          state.OutputPath as JsonValue,
          'OutputPath kept raw: tighten the output type, then use .outputPath()',
        );
    }
  };
  const errorHandling = () => {
    if (Array.isArray(state.Retry)) {
      b.handled.add('Retry');
      for (const retrier of state.Retry) b.calls.push(`.retry(${retryOptions(retrier)})`);
    }
    if (Array.isArray(state.Catch)) {
      b.handled.add('Catch');
      const plain = state.Catch.every(
        (c) =>
          isObject(c) &&
          Object.keys(c).every((k) => ['ErrorEquals', 'Next', 'ResultPath', 'Comment'].includes(k)) &&
          (c.ResultPath === undefined ||
            c.ResultPath === null ||
            (typeof c.ResultPath === 'string' && dataPath(c.ResultPath) !== undefined)),
      );
      if (!plain || jsonata)
        keepRaw(
          b,
          'Catch',
          state.Catch,
          'Catch kept raw (JSONata Output/Assign or an unusual path); the handlers are wired below',
        );
      for (const catcher of state.Catch) {
        if (!isObject(catcher)) continue;
        const options = [
          ...(catcher.ResultPath === undefined || !plain || jsonata
            ? []
            : [`resultPath: ${printJson(catcher.ResultPath)}`]),
          ...(typeof catcher.Comment === 'string' && plain && !jsonata
            ? [`comment: ${JSON.stringify(catcher.Comment)}`]
            : []),
        ];
        b.calls.push(
          `.catch(${printJson(catcher.ErrorEquals ?? [])}, ${wiring.target(String(catcher.Next))}${options.length === 0 ? '' : `, { ${options.join(', ')} }`})`,
        );
      }
    }
  };
  const result = createShape();
  const resultSelector = () => {
    if (!isObject(state.ResultSelector) || jsonata) return;
    b.handled.add('ResultSelector');
    const s: Scope = { data: { name: 'result', shape: result }, context: 'plain', used: new Set() };
    b.spec.push(`resultSelector: ${selector(printTemplate(state.ResultSelector, s), s)},`);
  };

  let ctor: string;
  switch (type) {
    case 'Task': {
      ctor = 'task';
      inputPath(true);
      const resourceArn = typeof state.Resource === 'string' ? state.Resource : '';
      const jsonParameters = jsonata || !isObject(state.Parameters) ? undefined : state.Parameters;
      const s = scope(effective, 'task');
      const found = taskResource(resourceArn, jsonParameters, s);
      if (typeof state.Resource === 'string') b.handled.add('Resource');
      if (jsonParameters !== undefined) b.handled.add('Parameters');
      b.spec.push(`resource: ${found.resource},`, parametersEntry(found.payload, s));
      const unwrap =
        found.kind === 'envelope' &&
        state.OutputPath === '$.Payload' &&
        !('ResultPath' in state) &&
        !('ResultSelector' in state);
      if (unwrap) {
        b.spec.push('resultSelector: lambda.payload,');
        b.handled.add('OutputPath');
      }
      resultSelector();
      // The result's shape, as the ResultSelector reads it, is what the task is declared to return.
      const declared =
        found.kind === 'envelope'
          ? result.fields.get('Payload')
          : found.kind === 'declared'
            ? result
            : undefined;
      if (declared !== undefined && !isEmpty(declared)) b.spec.push(`output: ${printSchema(declared)},`);
      for (const key of ['TimeoutSeconds', 'HeartbeatSeconds'] as const) seconds(b, state, key, jsonata);
      output(true, unwrap);
      errorHandling();
      break;
    }
    case 'Pass': {
      ctor = 'pass';
      inputPath(true);
      if ('Result' in state) {
        b.handled.add('Result');
        b.spec.push(`result: ${printJson(state.Result as JsonValue)},`);
      }
      if (isObject(state.Parameters) && !jsonata) {
        b.handled.add('Parameters');
        const s = scope(effective, 'plain');
        b.spec.push(`parameters: ${selector(printTemplate(state.Parameters, s), s)},`);
      }
      output(true, false);
      break;
    }
    case 'Wait': {
      ctor = 'wait';
      inputPath(true);
      const forms = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'].filter((k) => k in state);
      const form = forms[0];
      const value = form === undefined ? undefined : state[form];
      const path = typeof value === 'string' && form?.endsWith('Path') ? dataPath(value) : undefined;
      if (forms.length === 1 && form === 'Seconds' && typeof value === 'number')
        b.spec.push(`seconds: ${value},`);
      else if (forms.length === 1 && form === 'Timestamp' && typeof value === 'string' && !jsonata)
        b.spec.push(`timestamp: ${JSON.stringify(value)},`);
      else if (forms.length === 1 && path !== undefined && effective !== undefined && !jsonata) {
        read(effective, path.segments, form === 'SecondsPath' ? 'number' : 'string');
        b.spec.push(`${form === 'SecondsPath' ? 'secondsPath' : 'timestampPath'}: ${JSON.stringify(value)},`);
      } else {
        // The builder wants one typed duration; the raw field replaces it.
        b.spec.push('seconds: 0,');
        for (const f of forms) keepRaw(b, f, state[f] as JsonValue, `${f} kept raw`);
      }
      for (const f of forms) b.handled.add(f);
      output(false, false);
      break;
    }
    case 'Succeed':
      ctor = 'succeed';
      output(false, false);
      break;
    case 'Fail': {
      ctor = 'fail';
      for (const field of ['Error', 'Cause'] as const) {
        const text = state[field];
        const pathText = state[`${field}Path`];
        if (typeof text === 'string') {
          b.handled.add(field);
          b.spec.push(`${field.toLowerCase()}: ${JSON.stringify(text)},`);
        } else if (typeof pathText === 'string' && !jsonata) {
          const s = scope(b.shape, 'plain');
          const expr = printDynamic(pathText, s, 'string');
          if (expr !== undefined) {
            b.handled.add(`${field}Path`);
            b.spec.push(`${field.toLowerCase()}: ${selector(expr, s)},`);
          }
        }
      }
      break;
    }
    case 'Choice': {
      ctor = 'choice';
      inputPath(true);
      output(false, false);
      b.handled.add('Choices').add('Default');
      const rules = Array.isArray(state.Choices) ? state.Choices : [];
      const s = scope(effective, 'plain');
      const printed = jsonata ? [] : rules.map((rule) => printCondition(rule, s));
      const typed = printed.length > 0 && printed.every((p) => p !== undefined);
      if (!typed) keepRaw(b, 'Choices', rules, 'Choices kept raw; the .when() calls only wire the targets');
      rules.forEach((rule, i) => {
        if (!isObject(rule)) return;
        const condition = typed ? (printed[i] as string) : 'input.isPresent()';
        const comment =
          typed && typeof rule.Comment === 'string' ? `, { comment: ${JSON.stringify(rule.Comment)} }` : '';
        const condScope: Scope = typed
          ? s
          : { data: { name: 'input', shape: createShape() }, context: 'plain', used: new Set(['input']) };
        b.calls.push(
          `.when(${selector(condition, condScope)}, ${wiring.target(String(rule.Next))}${comment})`,
        );
      });
      if (typeof state.Default === 'string') b.calls.push(`.otherwise(${wiring.target(state.Default)})`);
      break;
    }
    case 'Parallel': {
      ctor = 'parallel';
      inputPath(true);
      if (isObject(state.Parameters) && !jsonata) {
        b.handled.add('Parameters');
        const s = scope(effective, 'plain');
        b.spec.push(`parameters: ${selector(printTemplate(state.Parameters, s), s)},`);
      }
      b.handled.add('Branches');
      const branches = Array.isArray(state.Branches) ? state.Branches : [];
      b.spec.push(
        `branches: [${branches.map((m) => (isObject(m) ? wiring.machine(m, queryLanguage) : 'undefined')).join(', ')}],`,
      );
      resultSelector();
      output(true, false);
      errorHandling();
      break;
    }
    case 'Map': {
      ctor = 'map';
      inputPath(true);
      const processor = isObject(state.ItemProcessor)
        ? state.ItemProcessor
        : isObject(state.Iterator)
          ? state.Iterator
          : undefined;
      b.handled.add('ItemProcessor').add('Iterator');
      const config =
        processor !== undefined && isObject(processor.ProcessorConfig)
          ? processor.ProcessorConfig
          : undefined;
      const machine =
        processor === undefined
          ? {}
          : Object.fromEntries(Object.entries(processor).filter(([k]) => k !== 'ProcessorConfig'));
      const items = typeof state.ItemsPath === 'string' && !jsonata ? dataPath(state.ItemsPath) : undefined;
      if (items !== undefined && effective !== undefined) {
        b.handled.add('ItemsPath');
        read(effective, items.segments, 'array');
        b.spec.push(`itemsPath: ${JSON.stringify(state.ItemsPath)},`);
      } else if (effective !== undefined && !('ItemsPath' in state) && !('ItemReader' in state) && !jsonata) {
        read(effective, [], 'array');
      } else if (!('ItemReader' in state)) {
        b.shape.element ??= createShape();
        b.shape.required = true;
      }
      const selectorTemplate = isObject(state.ItemSelector)
        ? state.ItemSelector
        : isObject(state.Parameters)
          ? state.Parameters
          : undefined;
      if (selectorTemplate !== undefined) b.handled.add('ItemSelector').add('Parameters');
      if (selectorTemplate !== undefined && !jsonata) {
        const s: Scope = {
          ...(effective === undefined ? {} : { data: { name: 'input' as const, shape: effective } }),
          context: 'map-item',
          item: createShape(),
          used: new Set(),
        };
        b.spec.push(`itemSelector: ${selector(printTemplate(selectorTemplate, s), s)},`);
      } else if (selectorTemplate !== undefined) {
        keepRaw(b, 'ItemSelector', selectorTemplate, 'ItemSelector kept raw');
      }
      b.spec.push(`processor: ${wiring.machine(machine, queryLanguage)},`);
      if (typeof state.MaxConcurrency === 'number') {
        b.handled.add('MaxConcurrency');
        b.spec.push(`maxConcurrency: ${state.MaxConcurrency},`);
      }
      if (config?.Mode === 'DISTRIBUTED') {
        b.spec.push(`mode: 'distributed',`);
        if (config.ExecutionType !== undefined)
          b.spec.push(`executionType: ${printJson(config.ExecutionType)},`);
        const fields: Record<string, string> = {
          Label: 'label',
          ToleratedFailurePercentage: 'toleratedFailurePercentage',
          ToleratedFailureCount: 'toleratedFailureCount',
          ItemReader: 'itemReader',
          ItemBatcher: 'itemBatcher',
          ResultWriter: 'resultWriter',
        };
        for (const [field, option] of Object.entries(fields)) {
          const value = state[field];
          const ok = field.startsWith('Tolerated')
            ? typeof value === 'number'
            : field === 'Label'
              ? typeof value === 'string'
              : isObject(value);
          if (value !== undefined && ok && !jsonata) {
            b.handled.add(field);
            b.spec.push(`${option}: ${printJson(value)},`);
            if (field === 'ItemReader' || field === 'ItemBatcher' || field === 'ResultWriter')
              b.todos.push(`${field} is raw ASL`);
          }
        }
      } else if (config !== undefined && config.Mode !== 'INLINE') {
        b.todos.push('ProcessorConfig kept raw');
      }
      resultSelector();
      output(true, false);
      errorHandling();
      break;
    }
    default:
      throw new Error(`state "${name}" has an unknown Type ${JSON.stringify(type)}`);
  }
  for (const key of Object.keys(state)) {
    if (!b.handled.has(key))
      keepRaw(b, key, state[key] as JsonValue, `${key} is not modelled by the builder`);
  }
  const hasRaw = Object.keys(b.raw).length > 0;
  const input = inputSchema(type, b.shape);
  const spec = [
    ...(input === undefined ? [] : [`input: ${input},`]),
    ...b.spec.filter((line) => line !== ''),
  ];
  const canRawSpec = ctor !== 'task';
  if (hasRaw && canRawSpec) spec.push(`raw: ${printJson(b.raw)},`);
  const calls = [...b.calls, ...(hasRaw && !canRawSpec ? [`.rawFields(${printJson(b.raw)})`] : [])];
  const specText = spec.length === 0 && ctor !== 'task' ? '' : `, { ${spec.join(' ')} }`;
  return {
    expression: `${ctor}(${JSON.stringify(name)}${specText})${calls.join('')}`,
    todos: [...new Set(b.todos)],
  };
}

function inputSchema(type: JsonValue | undefined, shape: Shape): string | undefined {
  if (isEmpty(shape)) return type === 'Map' ? 'z.unknown()' : undefined;
  return printSchema(shape);
}

function descend(shape: Shape, segments: readonly { kind: string; name?: string; index?: number }[]): Shape {
  let node = shape;
  for (const segment of segments) {
    if (segment.kind === 'index') node = node.element ?? node;
    else node = node.fields.get(segment.name as string) ?? node;
  }
  return node;
}

function seconds(
  b: Builder,
  state: JsonObject,
  key: 'TimeoutSeconds' | 'HeartbeatSeconds',
  jsonata: boolean,
): void {
  const option = key === 'TimeoutSeconds' ? 'timeoutSeconds' : 'heartbeatSeconds';
  const value = state[key];
  const pathValue = state[`${key}Path`];
  if (typeof value === 'number') {
    b.handled.add(key);
    b.spec.push(`${option}: ${value},`);
  } else if (typeof pathValue === 'string' && !jsonata && dataPath(pathValue) !== undefined) {
    b.handled.add(`${key}Path`);
    b.spec.push(`${option}Path: ${JSON.stringify(pathValue)},`);
  }
}

function retryOptions(retrier: JsonValue): string {
  if (!isObject(retrier)) return '{ errors: [] }';
  const names: Record<string, string> = {
    ErrorEquals: 'errors',
    IntervalSeconds: 'intervalSeconds',
    MaxAttempts: 'maxAttempts',
    BackoffRate: 'backoffRate',
    MaxDelaySeconds: 'maxDelaySeconds',
    JitterStrategy: 'jitterStrategy',
    Comment: 'comment',
  };
  const entries = Object.keys(retrier)
    .filter((k) => names[k] !== undefined)
    .map((k) => `${names[k]}: ${printJson(retrier[k] as JsonValue)}`);
  return `{ ${entries.join(', ')} }`;
}
