/**
 * One benchmark measurement in a fresh process (so one scenario's garbage and JIT state never touch another's):
 * probe at a small size, pick the size, verify the output, warm up, time, report over IPC.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import type { GroupModule, Job } from './lib/case.js';
import type { ChildReport, ChildRequest } from './lib/protocol.js';
import { canonicalJson } from './lib/stats.js';

const GROUPS: Readonly<Record<ChildRequest['group'], () => Promise<GroupModule>>> = {
  runner: () => import('./cases/runner.js'),
  compile: () => import('./cases/compile.js'),
  validate: () => import('./cases/validate.js'),
};

/** Warm-up runs continue until this much time was spent (the first, verified run always counts). */
const WARMUP_MS = 300;
const MAX_WARMUPS = 20;
const MAX_ITERATIONS = 50;

const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function timed(job: Job): Promise<{ ms: number; result: unknown }> {
  const prepared = job.setup?.();
  const start = performance.now();
  const result = await job.run(prepared);
  return { ms: performance.now() - start, result };
}

async function measure(request: ChildRequest): Promise<ChildReport> {
  const { plan } = request;
  const group = await GROUPS[request.group]();
  const full = plan.sizes[0] ?? plan.probe;

  const probeJob = await group.prepare(request.key, plan.impl, plan.probe);
  const probe = await timed(probeJob);
  const probeError = probeJob.check(probe.result);
  if (probeError !== undefined) throw new Error(`wrong result at size ${plan.probe}: ${probeError}`);
  probe.result = undefined;
  // A second, warmer probe run: the first one pays for JIT compilation and would overstate the estimate.
  const probeMs = Math.min(probe.ms, (await timed(probeJob)).ms);
  const estimate = (size: number) => (probeMs * size) / plan.probe;
  const size =
    plan.sizes.find((s) => estimate(s) <= plan.capMs) ?? plan.sizes[plan.sizes.length - 1] ?? plan.probe;

  const job = size === plan.probe ? probeJob : await group.prepare(request.key, plan.impl, size);
  collect();
  const { rss: baselineRss, heapUsed: baselineHeap } = process.memoryUsage();
  const first = await timed(job);
  const error = job.check(first.result);
  if (error !== undefined) throw new Error(`wrong result at size ${size}: ${error}`);
  const digest = createHash('sha1')
    .update(canonicalJson(job.comparable(first.result)))
    .digest('hex');
  collect();
  // Heap still in use while the run's result (output and history) is alive, over the pre-run baseline.
  const retainedHeap = Math.max(0, process.memoryUsage().heapUsed - baselineHeap);
  const facts = (await job.facts?.(first.result)) ?? {};
  first.result = undefined;

  let warmups = 1;
  let warmMs = first.ms;
  while (warmMs < WARMUP_MS && warmups < MAX_WARMUPS) {
    warmMs += (await timed(job)).ms;
    warmups++;
  }

  const profiler = request.profile === undefined ? undefined : await startProfiler();
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < plan.minIterations || (spent < plan.budgetMs && samples.length < MAX_ITERATIONS)) {
    collect();
    const { ms } = await timed(job);
    samples.push(ms);
    spent += ms;
  }
  if (profiler !== undefined && request.profile !== undefined) await stopProfiler(profiler, request.profile);
  return {
    ok: true,
    impl: plan.impl,
    size,
    reduced: size !== full,
    fullSizeEstimateMs: estimate(full),
    work: job.work,
    warmups,
    samples,
    baselineRss,
    retainedHeap,
    peakRss: process.resourceUsage().maxRSS * 1024,
    digest,
    facts,
  };
}

/** The same V8 sampler as `node --cpu-prof`, but started and stopped around the timed runs only. */
async function startProfiler(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return session;
}

async function stopProfiler(session: Session, file: string): Promise<void> {
  const { profile } = await session.post('Profiler.stop');
  await writeFile(file, JSON.stringify(profile));
  session.disconnect();
}

const request = JSON.parse(process.argv[2] ?? '{}') as ChildRequest;
const send = (report: ChildReport) =>
  new Promise<void>((resolve) => {
    if (process.send === undefined) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
      resolve();
    } else process.send(report, () => resolve());
  });
try {
  await send(await measure(request));
} catch (e) {
  await send({
    ok: false,
    impl: request.plan.impl,
    error: e instanceof Error ? (e.stack ?? e.message) : String(e),
  });
}
process.disconnect?.();
