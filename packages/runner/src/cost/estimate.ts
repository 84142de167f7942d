import { type AslDocument, EXPRESS_UNSUPPORTED, expressUnsupported } from '@stepcraft/asl';
import { RunnerUsageError } from '../errors.js';
import { PRICES, type PriceTable, type RegionPrices } from './prices.js';
import { type CostInput, measureUsage, type RunUsage, statesOf } from './usage.js';

/** Options of `estimateCost`. */
export interface CostOptions {
  /** The workflow's type (default `STANDARD`); both are estimated, this one is marked as yours. */
  readonly type?: 'STANDARD' | 'EXPRESS';
  /** Default `us-east-1`. */
  readonly region?: string;
  /** Executions per month: adds monthly totals (free tier and tiers applied) and which type is cheaper. */
  readonly perMonth?: number;
  /** Your own prices (default: `PRICES`, dated, with its source). */
  readonly prices?: PriceTable;
  /** The definition, when the input does not carry one (`run()`'s result does not; a run record does). */
  readonly definition?: AslDocument;
  /** The duration to bill instead of the run's (a local run's clock is simulated: handlers take no time). */
  readonly durationMs?: number;
}

/** What Express bills for one execution. */
export interface ExpressUsage {
  /** The duration rounded up to the next 100 ms. */
  readonly billedDurationMs: number;
  /** AWS's estimate: 50 MB + definition size + execution data size × Map/Parallel steps (1 MB = 10⁶ bytes). */
  readonly memoryMb: number;
  /** Memory in 64 MB chunks. */
  readonly billedMemoryMb: number;
  /** Billed duration × billed memory (1 GB = 1,024 MB). */
  readonly gbSeconds: number;
}

/** One workflow type's cost. */
export interface TypeCost {
  /** One execution, without free tier. */
  readonly perRun: number;
  /** `perMonth` executions, with the free tier and the duration tiers applied. */
  readonly perMonth?: number;
}

/** A cost estimate of one execution as Standard and as Express, side by side, in US dollars. */
export interface CostEstimate {
  readonly type: 'STANDARD' | 'EXPRESS';
  readonly region: string;
  readonly prices: { readonly source: string; readonly asOf: string };
  readonly usage: RunUsage & ExpressUsage;
  readonly runsPerMonth?: number;
  readonly standard: TypeCost & { readonly billableTransitionsPerMonth?: number };
  /** Absent when the price table has no Express price for the region. */
  readonly express?: TypeCost & {
    /** Why this workflow cannot run as Express (`.sync`, callbacks, activities, over five minutes). */
    readonly unavailable?: string;
  };
  /** The cheaper type for `perMonth` executions (or for one, without it). */
  readonly cheaper?: 'STANDARD' | 'EXPRESS';
  /** Executions per month from which Express costs less than Standard (none: Standard stays cheaper). */
  readonly breakEvenRunsPerMonth?: number;
  /** Assumptions the numbers rest on. */
  readonly notes: readonly string[];
}

const EXPRESS_MAX_MS = 5 * 60 * 1000;
const BASE_MEMORY_MB = 50;
const MEMORY_CHUNK_MB = 64;
const DURATION_STEP_MS = 100;

/**
 * Estimates what an execution costs as a Standard and as an Express workflow, from a local run (or an AWS history
 * with its definition). Standard bills state transitions: every state entered, plus every retry, over a free tier
 * of 4,000 a month; Express bills requests and GB-seconds (duration in 100 ms steps × memory in 64 MB chunks) in
 * monthly tiers. Pure: prices come from a dated table you may replace.
 * @example estimateCost(await run(compiled, input), { region: 'us-east-1', perMonth: 1_000_000 })
 * @see https://aws.amazon.com/step-functions/pricing/
 */
export function estimateCost(input: CostInput, options: CostOptions = {}): CostEstimate {
  const table = options.prices ?? PRICES;
  const region = options.region ?? 'us-east-1';
  const prices = Object.hasOwn(table.regions, region) ? table.regions[region] : undefined;
  if (prices === undefined) {
    throw new RunnerUsageError(
      `No prices for region '${region}' in the price table (${Object.keys(table.regions).join(', ')}); pass your own with { prices }`,
    );
  }
  const runs = options.perMonth;
  if (runs !== undefined && !(Number.isFinite(runs) && runs >= 0)) {
    throw new RunnerUsageError(`perMonth must be a non-negative number of executions, got ${String(runs)}`);
  }
  const durationMs = options.durationMs ?? input.stats.durationMs;
  if (!(Number.isFinite(durationMs) && durationMs >= 0)) {
    throw new RunnerUsageError(`durationMs must be a non-negative number, got ${String(durationMs)}`);
  }
  const definition = input.definition ?? options.definition;
  const measured = measureUsage({ ...input, stats: { ...input.stats, durationMs } }, definition);
  const usage = { ...measured, ...expressUsage(measured) };
  const standardCost = standardCostOf(prices.standard, usage.billedTransitions, runs);
  const expressCost = prices.express === undefined ? undefined : expressCostOf(prices.express, usage, runs);
  const unavailable = expressUnavailable(definition, usage.durationMs);
  const comparedAt = runs ?? 1;
  const expressTotal = expressCost === undefined ? undefined : (expressCost.perMonth ?? expressCost.perRun);
  const standardTotal = standardCost.perMonth ?? standardCost.perRun;
  return {
    type: options.type ?? 'STANDARD',
    region,
    prices: { source: table.source, asOf: table.asOf },
    usage,
    ...(runs === undefined ? {} : { runsPerMonth: runs }),
    standard: standardCost,
    ...(expressCost === undefined
      ? {}
      : { express: unavailable === undefined ? expressCost : { ...expressCost, unavailable } }),
    ...(expressTotal === undefined || comparedAt === 0
      ? {}
      : { cheaper: expressTotal < standardTotal ? 'EXPRESS' : 'STANDARD' }),
    ...breakEven(prices, usage),
    notes: notesOf(definition, prices),
  };
}

