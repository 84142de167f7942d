import type { Impl, ImplPlan, Job, ScenarioPlan } from '../lib/case.js';
import { canonicalJson } from '../lib/stats.js';
import { stepcraftRunner } from '../lib/stepcraft.js';
import {
  type AslWorkload,
  increment,
  inlineMap,
  jsonataExpressions,
  jsonPathQueries,
  mathLoop,
  ok,
  okChain,
  parallelChains,
  parallelRuns,
  passChain,
  taskChain,
} from './runner-asl.js';

const WORKLOADS: Readonly<Record<string, (size: number) => AslWorkload>> = {
  'pass-chain': passChain,
  'pass-chain-10k': passChain,
  'choice-loop': mathLoop,
  'inline-map': inlineMap,
  parallel: parallelRuns,
  'parallel-chains': parallelChains,
  'task-chain': taskChain,
  'task-ok': okChain,
  'task-floor': okChain,
  'million-transitions': mathLoop,
  'jsonpath-queries': jsonPathQueries,
  'jsonata-expressions': jsonataExpressions,
};

/** A peer run estimated (from the probe) over a minute is measured on a smaller size instead (labelled †). */
const PEER_CAP_MS = 60_000;
/** Above this many transitions the peer's queued events are not read back (see `facts`). */
const PEER_COUNT_LIMIT = 50_000;

const stepcraft = (size: number, probe: number, budgetMs = 3_000, minIterations = 5): ImplPlan => ({
  impl: 'stepcraft',
  label: '@stepcraft/runner',
  sizes: [size],
  probe,
  capMs: Number.POSITIVE_INFINITY,
  budgetMs,
  minIterations,
});

const peer = (sizes: readonly number[], probe: number): ImplPlan => ({
  impl: 'peer',
  label: 'aws-local-stepfunctions 3.0.0',
  sizes,
  probe,
  capMs: PEER_CAP_MS,
  budgetMs: 6_000,
  minIterations: 3,
});

const TARGET = { ratio: 20, note: 'runner ≥ 20× aws-local-stepfunctions transitions/s' };

/** The plain-JS lower bound of a Task chain, measured where the peer usually is. */
const floor = (sizes: readonly number[], probe: number): ImplPlan => ({
  impl: 'peer',
  label: 'plain-JS lower bound',
  sizes,
  probe,
  capMs: PEER_CAP_MS,
  budgetMs: 3_000,
  minIterations: 5,
});

/** The runner scenarios; `quick` shrinks every size for a smoke run. */
export function runnerPlans(quick: boolean): ScenarioPlan[] {
  const q = (full: number, small: number) => (quick ? small : full);
  const both = (
    key: string,
    title: string,
    size: number,
    peerSizes: number[],
    probe: number,
  ): ScenarioPlan => ({
    group: 'runner',
    key,
    title,
    unit: 'transitions',
    impls: [stepcraft(size, probe), peer(peerSizes, probe)],
    target: TARGET,
  });
  return [
    both('pass-chain', `Pass chain ×${q(1000, 100)}`, q(1000, 100), [q(1000, 100)], q(100, 10)),
    both(
      'pass-chain-10k',
      `Pass chain ×${q(10_000, 300)}`,
      q(10_000, 300),
      quick ? [300] : [10_000, 1_000],
      q(1_000, 30),
    ),
    both(
      'choice-loop',
      `Choice/Pass loop ×${q(100_000, 1_000)} (MathAdd)`,
      q(100_000, 1_000),
      quick ? [1_000] : [100_000, 10_000, 1_000],
      q(1_000, 100),
    ),
    both(
      'inline-map',
      `Inline Map ×${q(10_000, 100)} items, 3-state processor`,
      q(10_000, 100),
      quick ? [100] : [10_000, 1_000, 100],
      q(100, 10),
    ),
    both(
      'parallel',
      `Parallel ×10 branches, ${q(1000, 10)} executions`,
      q(1000, 10),
      quick ? [10] : [1000, 100],
      q(10, 2),
    ),
    both(
      'parallel-chains',
      `Parallel ×10 branches of ${q(100, 10)} Pass states (Parameters + ResultPath)`,
      q(100, 10),
      [q(100, 10)],
      q(10, 2),
    ),
    both(
      'task-chain',
      `Task chain ×${q(1000, 100)}, local handlers`,
      q(1000, 100),
      quick ? [100] : [1000, 100],
      q(100, 10),
    ),
    both(
      'task-ok',
      `Task chain ×${q(1000, 100)}, handler returns { ok: true }`,
      q(1000, 100),
      quick ? [100] : [1000, 100],
      q(100, 10),
    ),
    both(
      'jsonpath-queries',
      `JSONPath queries ×${q(1000, 100)} (filter, slice, wildcard, intrinsic)`,
      q(1000, 100),
      quick ? [100] : [1000, 100],
      q(100, 10),
    ),
    {
      group: 'runner',
      key: 'task-floor',
      title: `Task chain ×${q(1000, 100)}, { ok: true }, against its plain-JS lower bound (in the peer columns: await the handler, copy input and result, record the five events)`,
      unit: 'transitions',
      impls: [stepcraft(q(1000, 100), q(100, 10)), floor([q(1000, 100)], q(100, 10))],
      target: { ratio: 0.34, note: 'Task within 3× of the plain-JS lower bound (0.34× = within 2.94×)' },
    },
    {
      group: 'runner',
      key: 'jsonata-expressions',
      title: `JSONata Pass chain ×${q(1000, 100)} (sum, filter, join, regex)`,
      unit: 'transitions',
      impls: [stepcraft(q(1000, 100), q(100, 10))],
      note: 'Stepcraft only: aws-local-stepfunctions 3.0.0 has no JSONata.',
    },
    {
      group: 'runner',
      key: 'million-transitions',
      title: `Choice/Pass loop ×${q(500_000, 5_000)} = ${q(1_000_002, 10_002).toLocaleString('en-US')} transitions, full history`,
      unit: 'transitions',
      impls: [stepcraft(q(500_000, 5_000), q(1_000, 100), 1, quick ? 2 : 3)],
      note: 'target: peak RSS < 500 MB with full history (Stepcraft only)',
    },
  ];
}

