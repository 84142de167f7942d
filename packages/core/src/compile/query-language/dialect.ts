import type { ChoiceRuleExpression, JsonObject, JsonValue, ReferencePath } from '@stepcraft/asl';
import type { ConditionNode } from '../../ir/choice-rule-node.js';
import type { FailText } from '../../ir/fail-node.js';
import type { TemplateNode } from '../../ir/template-node.js';

/** Reports a problem found while printing; `field` is appended to the current state's pointer. */
export type Report = (code: string, message: string, field: readonly (string | number)[]) => void;

/**
 * How one query language prints the IR's data nodes (kysely's dialect idea). The state emitters are shared; only
 * this part differs between JSONPath and JSONata.
 */
export interface QueryLanguageDialect {
  readonly name: 'JSONPath' | 'JSONata';
  /** A reference path as text. */
  path(path: ReferencePath): string;
  /** A payload template; reports and returns `undefined` when the template cannot be expressed. */
  template(node: TemplateNode, field: string, report: Report): JsonObject | undefined;
  /** A Choice condition. */
  condition(node: ConditionNode, report: Report): ChoiceRuleExpression;
  /** A Fail's Error/Cause: the constant field, or its `…Path` form. */
  failText(node: FailText, field: 'Error' | 'Cause'): Record<string, JsonValue>;
}
