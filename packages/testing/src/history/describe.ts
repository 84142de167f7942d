import type { ExecutionView } from './view.js';
import type { StateVisit } from './visits.js';

const MAX_VISITS = 60;

/** `Process[2]/` for a visit inside a Map iteration or Parallel branch. */
function prefixOf(visit: StateVisit): string {
  return visit.path.map((s) => `${s.state}[${s.index}]/`).join('');
}

/** One visit as a step of the path: its name and, when it did not simply succeed, how it ended. */
function stepOf(visit: StateVisit): string {
  const retries = visit.retries.length === 0 ? '' : ` retried ${visit.retries.length}×`;
  const rule = visit.rule === undefined ? '' : visit.rule === 'Default' ? ' Default' : ` rule #${visit.rule}`;
  const ending =
    visit.status === 'succeeded'
      ? ''
      : visit.status === 'caught'
        ? ` caught ${visit.error ?? ''}`
        : visit.status === 'failed'
          ? ` failed ${visit.error ?? ''}`
          : ` ${visit.status}`;
  const detail = `${rule}${retries}${ending}`.trim();
  return `${prefixOf(visit)}${visit.state}${detail === '' ? '' : ` (${detail})`}`;
}

/**
 * The path an execution took, for failure messages: `ReceiveOrder → ProcessPayment (caught PaymentDeclined) → …`
 * and how it ended. Long runs show their first and last visits.
 */
export function describeRun(view: ExecutionView): string {
  const visits = view.visits;
  const shown =
    visits.length <= MAX_VISITS
      ? visits.map(stepOf)
      : [
          ...visits.slice(0, MAX_VISITS / 2).map(stepOf),
          `… ${visits.length - MAX_VISITS} more …`,
          ...visits.slice(-MAX_VISITS / 2).map(stepOf),
        ];
  const end =
    view.status === 'SUCCEEDED'
      ? 'SUCCEEDED'
      : `${view.status}${view.error === undefined ? '' : ` with ${view.error}`}${view.cause === undefined ? '' : `: ${view.cause}`}`;
  return `Path taken: ${shown.length === 0 ? '(no state entered)' : shown.join(' → ')}\nEnded: ${end}`;
}
