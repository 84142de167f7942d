import type { CatchNode, RetryNode } from '@stepcraft/core/ir';
import { printList, printString } from '../source-text.js';
import { type Draft, keepRaw } from './draft.js';
import { pathText } from './io.js';
import { merge, without } from './shape.js';

/** `.retry()` and `.catch()` calls; a raw Catch keeps its handlers wired, so the graph is whole. */
export function printErrorHandling(
  d: Draft & {
    readonly node: { readonly retry: readonly RetryNode[]; readonly catch: readonly CatchNode[] };
  },
): void {
  if (d.node.retry.length > 0) {
    d.handled.add('Retry');
    for (const retrier of d.node.retry) d.calls.push(`.retry(${retryOptions(retrier)})`);
  }
  if (d.node.catch.length === 0) return;
  const isRaw = Object.hasOwn(d.node.raw ?? {}, 'Catch');
  if (isRaw)
    keepRaw(
      d,
      'Catch',
      'Catch kept raw (JSONata Output/Assign or an unusual path); the handlers are wired below',
    );
  d.handled.add('Catch');
  for (const catcher of d.node.catch) {
    // The handler gets the raw input with the Error Output at ResultPath (or the Error Output alone).
    const handlerNeed = d.wiring.demand(catcher.next);
    if (catcher.resultPath === null) merge(d.shape, handlerNeed);
    else if (catcher.resultPath !== undefined && catcher.resultPath.segments.length > 0)
      merge(d.shape, without(handlerNeed, catcher.resultPath.segments));
    const options = isRaw
      ? []
      : [
          ...(catcher.resultPath === undefined
            ? []
            : [`resultPath: ${catcher.resultPath === null ? 'null' : pathText(catcher.resultPath)}`]),
          ...(catcher.comment === undefined ? [] : [`comment: ${printString(catcher.comment)}`]),
        ];
    d.calls.push(
      `.catch(${printStrings(catcher.errors)}, ${d.wiring.target(catcher.next)}${options.length === 0 ? '' : `, ${printList(options, '{', '}')}`})`,
    );
  }
}

const printStrings = (list: readonly string[]): string => printList(list.map(printString), '[', ']');

function retryOptions(retrier: RetryNode): string {
  const entries = [
    `errors: ${printStrings(retrier.errors)}`,
    ...(retrier.intervalSeconds === undefined ? [] : [`intervalSeconds: ${retrier.intervalSeconds}`]),
    ...(retrier.maxAttempts === undefined ? [] : [`maxAttempts: ${retrier.maxAttempts}`]),
    ...(retrier.backoffRate === undefined ? [] : [`backoffRate: ${retrier.backoffRate}`]),
    ...(retrier.maxDelaySeconds === undefined ? [] : [`maxDelaySeconds: ${retrier.maxDelaySeconds}`]),
    ...(retrier.jitterStrategy === undefined
      ? []
      : [`jitterStrategy: ${printString(retrier.jitterStrategy)}`]),
    ...(retrier.comment === undefined ? [] : [`comment: ${printString(retrier.comment)}`]),
  ];
  return printList(entries, '{', '}');
}
