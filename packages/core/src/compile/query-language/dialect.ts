import type {
  Assign,
  ChoiceRuleExpression,
  DiagnosticCode,
  FieldsArgument,
  JsonValue,
  PayloadTemplate,
  QueryLanguage,
  ReferencePath,
} from '@stepcraft/asl';
import type { ChoiceBranchNode, ChoiceNode } from '../../ir/choice-node.js';
import type { AssignmentNode, CatchNode, FilterFields } from '../../ir/common-node.js';
import type { FailText } from '../../ir/fail-node.js';
import type { MapNode } from '../../ir/map-node.js';
import type { ParallelNode } from '../../ir/parallel-node.js';
import type { PassNode } from '../../ir/pass-node.js';
import type { TaskNode } from '../../ir/task-node.js';
import type { TemplateNode } from '../../ir/template-node.js';

/** Fields below a state, e.g. `['Catch', 0, 'Output']`. */
export type FieldPath = readonly (string | number)[];

/** The same reporter, for the fields under `prefix` (one catcher, one rule, a nested object). */
export function under(report: Report, prefix: FieldPath): Report {
  return (code, message, field, ...fields) => report(code, message, [...prefix, ...field], ...fields);
}

/** Reports a problem at `field` of the current state; a code with fields of its own takes them last. */
export type Report = <TCode extends DiagnosticCode>(
  code: TCode,
  message: string,
  field: FieldPath,
  ...fields: FieldsArgument<TCode>
) => void;

/** An ASL object under construction: emitters and dialects write its fields in ASL's key order. */
export type Draft<T> = { -readonly [K in keyof T]: T[K] };

/** The states with a result (Task, Parallel, Map): their output is built from it. */
export type ResultNode = TaskNode | ParallelNode | MapNode;

/** A setting given as a constant, a path into the effective input, or a computed value. */
export type SettingValue = number | string | ReferencePath | TemplateNode;

/** What feeds a state's work: JSONPath `InputPath` and `Parameters`, JSONata `Arguments`. */
export interface InputFields {
  readonly InputPath?: string | null;
  readonly Parameters?: PayloadTemplate;
  readonly Arguments?: JsonValue;
}

/** What a state makes of its result: JSONPath `ResultSelector`…`OutputPath`, JSONata `Output`; `Assign` in both. */
export interface ResultFields {
  readonly ResultSelector?: PayloadTemplate;
  readonly ResultPath?: string | null;
  readonly OutputPath?: string | null;
  readonly Output?: JsonValue;
  readonly Assign?: Assign;
}

/** The I/O fields of a Pass. */
export interface PassFields extends ResultFields {
  readonly InputPath?: string | null;
  readonly Parameters?: PayloadTemplate;
  readonly Result?: JsonValue;
}

/** The output side of a state without a result (Choice, Wait, Succeed): `OutputPath`, or `Output`. */
export interface PassThroughFields {
  readonly OutputPath?: string | null;
  readonly Output?: JsonValue;
}

/** Where a Map finds its items: `InputPath` and `ItemsPath`, or `Items`. */
export interface ItemsFields {
  readonly InputPath?: string | null;
  readonly ItemsPath?: string;
  readonly Items?: JsonValue;
}

/** A nested resource's request: `Parameters`, or `Arguments`. */
export interface PayloadFields {
  readonly Parameters?: PayloadTemplate;
  readonly Arguments?: JsonValue;
}

/** A Fail's error and cause: constants (or `{% %}` in JSONata), or JSONPath `…Path` forms. */
export interface FailFields {
  readonly Error?: string;
  readonly ErrorPath?: string;
  readonly Cause?: string;
  readonly CausePath?: string;
}

/** A Choice rule's test. */
export type RuleCondition = ChoiceRuleExpression | { readonly Condition: string };

/** What a Choice rule or a catcher outputs and assigns. */
export interface RuleFields {
  readonly Output?: JsonValue;
  readonly Assign?: Assign;
}

