import type { Group, Impl, ImplPlan } from './case.js';

/** What the parent asks a child process to measure. */
export interface ChildRequest {
  readonly group: Exclude<Group, 'typecheck'>;
  readonly key: string;
  readonly plan: ImplPlan;
  /** Write a V8 CPU profile of the timed runs (only) to this path. */
  readonly profile?: string;
}

/** What a child reports back. */
export type ChildReport =
  | {
      readonly ok: true;
      readonly impl: Impl;
      readonly size: number;
      /** The size actually measured is smaller than the scenario's (the full size would exceed `capMs`). */
      readonly reduced: boolean;
      /** Estimated duration of one run at full size, from the probe (ms). */
      readonly fullSizeEstimateMs: number;
      readonly work: number;
      readonly warmups: number;
      /** Timed runs, ms each. */
      readonly samples: readonly number[];
      /** RSS after module load and a GC, just before the first run at the measured size. */
      readonly baselineRss: number;
      /** JS heap still used after a GC while one run's result (output, history) is alive, over the baseline. */
      readonly retainedHeap: number;
      /** Process RSS high-water mark (`getrusage` maxrss). */
      readonly peakRss: number;
      /** sha-1 of the canonical JSON of the result both implementations must agree on. */
      readonly digest: string;
      readonly facts: Readonly<Record<string, number | string>>;
    }
  | { readonly ok: false; readonly impl: Impl; readonly error: string };
