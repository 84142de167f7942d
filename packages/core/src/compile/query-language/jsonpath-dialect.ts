import type { JsonValue, ReferencePath } from '@stepcraft/asl';
import type { AssignmentNode } from '../../ir/common-node.js';
import type { TemplateNode } from '../../ir/template-node.js';
import { assignTemplate, mergeAssign } from '../substitute.js';
import type {
  Draft,
  QueryLanguageDialect,
  Report,
  ResultFields,
  SettingFields,
  SettingKey,
} from './dialect.js';
import { printCondition, printFailPath, printPath, printTemplate } from './jsonpath.js';

/** `null` stays `null` (select nothing: `{}`); a path is printed. */
function nullablePath(path: ReferencePath | null): string | null {
  return path === null ? null : printPath(path);
}

/** A payload template written at `key` of `out` when it prints. */
function writeTemplate<TKey extends string>(
  out: { [K in TKey]?: JsonValue },
  key: TKey,
  node: TemplateNode | undefined,
  report: Report,
): void {
  if (node === undefined) return;
  const printed = printTemplate(node, report, [key]);
  if (printed !== undefined) out[key] = printed;
}

/**
 * `Assign`. In JSONPath its values read the state's result, which ASL hands over before ResultSelector; `through`
 * (the selector) is substituted into the reads, so they mean what the builder's `result` meant.
 */
function writeAssign(
  out: Draft<ResultFields>,
  assign: readonly AssignmentNode[] | undefined,
  through: TemplateNode | undefined,
  report: Report,
): void {
  if (assign === undefined || assign.length === 0) return;
  const printed = printTemplate(assignTemplate(assign, through, report), report, ['Assign']);
  if (printed !== undefined) out.Assign = printed;
}

/** The JSONPath dialect: InputPath, Parameters, ResultSelector, ResultPath, OutputPath, `.$` keys and `…Path` fields. */
export const jsonPathDialect = Object.freeze({
  name: 'JSONPath',
  input(out, node, payload, report) {
    if (node.inputPath !== undefined) out.InputPath = nullablePath(node.inputPath);
    writeTemplate(out, 'Parameters', payload, report);
  },
  result(out, node, report) {
    const selector = node.resultSelector;
    if (selector?.kind === 'reference') {
      // A bare path is not a template; with the default ResultPath it is exactly an OutputPath (and with ResultPath
      // null it is not needed: only Assign reads through it).
      const isDefaultResultPath =
        node.resultPath === undefined ||
        (node.resultPath !== null &&
          node.resultPath.segments.length === 0 &&
          node.resultPath.root.kind === 'input');
      if (isDefaultResultPath && node.outputPath === undefined) {
        out.OutputPath = printPath(selector.path);
        writeAssign(out, node.assign, selector, report);
        return;
      }
      if (node.resultPath !== null) {
        report(
          'RESULT_SELECTOR_NOT_OBJECT',
          `ResultSelector of "${node.name}" returns a bare path, which ASL can only express without ResultPath/OutputPath; ` +
            'select fields instead: ({ result }) => ({ id: result.Payload.id })',
          ['ResultSelector'],
        );
      }
    } else {
      writeTemplate(out, 'ResultSelector', selector, report);
    }
    if (node.resultPath !== undefined) out.ResultPath = nullablePath(node.resultPath);
    if (node.outputPath !== undefined) out.OutputPath = nullablePath(node.outputPath);
    writeAssign(out, node.assign, selector, report);
  },
  pass(out, node, report) {
    if (node.inputPath !== undefined) out.InputPath = nullablePath(node.inputPath);
    writeTemplate(out, 'Parameters', node.parameters, report);
    if (node.result !== undefined) out.Result = node.result;
    if (node.resultPath !== undefined) out.ResultPath = nullablePath(node.resultPath);
    if (node.outputPath !== undefined) out.OutputPath = nullablePath(node.outputPath);
    writeAssign(out, node.assign, undefined, report);
  },
  inputPath(out, node) {
    if (node.inputPath !== undefined) out.InputPath = nullablePath(node.inputPath);
  },
  passThrough(out, node) {
    if (node.outputPath !== undefined) out.OutputPath = nullablePath(node.outputPath);
  },
  assign(out, _node, assign, report) {
    writeAssign(out, assign, undefined, report);
  },
  setting(out, key, value, _node, report) {
    if (value === undefined) return;
    // Every setting field takes a JSON value, whichever key this is.
    const fields: SettingFields<SettingKey> = out;
    const name: SettingKey = key;
    if (typeof value !== 'object') fields[name] = value;
    else if (!('kind' in value)) fields[`${name}Path`] = printPath(value);
    else if (value.kind === 'literal' || value.kind === 'raw') fields[name] = value.value;
    else if (value.kind === 'reference') fields[`${name}Path`] = printPath(value.path);
    else {
      const isJsonata = value.kind === 'jsonata';
      report(
        isJsonata ? 'JSONATA_IN_JSONPATH' : 'PATH_REQUIRED',
        `${key} is computed by ${isJsonata ? 'a jsonata(…) expression' : 'an intrinsic'}, which a JSONPath state can only take as a ${key}Path (a path): set queryLanguage: 'JSONata' on the state or workflow`,
        [key],
      );
    }
  },
  credentials(out, template, report) {
    writeTemplate(out, 'Credentials', template, report);
  },
  items(out, node) {
    if (node.inputPath !== undefined) out.InputPath = nullablePath(node.inputPath);
    if (node.itemsPath !== undefined) out.ItemsPath = printPath(node.itemsPath);
  },
  itemSelector(out, node, report) {
    writeTemplate(out, 'ItemSelector', node.itemSelector, report);
  },
  resourcePayload(out, _node, payload, report) {
    writeTemplate(out, 'Parameters', payload, report);
  },
  batchInput(out, _node, template, report) {
    writeTemplate(out, 'BatchInput', template, report);
  },
  condition: (_node, branch) => printCondition(branch.condition),
  ruleFields(node, branch, state, report) {
    if (branch.output !== undefined) {
      report(
        'CHOICE_RULE_OUTPUT',
        "A Choice rule can only set its Output in JSONata (AWS rule): set queryLanguage: 'JSONata' on the state or workflow",
        ['Output'],
      );
    }
    if (branch.assign === undefined) return state.Assign === undefined ? {} : { Assign: state.Assign };
    const out: Draft<ResultFields> = {};
    writeAssign(out, mergeAssign(node.assign, branch.assign), undefined, report);
    return out;
  },
  catcher(node, report) {
    const out: Draft<ResultFields> = {};
    if (node.resultPath !== undefined) out.ResultPath = nullablePath(node.resultPath);
    writeAssign(out, node.assign, undefined, report);
    return out;
  },
  failText(out, key, text, report) {
    if (typeof text === 'string') out[key] = text;
    else if (text.kind === 'jsonata') {
      report(
        'JSONATA_IN_JSONPATH',
        `The ${key} of a Fail is a jsonata(…) expression: set queryLanguage: 'JSONata' on the state or workflow`,
        [key],
      );
    } else out[`${key}Path`] = printFailPath(text, report, [key]);
  },
} satisfies QueryLanguageDialect);
