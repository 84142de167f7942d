import type { JsonValue } from '@stepcraft/asl';
import type { MapNode } from '../../ir/map-node.js';
import type { ParallelNode } from '../../ir/parallel-node.js';
import type { TaskNode } from '../../ir/task-node.js';
import { type EmitContext, pathField, templateField } from './context.js';

/**
 * ResultSelector, ResultPath and OutputPath. A selector that returns a bare path (e.g. `lambda.payload`) is not
 * an ASL template; with the default ResultPath it is exactly an OutputPath, so it is emitted as one (and with
 * ResultPath null it is not needed at all).
 */
export function resultSelectorFields(
  context: EmitContext,
  node: TaskNode | ParallelNode | MapNode,
  output: Record<string, JsonValue>,
): Record<string, JsonValue> {
  const selector = node.resultSelector;
  const resultPath = pathField(context, 'ResultPath', node.resultPath);
  if (selector?.kind === 'reference') {
    const isDefaultResultPath =
      node.resultPath === undefined ||
      (node.resultPath?.segments.length === 0 && node.resultPath.root.kind === 'input');
    if (isDefaultResultPath && node.outputPath === undefined) {
      return { OutputPath: context.dialect.path(selector.path) };
    }
    // The result is discarded: the selector only matters to Assign, which reads through it.
    if (node.resultPath === null) return { ...resultPath, ...output };
    context.report(
      'RESULT_SELECTOR_NOT_OBJECT',
      `ResultSelector of "${node.name}" returns a bare path, which ASL can only express without ResultPath/OutputPath; ` +
        'select fields instead: ({ result }) => ({ id: result.Payload.id })',
      ['ResultSelector'],
    );
    return { ...resultPath, ...output };
  }
  return { ...templateField(context, 'ResultSelector', selector), ...resultPath, ...output };
}
