import type { JsonObject, JsonValue, ReferencePath } from '@stepcraft/asl';
import { printCondition } from './conditions.js';
import { beforeOutputPath, requirePath, splitResultPath, throughTemplate } from './demand.js';
import {
  anyDataPath,
  canonicalPath,
  dataPath,
  printDynamic,
  printPlaceholder,
  printTemplate,
  type Scope,
  selector,
} from './expressions.js';
import { parametersEntry, taskResource } from './integration.js';
import { isObject, printJson, printList } from './json.js';
import {
  createShape,
  graft,
  isEmpty,
  loosens,
  merge,
  printSchema,
  read,
  type Shape,
  TIGHTEN,
  without,
} from './shape.js';

/** How a state refers to the states it jumps to (Catch handlers, Choice targets) and to its sub-machines. */
export interface Wiring {
  /** The expression of the chain starting at `name`; `unchecked`: a `later()` reference, whose input is not checked. */
  target(name: string, unchecked?: boolean): string;
  /** What the chain starting at `name` needs of its input; `undefined`: what follows the machine's end. */
  demand(name: string | undefined): Shape;
  /** A nested machine (Parallel branch, Map processor) whose end must give `demand`: its code and input needs. */
  machine(machine: JsonObject, queryLanguage: string, demand: Shape): NestedMachine;
}

/** A nested machine's expression and what its first state needs of its input. */
export interface NestedMachine {
  readonly code: string;
  readonly input: Shape;
}

