import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AslDocument, JsonValue } from '@stepcraft/asl';
import type { AwsHistoryEvent } from '../src/index.js';

/** `../shared/corpus` beside the repository. */
const CORPUS = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');

/** A recorded AWS execution of the runtime corpus, with its event trace (ids and timestamps stripped). */
export interface TracedCase {
  readonly id: string;
  readonly definition: AslDocument;
  readonly input: JsonValue;
  readonly source: { readonly input_derivation?: string };
  readonly history: readonly Readonly<Record<string, unknown>>[];
}

/** One runtime corpus case by id. */
export function corpusCase<T = TracedCase & { readonly test_state_response?: unknown }>(id: string): T {
  return JSON.parse(readFileSync(path.join(CORPUS, 'runtime', `${id}.json`), 'utf8')) as T;
}

/** The runtime corpus cases that carry an event trace, in file order. */
export function tracedCases(): TracedCase[] {
  const dir = path.join(CORPUS, 'runtime');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as TracedCase & { history?: unknown })
    .filter((c): c is TracedCase => Array.isArray(c.history));
}

/** Python's `json.dumps` text (`", "` and `": "` separators), which AWS uses for Lambda function error documents. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

const DETAIL_FIELDS = ['name', 'index', 'length', 'resource', 'resourceType', 'error', 'location', 'state'];

/**
 * The trace of a recorded execution as `aws stepfunctions get-execution-history` returns it: `{ events }` with ids,
 * `previousEventId` chained in order (AWS's links are not a strict chain either: the first state entry points at
 * 0), epoch-second timestamps, details under `<type>EventDetails` with inputs and outputs as JSON text. The trace
 * has no state inputs, so neither has this history; error causes are written as AWS writes them (Python's
 * separators for Lambda functions called by ARN, compact for `lambda:invoke`).
 */
export function awsHistoryOf(c: TracedCase, startSeconds = 1_700_000_000): { events: AwsHistoryEvent[] } {
  // An execution failing with a Lambda function's error carries that error's text, separators included.
  const pythonCauses = c.history.some((e) => String(e.type).startsWith('LambdaFunction'));
  const events = c.history.map((entry, i): AwsHistoryEvent => {
    const type = String(entry.type);
    const details: Record<string, unknown> = {};
    for (const field of DETAIL_FIELDS) if (entry[field] !== undefined) details[field] = entry[field];
    if (entry.cause !== undefined)
      details.cause =
        typeof entry.cause === 'string'
          ? entry.cause
          : type.startsWith('LambdaFunction') || (type.startsWith('Execution') && pythonCauses)
            ? pythonJson(entry.cause)
            : JSON.stringify(entry.cause);
    if (entry.output !== undefined) {
      details.output = JSON.stringify(entry.output);
      details.outputDetails = { truncated: false };
    }
    if (entry.parameters !== undefined) details.parameters = JSON.stringify(entry.parameters);
    if (entry.assignedVariables !== undefined) details.assignedVariables = entry.assignedVariables;
    if (type === 'ExecutionStarted') {
      details.input = JSON.stringify(c.input);
      details.inputDetails = { truncated: false };
      details.roleArn = 'arn:aws:iam::111111111111:role/recorded';
    }
    const key = type.endsWith('StateEntered')
      ? 'stateEnteredEventDetails'
      : type.endsWith('StateExited')
        ? 'stateExitedEventDetails'
        : `${type[0]?.toLowerCase()}${type.slice(1)}EventDetails`;
    const previousEventId = i === 1 ? 0 : i;
    return {
      id: i + 1,
      previousEventId,
      timestamp: startSeconds,
      type,
      ...(Object.keys(details).length === 0 ? {} : { [key]: details }),
    } as AwsHistoryEvent;
  });
  return { events };
}
