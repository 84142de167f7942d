import type { JsonValue } from '@stepcraft/asl';
import { type Fiber, INTERRUPT, isInterrupt, verbatim } from './execution.js';
import type { Lane } from './history.js';
import { stopController } from './stop.js';
import { variableScope } from './variables.js';

/** Lifecycle callbacks of the children of a Parallel or Map (for history events). */
export interface FanOutHooks {
  started?(index: number, lane: Lane): void;
  succeeded?(index: number, lane: Lane): void;
  failed?(index: number, lane: Lane): void;
  aborted?(index: number, lane: Lane): void;
}

/** How many child failures a Map tolerates; undefined = none (the first failure propagates unchanged). */
export interface Tolerance {
  readonly count: number | undefined;
  readonly percentage: number | undefined;
}

/**
 * Runs `count` children (branches or iterations) with at most `concurrency` at a time, each in its own fiber and
 * variable scope (no parent scope when `isolated`, as in Distributed Map). Results keep input order. On the first
 * failure beyond the tolerance the others are aborted and awaited, then the failure is rethrown unchanged.
 */
export async function fanOut(
  fiber: Fiber,
  count: number,
  concurrency: number,
  isolated: boolean,
  body: (index: number, child: Fiber) => Promise<JsonValue>,
  hooks: FanOutHooks,
  tolerance?: Tolerance,
): Promise<JsonValue[]> {
  const results: JsonValue[] = new Array(count).fill(null);
  const controller = stopController(fiber.signal);
  let next = 0;
  let failures = 0;
  let failure: unknown;
  const tooMany = (): boolean => {
    if (tolerance === undefined) return true;
    if (tolerance.count !== undefined && failures > tolerance.count) return true;
    if (tolerance.percentage !== undefined && (failures / count) * 100 > tolerance.percentage) return true;
    return tolerance.count === undefined && tolerance.percentage === undefined;
  };
  const workerCount = Math.min(count, Math.max(1, concurrency));
  const concurrent = workerCount > 1 || fiber.concurrent === true;
  const worker = async (): Promise<void> => {
    while (!controller.stop.aborted && next < count) {
      const index = next++;
      const child: Fiber = {
        exec: fiber.exec,
        vars: variableScope(isolated ? undefined : fiber.vars),
        signal: controller.stop,
        lastEventId: fiber.lastEventId,
        silent: isolated || fiber.silent === true,
        concurrent,
      };
      hooks.started?.(index, child);
      try {
        results[index] = await body(index, child);
        hooks.succeeded?.(index, child);
      } catch (thrown) {
        if (isInterrupt(thrown)) {
          hooks.aborted?.(index, child);
          return;
        }
        hooks.failed?.(index, child);
        failures++;
        if (failure === undefined && tooMany()) {
          failure =
            tolerance === undefined
              ? thrown
              : verbatim(
                  'States.ExceedToleratedFailureThreshold',
                  'The specified tolerated failure threshold was exceeded',
                );
          controller.abort(INTERRUPT);
        }
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let i = 0; i < workerCount; i++) workers.push(worker());
  try {
    await Promise.all(workers);
  } finally {
    controller.release();
  }
  if (fiber.signal.aborted) throw fiber.signal.reason;
  if (failure !== undefined) throw failure;
  return results;
}