/** The settings that take a constant or a computed value. */
export type SettingKey =
  | 'TimeoutSeconds'
  | 'HeartbeatSeconds'
  | 'Seconds'
  | 'Timestamp'
  | 'MaxConcurrency'
  | 'ToleratedFailurePercentage'
  | 'ToleratedFailureCount'
  | 'MaxItems'
  | 'MaxItemsPerBatch'
  | 'MaxInputBytesPerBatch';

/** The two fields of one setting: its value (a constant, or `{% %}` in JSONata) and its JSONPath `…Path` form. */
export type SettingFields<TKey extends SettingKey> = { [K in TKey]?: JsonValue } & {
  [K in `${TKey}Path`]?: string;
};

/**
 * How one query language writes a state's I/O fields (kysely's dialect idea): JSONPath has InputPath, Parameters,
 * ResultSelector, ResultPath and OutputPath; JSONata has Arguments and Output. Emitters write the fields their
 * state owns and hand these to the dialect, so no emitter asks which language it is in. Each method writes into
 * `out` (the state being built) and reports what the language cannot express.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
export interface QueryLanguageDialect {
  readonly name: QueryLanguage;
  /** Task/Parallel input: `InputPath` and `Parameters`, or `Arguments`. */
  input(out: Draft<InputFields>, node: FilterFields, payload: TemplateNode | undefined, report: Report): void;
  /** Task/Parallel/Map output: `ResultSelector`, `ResultPath` and `OutputPath`, or `Output`; then `Assign`. */
  result(out: Draft<ResultFields>, node: ResultNode, report: Report): void;
  /** Every I/O field of a Pass. */
  pass(out: Draft<PassFields>, node: PassNode, report: Report): void;
  /** `InputPath` of a state without a result (JSONata folds it into `Output`). */
  inputPath(out: Draft<InputFields>, node: FilterFields): void;
  /** `OutputPath` of a state without a result, or its `Output`. */
  passThrough(out: Draft<PassThroughFields>, node: FilterFields): void;
  /** `Assign` of a Choice or Wait (its values read the effective input). */
  assign(
    out: Draft<ResultFields>,
    node: FilterFields,
    assign: readonly AssignmentNode[] | undefined,
    report: Report,
  ): void;
  /** A setting: `Key`, `KeyPath` (a path, JSONPath) or `Key: "{% … %}"` (computed, JSONata). */
  setting<TKey extends SettingKey>(
    out: SettingFields<TKey>,
    key: TKey,
    value: SettingValue | undefined,
    node: FilterFields,
    report: Report,
  ): void;
  /** A Task's `Credentials` (a template over the raw state input). */
  credentials(out: { Credentials?: JsonValue }, template: TemplateNode, report: Report): void;
  /** Where a Map finds its items. */
  items(out: Draft<ItemsFields>, node: MapNode): void;
  /** A Map's `ItemSelector` (a template over the effective input and `$$.Map.Item`). */
  itemSelector(out: { ItemSelector?: JsonValue }, node: MapNode, report: Report): void;
  /** The request of an ItemReader or ResultWriter (a template over the Map's effective input). */
  resourcePayload(out: Draft<PayloadFields>, node: MapNode, payload: TemplateNode, report: Report): void;
  /** An ItemBatcher's `BatchInput` (a template over the Map's effective input). */
  batchInput(out: { BatchInput?: JsonValue }, node: MapNode, template: TemplateNode, report: Report): void;
  /** A Choice rule's condition: a JSONPath comparison (or `And`/`Or`/`Not`), or a JSONata `Condition`. */
  condition(node: ChoiceNode, branch: ChoiceBranchNode, report: Report): RuleCondition;
  /**
   * A Choice rule's `Output` and `Assign`. A matched rule replaces the Choice's own, so rules repeat them: `state`
   * holds what the Choice wrote.
   */
  ruleFields(node: ChoiceNode, branch: ChoiceBranchNode, state: ResultFields, report: Report): RuleFields;
  /** A catcher's `ResultPath` or `Output`, and its `Assign`. */
  catcher(node: CatchNode, report: Report): RuleFields & { readonly ResultPath?: string | null };
  /** A Fail's `Error` or `Cause` (JSONPath: `ErrorPath`/`CausePath` when computed). */
  failText(out: Draft<FailFields>, key: 'Error' | 'Cause', text: FailText, report: Report): void;
}
