import { awsHistoryOf, corpusCase } from '../../testing/test/aws-history.js';
import { readRun, type ViewedRun } from '../src/index.js';

/**
 * A recorded AWS execution of the runtime corpus (`../shared/corpus/runtime/<id>.json`), read as the AWS history
 * `get-execution-history` gives, with its definition.
 */
export function awsRun(id: string): ViewedRun {
  const c = corpusCase(id);
  const result = readRun(awsHistoryOf(c), { definition: c.definition });
  if (!result.ok) throw new Error(`${id}: ${result.message}`);
  return result.run;
}
