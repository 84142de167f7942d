import { pointerOf } from '@stepcraft/asl';
import { createParallelNode, type ParallelNode } from '@stepcraft/core/ir';
import { ImportError } from '../errors.js';
import { optional } from '../optional.js';
import { baseFields, type MachineContext } from './context.js';
import { takeCatch, takeRetry } from './error-handling.js';
import { isJsonPath, type StateReader, takeObject, takePath } from './state-reader.js';
import { readTemplate } from './template.js';

/** A Parallel and its branches. */
export function importParallel(r: StateReader, machines: MachineContext): ParallelNode {
  const base = baseFields(r);
  const list = r.take('Branches');
  if (!Array.isArray(list))
    throw new ImportError(`the Parallel at ${pointerOf(...r.at)} has no Branches list`);
  const branches = list.map((branch, i) => machines.graph(branch, ['Branches', i]));
  const jsonPath = isJsonPath(r);
  const parameters = jsonPath ? takeObject(r, 'Parameters') : undefined;
  const selector = jsonPath ? takeObject(r, 'ResultSelector') : undefined;
  return createParallelNode({
    ...base,
    branches,
    ...(jsonPath
      ? {
          ...optional('inputPath', takePath(r, 'InputPath', 'data', true)),
          ...optional('parameters', parameters === undefined ? undefined : readTemplate(parameters)),
          ...optional('resultSelector', selector === undefined ? undefined : readTemplate(selector)),
          ...optional('resultPath', takePath(r, 'ResultPath', 'data', true)),
          ...optional('outputPath', takePath(r, 'OutputPath', 'data', true)),
        }
      : {}),
    retry: takeRetry(r),
    catch: takeCatch(r),
    ...r.raw(),
  });
}
