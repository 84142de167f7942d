import type { Catcher, Retrier } from '@stepcraft/asl';
import type { CatchNode, RetryNode } from '../../ir/common-node.js';
import { type Draft, under } from '../query-language/dialect.js';
import type { EmitContext } from './context.js';

/**
 * Writes `Retry` and `Catch` (Task, Parallel, Map). Their rules (ranges, `States.ALL` alone and last) are checked
 * by `validate()` on the emitted document, like everything else the ASL shows.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export function writeErrorHandling(
  out: { Retry?: readonly Retrier[]; Catch?: readonly Catcher[] },
  node: { readonly retry: readonly RetryNode[]; readonly catch: readonly CatchNode[] },
  context: EmitContext,
): void {
  if (node.retry.length > 0) out.Retry = node.retry.map(retrier);
  if (node.catch.length > 0) out.Catch = node.catch.map((c, i) => catcher(c, i, context));
}

function retrier(node: RetryNode): Retrier {
  const out: Draft<Retrier> = { ErrorEquals: [...node.errors] };
  if (node.comment !== undefined) out.Comment = node.comment;
  if (node.intervalSeconds !== undefined) out.IntervalSeconds = node.intervalSeconds;
  if (node.maxAttempts !== undefined) out.MaxAttempts = node.maxAttempts;
  if (node.backoffRate !== undefined) out.BackoffRate = node.backoffRate;
  if (node.maxDelaySeconds !== undefined) out.MaxDelaySeconds = node.maxDelaySeconds;
  if (node.jitterStrategy !== undefined) out.JitterStrategy = node.jitterStrategy;
  return out;
}

function catcher(node: CatchNode, index: number, context: EmitContext): Catcher {
  return {
    ErrorEquals: [...node.errors],
    ...(node.comment === undefined ? {} : { Comment: node.comment }),
    ...context.dialect.catcher(node, under(context.report, ['Catch', index])),
    Next: node.next,
  };
}
