import type { GraphLayout } from './layout/graph-layout.js';
import type { ViewedRun } from './record/run-record.js';

/** A problem the dev loop found, shown above the run. */
export interface DevProblem {
  readonly kind: 'type' | 'validation' | 'load' | 'input' | 'run';
  /** One or more lines, e.g. `workflow.ts:3:7: … [TS2322]`. */
  readonly message: string;
}

/** One fixture run of the dev loop, as a link in the page's run bar. */
export interface DevRunLink {
  readonly label: string;
  readonly href: string;
  readonly status: ViewedRun['status'];
  readonly isCurrent: boolean;
}

/** What `stepcraft dev` adds to the page: the other runs, the problems, and where reload notices come from. */
export interface DevContext {
  /** URL of the server-sent events stream; a `reload` event reloads the page. */
  readonly events: string;
  readonly runs: readonly DevRunLink[];
  readonly problems: readonly DevProblem[];
  /** Which build this page shows (counts saves), and when the page shows a run from an older build. */
  readonly build: number;
  readonly isStale: boolean;
}

/** The JSON the HTML embeds for its script: the run (if any), its graph's layout, and the dev loop's context. */
export interface PageData {
  readonly run?: ViewedRun;
  readonly layout?: GraphLayout;
  readonly dev?: DevContext;
}
