import { createPassNode, type PassNode } from '@stepcraft/core/ir';
import { optional } from '../optional.js';
import { baseFields } from './context.js';
import { isJsonPath, type StateReader, takeObject, takePath } from './state-reader.js';
import { readTemplate } from './template.js';

/** A Pass: `Result`, `Parameters` and the paths in JSONPath (a JSONata Pass's Output and Assign stay raw). */
export function importPass(r: StateReader): PassNode {
  const base = baseFields(r);
  if (!isJsonPath(r)) return createPassNode({ ...base, ...r.raw() });
  const parameters = takeObject(r, 'Parameters');
  return createPassNode({
    ...base,
    ...optional('inputPath', takePath(r, 'InputPath', 'data', true)),
    ...optional('parameters', parameters === undefined ? undefined : readTemplate(parameters)),
    ...optional('result', r.take('Result')),
    ...optional('resultPath', takePath(r, 'ResultPath', 'data', true)),
    ...optional('outputPath', takePath(r, 'OutputPath', 'data', true)),
    ...r.raw(),
  });
}
