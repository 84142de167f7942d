import type { AslDocument } from '@stepcraft/asl';
import { catcherFor, catchersOf, retrierFor, retriersOf } from '../definition/errors.js';
import { statesOf } from '../definition/states.js';
import type { ExecutionView } from '../history/view.js';

/** What coverage counts. */
export type CoverageKind = 'state' | 'transition' | 'choice' | 'retry' | 'catch';

/** The kinds in table order. */
export const COVERAGE_KINDS: readonly CoverageKind[] = ['state', 'transition', 'choice', 'retry', 'catch'];

/** One thing a test run can exercise: a state, a transition, a Choice rule, a retrier, a catcher. */
export interface CoverageItem {
  /** Stable identity across runs and processes. */
  readonly id: string;
  readonly kind: CoverageKind;
  readonly state: string;
  /** Human-readable: `CheckInventory → OrderCompleted`, `Route rule #1 → Ship`, `Pay Retry #0 [Lambda.…]`. */
  readonly label: string;
}

const idOf = (kind: CoverageKind, state: string, detail?: string | number): string =>
  JSON.stringify(detail === undefined ? [kind, state] : [kind, state, detail]);

const errorsLabel = (errors: unknown): string => (Array.isArray(errors) ? `[${errors.join(', ')}]` : '[]');

/** Everything coverage counts in a definition (nested states included), in definition order. */
export function coverageItems(definition: AslDocument): readonly CoverageItem[] {
  const items: CoverageItem[] = [];
  const transitions: CoverageItem[] = [];
  const seen = new Set<string>();
  const transition = (from: string, to: unknown): void => {
    if (typeof to !== 'string') return;
    const id = idOf('transition', from, to);
    if (seen.has(id)) return;
    seen.add(id);
    transitions.push({ id, kind: 'transition', state: from, label: `${from} → ${to}` });
  };
  const states = [...statesOf(definition).values()];
  for (const { name, state } of states) {
    items.push({ id: idOf('state', name), kind: 'state', state: name, label: name });
    if (state.Type === 'Choice') {
      (Array.isArray(state.Choices) ? state.Choices : []).forEach((rule, i) => {
        transition(name, rule.Next);
        items.push({
          id: idOf('choice', name, i),
          kind: 'choice',
          state: name,
          label: `${name} rule #${i} → ${rule.Next}`,
        });
      });
      if (typeof state.Default === 'string') {
        transition(name, state.Default);
        items.push({
          id: idOf('choice', name, 'Default'),
          kind: 'choice',
          state: name,
          label: `${name} Default → ${state.Default}`,
        });
      }
    } else if ('Next' in state) {
      transition(name, state.Next);
    }
    retriersOf(state).forEach((retrier, i) => {
      items.push({
        id: idOf('retry', name, i),
        kind: 'retry',
        state: name,
        label: `${name} Retry #${i} ${errorsLabel(retrier.ErrorEquals)}`,
      });
    });
    catchersOf(state).forEach((catcher, i) => {
      transition(name, catcher.Next);
      items.push({
        id: idOf('catch', name, i),
        kind: 'catch',
        state: name,
        label: `${name} Catch #${i} ${errorsLabel(catcher.ErrorEquals)} → ${catcher.Next}`,
      });
    });
  }
  return [...items, ...transitions];
}

/** The ids of the items a run exercised. */
export function coveredIds(definition: AslDocument, view: ExecutionView): ReadonlySet<string> {
  const states = statesOf(definition);
  const covered = new Set<string>();
  for (const visit of view.visits) {
    covered.add(idOf('state', visit.state));
    if (visit.next !== undefined) covered.add(idOf('transition', visit.state, visit.next));
    if (visit.rule !== undefined) covered.add(idOf('choice', visit.state, visit.rule));
    const state = states.get(visit.state)?.state;
    if (state === undefined) continue;
    for (const retry of visit.retries) {
      const index = retrierFor(state, retry.error);
      if (index >= 0) covered.add(idOf('retry', visit.state, index));
    }
    if (visit.status === 'caught' && visit.error !== undefined) {
      const index = catcherFor(state, visit.error, visit.next);
      if (index >= 0) covered.add(idOf('catch', visit.state, index));
    }
  }
  return covered;
}