/** Builds the timed job: one `run` = the workload's executions, history recorded. */
export async function prepare(key: string, impl: Impl, size: number): Promise<Job> {
  const factory = WORKLOADS[key];
  if (factory === undefined) throw new Error(`Unknown runner scenario ${key}`);
  const workload = factory(size);
  if (impl === 'stepcraft') return stepcraftJob(workload);
  return key === 'task-floor' ? floorJob(workload) : peerJob(workload);
}

const expectOutput = (output: unknown, workload: AslWorkload): string | undefined => {
  const got = canonicalJson(output);
  const want = canonicalJson(workload.expected);
  return got === want ? undefined : `output ${got.slice(0, 200)} ≠ expected ${want.slice(0, 200)}`;
};

async function stepcraftJob(workload: AslWorkload): Promise<Job> {
  const { run } = await stepcraftRunner();
  const options = {
    handlers: { Work: increment, Ok: ok },
    maxHistoryEvents: Number.MAX_SAFE_INTEGER,
    maxTransitions: Number.MAX_SAFE_INTEGER,
    // The 10,000-state chain is over AWS's 1 MB definition quota, which validation (untimed: first run only,
    // then cached) reports; these rows measure the interpreter, as the peer's do (noValidate).
    validate: false,
  };
  const definition = workload.definition as never;
  const input = workload.input as never;
  type Result = Awaited<ReturnType<typeof run>>;
  return {
    work: workload.transitions,
    async run() {
      let last: Result | undefined;
      for (let i = 0; i < workload.executions; i++) last = await run(definition, input, options);
      return last;
    },
    comparable: (result) => (result as Result).output,
    check(result) {
      const r = result as Result;
      if (r.status !== 'SUCCEEDED') return `status ${r.status}: ${r.error} ${r.cause?.slice(0, 300)}`;
      if (r.history.length === 0) return 'no history recorded';
      return expectOutput(r.output, workload);
    },
    facts: async (result) => {
      const r = result as Result;
      return { historyEvents: r.history.length, countedTransitions: r.stats.transitions };
    },
  };
}

async function peerJob(workload: AslWorkload): Promise<Job> {
  const { polyfillWithResolvers } = await import('../lib/polyfill.js');
  polyfillWithResolvers();
  const { StateMachine } = await import('aws-local-stepfunctions');
  // Validated once here by neither side's timer: the peer validates in its constructor, which is not timed; its
  // asl-validator pass is skipped because it takes seconds on 10,000 states and is measured in the validate group.
  const machine = new StateMachine(workload.definition as never, { validationOptions: { noValidate: true } });
  const handler = workload.handler ?? increment;
  const taskResourceLocalHandlers = Object.fromEntries(workload.taskStates.map((name) => [name, handler]));
  const options = { overrides: { taskResourceLocalHandlers } };
  type Execution = ReturnType<typeof machine.run>;
  interface Result {
    readonly output: unknown;
    readonly execution: Execution;
  }
  return {
    work: workload.transitions,
    async run() {
      let last: Result | undefined;
      for (let i = 0; i < workload.executions; i++) {
        const execution = machine.run(workload.input as never, options as never);
        last = { output: await execution.result, execution };
      }
      return last;
    },
    comparable: (result) => (result as Result).output,
    check: (result) => expectOutput((result as Result).output, workload),
    facts: async (result) => {
      // The peer queues every event of the run (its history); reading them back counts them, outside the timer.
      // Its reader `shift()`s a plain array, quadratic in the event count: big runs are not counted.
      if (workload.transitions > PEER_COUNT_LIMIT) return { historyEvents: 'not counted' };
      let historyEvents = 0;
      for await (const _ of (result as Result).execution.eventLogs) historyEvents++;
      return { historyEvents };
    },
  };
}

/**
 * The least any local runner must do for a chain of Tasks: per task, copy the input, await the handler, copy its
 * result, and record the five history events a Task state writes (entered, scheduled, started, succeeded, exited).
 */
async function floorJob(workload: AslWorkload): Promise<Job> {
  const handler = workload.handler ?? increment;
  interface Result {
    readonly output: unknown;
    readonly history: readonly unknown[];
  }
  return {
    work: workload.transitions,
    async run() {
      let data: unknown = workload.input;
      const history: unknown[] = [];
      let id = 0;
      for (const name of workload.taskStates) {
        history.push({ id: ++id, type: 'TaskStateEntered', name, value: data });
        history.push({ id: ++id, type: 'LambdaFunctionScheduled', value: data });
        history.push({ id: ++id, type: 'LambdaFunctionStarted' });
        const result = copy(await handler(copy(data)));
        history.push({ id: ++id, type: 'LambdaFunctionSucceeded', value: result });
        history.push({ id: ++id, type: 'TaskStateExited', name, value: result });
        data = result;
      }
      return { output: data, history } satisfies Result;
    },
    comparable: (result) => (result as Result).output,
    check: (result) => expectOutput((result as Result).output, workload),
  };
}

/** A plain deep copy of JSON data. */
function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key]);
  return out;
}