/** A state as builder code: the expression and the TODO notes for the parts kept raw. */
export interface StateCode {
  readonly expression: string;
  readonly todos: readonly string[];
  /** What the state needs of its input: its own reads and what its successors read through it. */
  readonly input: Shape;
  /** Whether the types cannot check the `Next` edge (a raw OutputPath slices the output). */
  readonly uncheckedNext: boolean;
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
    b.todos.push('JSONata expressions are kept raw');
  }
  // The state's own language, so nested states inherit (or override) it as in the source.
  if (jsonata || state.QueryLanguage !== undefined) {
    b.handled.add('QueryLanguage');
    b.spec.push(`queryLanguage: ${printJson(queryLanguage)},`);
  }
  // Core leaves out a JSONPath state's language inside a JSONata Map or Parallel: say it raw.
  if (state.QueryLanguage === 'JSONPath') b.raw.QueryLanguage = 'JSONPath';
  // The effective input's shape: reads through InputPath land below it.
  let effective: Shape | undefined = b.shape;
  // A raw path the types cannot follow, which slices what the successors get.
  let sliced: 'InputPath' | 'OutputPath' | undefined;
  const inputPath = (supported: boolean) => {
    if (!('InputPath' in state)) return;
    const value = state.InputPath;
    if (value === null && supported) {
      b.spec.push('inputPath: null,');
      b.handled.add('InputPath');
      effective = undefined;
      return;
    }
    const path = typeof value === 'string' && supported && !jsonata ? anyDataPath(value) : undefined;
    if (path === undefined) {
      // What the state reads lies below a path the types cannot follow: it asks nothing of the input they see.
      effective = createShape();
      // A state without a result passes that slice on.
      const passes =
        type === 'Pass'
          ? !('Parameters' in state || 'Result' in state)
          : ['Wait', 'Choice'].includes(String(type));
      if (passes) sliced = 'InputPath';
      return keepRaw(b, 'InputPath', value as JsonValue, 'InputPath kept raw');
    }
    b.handled.add('InputPath');
    if (value === '$') return b.spec.push(`inputPath: '$',`);
    read(b.shape, path.segments);
    effective = descend(b.shape, path.segments);
    b.spec.push(`inputPath: ${JSON.stringify(spelled('InputPath', path))},`);
  };
  // Core prints a path's canonical spelling; another spelling of it is kept raw over the builder's.
  const spelled = (field: string, path: ReferencePath): string => {
    const canonical = canonicalPath(path);
    if (canonical !== state[field])
      keepRaw(b, field, state[field] as JsonValue, `${field} spelled as in the source`);
    return canonical;
  };
  // What the successors read of this state's output (a Choice asks each target instead).
  const outNeed =
    type === 'Choice' || type === 'Fail'
      ? createShape()
      : wiring.demand(typeof state.Next === 'string' ? state.Next : undefined);
  // What the result must hold; the rest of the need lands on the raw input (ResultPath merges into it).
  const resultNeed = (skipOutputPath: boolean): Shape => {
    const before = skipOutputPath ? outNeed : beforeOutputPath(outNeed, state.OutputPath);
    if (typeof state.OutputPath === 'string' && !skipOutputPath) requirePath(before, state.OutputPath);
    const { result, input } = splitResultPath(before, state.ResultPath);
    merge(b.shape, input);
    return result;
  };
  // A state without a result outputs its effective input.
  const passThrough = (need: Shape) => {
    if (effective !== undefined) merge(effective, beforeOutputPath(need, state.OutputPath));
  };
  const output = (hasResult: boolean, isBareSelector: boolean) => {
    if (hasResult && 'ResultPath' in state && !isBareSelector) {
      const value = state.ResultPath;
      const path = typeof value === 'string' ? anyDataPath(value) : undefined;
      if (value === null) b.calls.push('.resultPath(null)');
      else if (path !== undefined)
        b.calls.push(`.resultPath(${JSON.stringify(spelled('ResultPath', path))})`);
      else keepRaw(b, 'ResultPath', value as JsonValue, 'ResultPath kept raw');
      b.handled.add('ResultPath');
    }
    if ('OutputPath' in state && !isBareSelector) {
      const value = state.OutputPath;
      const path = typeof value === 'string' ? anyDataPath(value) : undefined;
      if (hasResult && (value === null || path !== undefined)) {
        b.calls.push(
          `.outputPath(${path === undefined ? 'null' : JSON.stringify(spelled('OutputPath', path))})`,
        );
        b.handled.add('OutputPath');
      } else {
        if (value !== '$') sliced = 'OutputPath';
        keepRaw(
          b,
          'OutputPath',
          state.OutputPath as JsonValue,
          'OutputPath kept raw: tighten the output type, then use .outputPath()',
        );
      }
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
        // The handler gets the raw input with the Error Output at ResultPath (or the Error Output alone).
        const handlerNeed = wiring.demand(String(catcher.Next));
        const at = typeof catcher.ResultPath === 'string' ? dataPath(catcher.ResultPath) : undefined;
        if (catcher.ResultPath === null) merge(b.shape, handlerNeed);
        else if (at !== undefined && at.segments.length > 0)
          merge(b.shape, without(handlerNeed, at.segments));
        const options = [
          ...(catcher.ResultPath === undefined || !plain || jsonata
            ? []
            : [`resultPath: ${printJson(catcher.ResultPath)}`]),
          ...(typeof catcher.Comment === 'string' && plain && !jsonata
            ? [`comment: ${JSON.stringify(catcher.Comment)}`]
            : []),
        ];
        b.calls.push(
          `.catch(${printJson(catcher.ErrorEquals ?? [])}, ${wiring.target(String(catcher.Next))}${options.length === 0 ? '' : `, ${printList(options, '{', '}')}`})`,
        );
      }
    }
  };
  // The raw result: what the ResultSelector reads of it and what the need asks through it.
  const result = createShape();
  const selectResult = (need: Shape): string => {
    if (!isObject(state.ResultSelector) || jsonata) {
      merge(result, need);
      return '';
    }
    b.handled.add('ResultSelector');
    throughTemplate(state.ResultSelector, need, { data: result });
    const s: Scope = { data: { name: 'result', shape: result }, context: 'plain', used: new Set() };
    const printed = printTemplate(state.ResultSelector, s, need);
    const placed = typeof state.ResultPath === 'string' && state.ResultPath !== '$';
    if (!printed.startsWith('raw') || !placed) return `resultSelector: ${selector(printed, s)},`;
    // A whole raw selector is a bare value to the types, which a ResultPath cannot place: the raw field replaces
    // a selector of the same fields, each declared as the definition reads it.
    keepRaw(
      b,
      'ResultSelector',
      state.ResultSelector,
      'ResultSelector kept raw; the typed one declares its fields',
    );
    const placeholder: Scope = { context: 'plain', used: new Set() };
    return `resultSelector: ${selector(printPlaceholder(state.ResultSelector, placeholder, need), placeholder)},`;
  };

  let ctor: string;
  switch (type) {
    case 'Task': {
      ctor = 'task';
      inputPath(true);
      const arn = typeof state.Resource === 'string' ? state.Resource : '';
      const jsonParameters = jsonata || !isObject(state.Parameters) ? undefined : state.Parameters;
      const s = scope(effective, 'task');
      let found = taskResource(arn, jsonParameters, s);
      if (typeof state.Resource === 'string') b.handled.add('Resource');
      if (jsonParameters !== undefined) b.handled.add('Parameters');
      const unwrap =
        found.kind === 'envelope' &&
        state.OutputPath === '$.Payload' &&
        !('ResultPath' in state) &&
        !('ResultSelector' in state);
      const need = resultNeed(unwrap);
      const selected = unwrap ? '' : selectResult(need);
      if (unwrap) {
        graft(result, [{ kind: 'field', name: 'Payload' }], need, true);
        b.handled.add('OutputPath');
      }
      // A service's fixed result type cannot promise fields the definition reads: declare it instead.
      if (found.kind === 'service' && !isEmpty(result)) found = taskResource(arn, jsonParameters, s, true);
      b.spec.push(`resource: ${found.resource},`, parametersEntry(found.payload, s));
      if (found.rawParameters)
        keepRaw(
          b,
          'Parameters',
          state.Parameters as JsonValue,
          'Parameters kept raw; the typed ones show where the task token goes',
        );
      if (unwrap) b.spec.push('resultSelector: lambda.payload,');
      b.spec.push(selected);
      // What the definition reads of the result is what the task is declared to return.
      const declared =
        found.kind === 'envelope'
          ? result.fields.get('Payload')
          : found.kind === 'declared'
            ? result
            : undefined;
      if (declared !== undefined && !isEmpty(declared)) {
        b.spec.push(`output: ${printSchema(declared)},`);
        b.todos.push('output schema holds what the definition reads of the result: tighten it');
      }
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
      const need = resultNeed(false);
      if (isObject(state.Parameters) && !jsonata) {
        b.handled.add('Parameters');
        const s = scope(effective, 'plain');
        b.spec.push(`parameters: ${selector(printTemplate(state.Parameters, s, need), s)},`);
        throughTemplate(state.Parameters, need, { data: effective });
      }
      if (!isObject(state.Parameters) && !('Result' in state) && effective !== undefined)
        merge(effective, need);
      output(true, false);
      break;
    }
    case 'Wait': {
      ctor = 'wait';
      inputPath(true);
      const forms = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'].filter((k) => k in state);
      const form = forms[0];
      const value = form === undefined ? undefined : state[form];
      const path = typeof value === 'string' && form?.endsWith('Path') ? anyDataPath(value) : undefined;
      if (forms.length === 1 && form === 'Seconds' && typeof value === 'number')
        b.spec.push(`seconds: ${value},`);
      else if (forms.length === 1 && form === 'Timestamp' && typeof value === 'string' && !jsonata)
        b.spec.push(`timestamp: ${JSON.stringify(value)},`);
      else if (forms.length === 1 && path !== undefined && effective !== undefined && !jsonata) {
        read(effective, path.segments, form === 'SecondsPath' ? 'number' : 'string');
        const text = JSON.stringify(spelled(form as string, path));
        b.spec.push(`${form === 'SecondsPath' ? 'secondsPath' : 'timestampPath'}: ${text},`);
      } else {
        // The builder wants one typed duration; the raw field of the same name replaces it.
        b.spec.push(form?.startsWith('Timestamp') ? `timestamp: '1970-01-01T00:00:00Z',` : 'seconds: 0,');
        for (const f of forms) keepRaw(b, f, state[f] as JsonValue, `${f} kept raw`);
      }
      for (const f of forms) b.handled.add(f);
      passThrough(outNeed);
      output(false, false);
      break;
    }
    case 'Succeed':
      ctor = 'succeed';
      passThrough(outNeed);
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
      const targets = [
        ...rules.filter(isObject).map((rule) => String(rule.Next)),
        ...(typeof state.Default === 'string' ? [state.Default] : []),
      ];
      for (const target of targets) passThrough(wiring.demand(target));
      const printed = jsonata ? [] : rules.map((rule) => printCondition(rule, s));
      const typed = printed.length > 0 && printed.every((p) => p !== undefined);
      if (!typed) keepRaw(b, 'Choices', rules, 'Choices kept raw; the .when() calls only wire the targets');
      // The Choice's type is its whole input: a target reached through an OutputPath, or relying on what a
      // condition tested (IsPresent, IsNull), cannot be checked against it.
      const edge = (target: string): string => {
        const need = wiring.demand(target);
        const unchecked = sliced !== undefined ? !isEmpty(need) : loosens(effective ?? createShape(), need);
        if (unchecked)
          b.todos.push(
            `the edge to ${JSON.stringify(target)} is not type-checked: ${sliced !== undefined ? `it gets the ${sliced} slice` : 'the Choice takes it once a condition held, and core does not narrow types'}`,
          );
        return wiring.target(target, unchecked);
      };
      rules.forEach((rule, i) => {
        if (!isObject(rule)) return;
        // A placeholder that type-checks on any input: the raw Choices replace it.
        const condition = typed ? (printed[i] as string) : 'context.Execution.Id.isString()';
        const comment =
          typed && typeof rule.Comment === 'string' ? `, { comment: ${JSON.stringify(rule.Comment)} }` : '';
        const condScope: Scope = typed ? s : { context: 'plain', used: new Set(['context']) };
        b.calls.push(`.when(${selector(condition, condScope)}, ${edge(String(rule.Next))}${comment})`);
      });
      if (typeof state.Default === 'string') b.calls.push(`.otherwise(${edge(state.Default)})`);
      break;
    }
    case 'Parallel': {
      ctor = 'parallel';
      inputPath(true);
      b.handled.add('Branches');
      const branches = Array.isArray(state.Branches) ? state.Branches : [];
      const selected = selectResult(resultNeed(false));
      // Each branch's output is an element of the result.
      const nested = branches.map((m) =>
        isObject(m) ? wiring.machine(m, queryLanguage, result.element ?? createShape()) : undefined,
      );
      // What the branches need of their (common) input.
      const branchInput = createShape();
      for (const branch of nested) if (branch !== undefined) merge(branchInput, branch.input);
      if (isObject(state.Parameters) && !jsonata) {
        b.handled.add('Parameters');
        const s = scope(effective, 'plain');
        b.spec.push(`parameters: ${selector(printTemplate(state.Parameters, s, branchInput), s)},`);
        throughTemplate(state.Parameters, branchInput, { data: effective });
      } else if (effective !== undefined) merge(effective, branchInput);
      b.spec.push(
        `branches: ${printList(
          nested.map((n) => n?.code ?? 'undefined'),
          '[',
          ']',
        )},`,
        selected,
      );
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
      // The items array's element: what the processor (through the ItemSelector) reads of each item.
      let item: Shape | undefined;
      if (items !== undefined && effective !== undefined) {
        b.handled.add('ItemsPath');
        read(effective, items.segments, 'array');
        b.spec.push(`itemsPath: ${JSON.stringify(state.ItemsPath)},`);
        item = descend(effective, items.segments);
      } else if (effective !== undefined && !('ItemsPath' in state) && !('ItemReader' in state) && !jsonata) {
        read(effective, [], 'array');
        item = effective;
      } else if (!('ItemReader' in state) && !('ItemsPath' in state)) {
        b.shape.element ??= createShape();
        b.shape.required = true;
      }
      if (item !== undefined) {
        item.element ??= createShape();
        item = item.element;
      }
      const selectorTemplate = isObject(state.ItemSelector)
        ? state.ItemSelector
        : isObject(state.Parameters)
          ? state.Parameters
          : undefined;
      if (selectorTemplate !== undefined) b.handled.add('ItemSelector').add('Parameters');
      const selected = selectResult(resultNeed(false));
      // Each iteration's output is an element of the result.
      const nested = wiring.machine(machine, queryLanguage, result.element ?? createShape());
      // With an ItemBatcher each iteration gets { Items: [...], BatchInput }: what it reads of an item is under Items.
      const batched = config?.Mode === 'DISTRIBUTED' && isObject(state.ItemBatcher) && !jsonata;
      const perItem = batched ? (nested.input.fields.get('Items')?.element ?? createShape()) : nested.input;
      if (selectorTemplate !== undefined && !jsonata) {
        const s: Scope = {
          ...(effective === undefined ? {} : { data: { name: 'input' as const, shape: effective } }),
          context: 'map-item',
          ...(item === undefined ? {} : { item }),
          used: new Set(),
        };
        b.spec.push(`itemSelector: ${selector(printTemplate(selectorTemplate, s, perItem), s)},`);
        throughTemplate(selectorTemplate, perItem, { data: effective, item });
      } else if (selectorTemplate !== undefined) {
        keepRaw(b, 'ItemSelector', selectorTemplate, 'ItemSelector kept raw');
      } else if (item !== undefined) merge(item, perItem);
      b.spec.push(`processor: ${nested.code},`);
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
      b.spec.push(selected);
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
  const uncheckedNext = sliced !== undefined && type !== 'Choice' && !isEmpty(outNeed);
  if (uncheckedNext && typeof state.Next === 'string')
    b.todos.push(
      `the edge to ${JSON.stringify(state.Next)} is not type-checked: it gets the ${sliced} slice`,
    );
  const hasRaw = Object.keys(b.raw).length > 0;
  const input = inputSchema(type, b.shape);
  if (input !== undefined) b.todos.unshift(TIGHTEN);
  const spec = [
    ...(input === undefined ? [] : [`input: ${input},`]),
    ...b.spec.filter((line) => line !== ''),
  ];
  const canRawSpec = ctor !== 'task';
  if (hasRaw && canRawSpec) spec.push(`raw: ${printJson(b.raw)},`);
  const calls = [...b.calls, ...(hasRaw && !canRawSpec ? [`.rawFields(${printJson(b.raw)})`] : [])];
  const specText =
    spec.length === 0 && ctor !== 'task'
      ? ''
      : `, ${printList(
          spec.map((line) => line.slice(0, -1)),
          '{',
          '}',
          40,
        )}`;
  return {
    expression: `${ctor}(${JSON.stringify(name)}${specText})${calls.map((call) => `\n${call}`).join('')}`,
    todos: [...new Set(b.todos)],
    input: b.shape,
    uncheckedNext,
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
  return printList(entries, '{', '}');
}
