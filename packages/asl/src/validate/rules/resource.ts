import { createDiagnostic, pointerOf } from '../../diagnostic.js';
import { isJsonataString } from '../../jsonata.js';
import { maskPlaceholders } from '../../placeholders.js';
import { resourcePatternProblem } from '../../resource-pattern.js';
import { type Ctx, describe, reportAt, type StateVisit, statePointer } from '../context.js';

const LEADING_PLACEHOLDER = /^\$\{[^{}]+\}/;
const LAMBDA_NAME = /^[A-Za-z0-9_-]+$/;
const LAMBDA_QUALIFIER = /^[A-Za-z0-9$_-]+$/;

/**
 * Task Resource: an ARN (with `checkArn`), a placeholder, or a string starting with one (Express rules: `express.ts`),
 * with a pattern suffix only where AWS has one (`resourcePatternProblem`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 */
export function checkResource(ctx: Ctx, visit: StateVisit): void {
  if (visit.type !== 'Task') return;
  const resource = visit.fields.Resource;
  if (typeof resource !== 'string') return;
  const literal: unknown = resource;
  if (isJsonataString(literal)) {
    reportAt(
      ctx,
      visit,
      'INVALID_VALUE',
      ['Resource'],
      `${describe(visit)}: Resource must be a literal ARN; it cannot be a {% %} expression.`,
    );
    return;
  }
  const pattern = resourcePatternProblem(resource);
  if (pattern !== undefined) {
    const diagnostic = createDiagnostic(
      'RESOURCE_PATTERN_UNSUPPORTED',
      `${describe(visit)}: Resource ${JSON.stringify(resource)} ${pattern.message}.`,
      pointerOf(...statePointer(visit.machine, visit.name), 'Resource'),
      visit.name,
      { resource },
    );
    // AWS reads a suffixed activity ARN as an activity of that name (deploys, then waits for a worker that rarely
    // exists); it rejects a suffixed Lambda function ARN, a function name having no dot.
    ctx.diagnostics.push(
      pattern.resourceKind === 'activity' ? { ...diagnostic, severity: 'warning' } : diagnostic,
    );
    return;
  }
  // A leading placeholder may expand to any ARN prefix, so only the rest of the text can be judged.
  if (ctx.checkArn && !LEADING_PLACEHOLDER.test(resource)) {
    const problem = arnProblem(maskPlaceholders(resource));
    if (problem !== undefined) {
      reportAt(
        ctx,
        visit,
        'INVALID_ARN',
        ['Resource'],
        `${describe(visit)}: Resource ${JSON.stringify(resource)} ${problem}.`,
        { resource },
      );
    }
  }
}

/** Why `text` is not an ARN AWS would accept as a Task resource. */
function arnProblem(text: string): string | undefined {
  const parts = text.split(':');
  if (parts[0] !== 'arn' || parts.length < 6 || !parts[1] || !parts[2]) {
    return 'is not an ARN: expected "arn:<partition>:<service>:<region>:<account>:<resource>", e.g. "arn:aws:states:::lambda:invoke"';
  }
  if (parts.slice(5).join(':') === '') return 'has no resource part after the account';
  if (parts[2] === 'lambda' && parts[5] === 'function') {
    const [name, qualifier, ...extra] = parts.slice(6);
    if (name === undefined || !LAMBDA_NAME.test(name)) return 'has an invalid Lambda function name';
    if (extra.length > 0 || (qualifier !== undefined && !LAMBDA_QUALIFIER.test(qualifier))) {
      return 'has an invalid Lambda version or alias (after the function name comes ":<alias>", ":<version>" or ":$LATEST")';
    }
  }
  return undefined;
}
