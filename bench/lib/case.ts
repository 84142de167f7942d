/** Who runs a workload: Stepcraft or the peer library it is compared with. */
export type Impl = 'stepcraft' | 'peer';

/** The benchmark groups. `typecheck` runs `tsc` processes from the parent; the others run in child processes. */
export type Group = 'runner' | 'compile' | 'validate' | 'typecheck';

/** How one implementation of a scenario is measured. */
export interface ImplPlan {
  readonly impl: Impl;
  /** The library and version, for the table. */
  readonly label: string;
  /** Candidate sizes, largest first; the child runs the largest whose estimated run fits `capMs`. */
  readonly sizes: readonly number[];
  /** A small size run first: JIT warm-up and the time estimate behind the choice of size. */
  readonly probe: number;
  /** Longest acceptable single run (estimated from the probe). */
  readonly capMs: number;
  /** Wall-time budget of the timed iterations (at least `minIterations` run regardless). */
  readonly budgetMs: number;
  readonly minIterations: number;
  /** Extra node flags (e.g. a larger stack for CDK's recursive graph walk). */
  readonly execArgv?: readonly string[];
}

/** One scenario of a group, measured for each implementation in its own child process. */
export interface ScenarioPlan {
  readonly group: Exclude<Group, 'typecheck'>;
  readonly key: string;
  readonly title: string;
  /** What one unit of `work` is: state transitions, or whole operations (a compile, a validation). */
  readonly unit: 'transitions' | 'ops';
  readonly impls: readonly ImplPlan[];
  /** Targets and notes printed under the table. */
  readonly target?: { readonly ratio: number; readonly note: string };
  readonly note?: string;
}

/** A prepared workload: `run` is what gets timed. */
export interface Job {
  /** Units of work in one run (transitions for the runner group, 1 for an op). */
  readonly work: number;
  /** Untimed preparation before each run (fresh inputs for code that mutates them, fresh CDK constructs…). */
  setup?(): unknown;
  /** The timed part; receives what `setup` returned. */
  run(prepared: unknown): unknown;
  /** The part of a run's result both implementations must agree on (compared across processes by digest). */
  comparable(result: unknown): unknown;
  /** `undefined` when the result is right, else what is wrong with it. */
  check(result: unknown): string | undefined;
  /** Extra facts about a result worth recording (history length…). */
  facts?(result: unknown): Promise<Readonly<Record<string, number | string>>>;
}

/** What a group module offers the child process. */
export interface GroupModule {
  prepare(key: string, impl: Impl, size: number): Promise<Job>;
}