function expressUsage(usage: RunUsage): ExpressUsage {
  const billedDurationMs = Math.max(1, Math.ceil(usage.durationMs / DURATION_STEP_MS)) * DURATION_STEP_MS;
  const memoryMb =
    BASE_MEMORY_MB + (usage.definitionBytes + usage.largestPayloadBytes * usage.parallelSteps) / 1_000_000;
  const billedMemoryMb = Math.ceil(memoryMb / MEMORY_CHUNK_MB) * MEMORY_CHUNK_MB;
  return {
    billedDurationMs,
    memoryMb: round(memoryMb),
    billedMemoryMb,
    gbSeconds: round((billedDurationMs / 1000) * (billedMemoryMb / 1024)),
  };
}

function standardCostOf(
  prices: RegionPrices['standard'],
  transitions: number,
  runs: number | undefined,
): CostEstimate['standard'] {
  const perRun = round((transitions * prices.perThousandTransitions) / 1000);
  if (runs === undefined) return { perRun };
  const billable = Math.max(0, transitions * runs - prices.freeTransitionsPerMonth);
  return {
    perRun,
    perMonth: round((billable * prices.perThousandTransitions) / 1000),
    billableTransitionsPerMonth: billable,
  };
}

function expressCostOf(
  prices: NonNullable<RegionPrices['express']>,
  usage: ExpressUsage,
  runs: number | undefined,
): TypeCost {
  const gbHours = usage.gbSeconds / 3600;
  const perRun = round(prices.perMillionRequests / 1_000_000 + tiered(prices.durationTiers, gbHours));
  if (runs === undefined) return { perRun };
  return {
    perRun,
    perMonth: round(
      (runs * prices.perMillionRequests) / 1_000_000 + tiered(prices.durationTiers, runs * gbHours),
    ),
  };
}

/** The price of `gbHours` in a month, through the tiers in order. */
function tiered(tiers: NonNullable<RegionPrices['express']>['durationTiers'], gbHours: number): number {
  let cost = 0;
  let from = 0;
  for (const tier of tiers) {
    const upTo = tier.upToGbHours ?? Number.POSITIVE_INFINITY;
    if (gbHours > from) cost += (Math.min(gbHours, upTo) - from) * tier.perGbHour;
    from = upTo;
  }
  return cost;
}

/**
 * The monthly volume from which Express is cheaper. Standard minus Express is piecewise linear in the volume
 * (breaks where the free tier ends and where each duration tier ends) and zero at none; the break-even is where it
 * turns positive.
 */
function breakEven(prices: RegionPrices, usage: RunUsage & ExpressUsage): { breakEvenRunsPerMonth?: number } {
  const express = prices.express;
  if (express === undefined || usage.billedTransitions === 0) return {};
  const gbHours = usage.gbSeconds / 3600;
  const difference = (runs: number) =>
    (Math.max(0, usage.billedTransitions * runs - prices.standard.freeTransitionsPerMonth) *
      prices.standard.perThousandTransitions) /
      1000 -
    ((runs * express.perMillionRequests) / 1_000_000 + tiered(express.durationTiers, runs * gbHours));
  const breaks = [
    prices.standard.freeTransitionsPerMonth / usage.billedTransitions,
    ...express.durationTiers.flatMap((t) => (t.upToGbHours === undefined ? [] : [t.upToGbHours / gbHours])),
  ].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...breaks, Number.POSITIVE_INFINITY]) {
    const start = difference(from);
    const probe = to === Number.POSITIVE_INFINITY ? from + 1 : (from + to) / 2;
    const slope = (difference(probe) - start) / (probe - from);
    if (start >= 0 && from > 0) return { breakEvenRunsPerMonth: Math.ceil(from) };
    if (slope > 0) {
      const root = from + -start / slope;
      if (root <= to) return { breakEvenRunsPerMonth: Math.ceil(root) };
    }
    from = to;
  }
  return {};
}

function expressUnavailable(definition: AslDocument | undefined, durationMs: number): string | undefined {
  if (definition !== undefined) {
    for (const [name, state] of statesOf(definition)) {
      const resource =
        state.Type === 'Task' && typeof state.Resource === 'string' ? state.Resource : undefined;
      const unsupported = resource === undefined ? undefined : expressUnsupported(resource);
      if (unsupported !== undefined) return `"${name}" uses ${EXPRESS_UNSUPPORTED[unsupported]}`;
    }
  }
  return durationMs > EXPRESS_MAX_MS ? 'the run takes longer than Express allows (5 minutes)' : undefined;
}

function notesOf(definition: AslDocument | undefined, prices: RegionPrices): string[] {
  return [
    'Standard: each state entered and each retry is a billed transition; 4,000 free a month per account.',
    'Express: no free tier; the duration tiers and the free tier apply per account and month, assumed here for this workflow alone.',
    'Distributed Map child executions are billed as executions of their own and are not included.',
    'Service calls (Lambda, DynamoDB, …) and data transfer are billed by those services and are not included.',
    ...(definition === undefined
      ? ['No definition given: its size is left out of the Express memory estimate.']
      : []),
    ...(prices.express === undefined ? ['No Express price for this region in the table.'] : []),
  ];
}

// Money and sizes without binary floating-point noise (0.1 + 0.2).
function round(value: number): number {
  return Math.round(value * 1e12) / 1e12;
}
