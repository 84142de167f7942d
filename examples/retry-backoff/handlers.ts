import type { Call, Reply } from './schemas.js';

/** A service that is busy for the first `busyTimes` attempts. */
export async function callService(call: Call): Promise<Reply> {
  if (call.attempt < call.busyTimes) {
    throw Object.assign(new Error(`Busy on attempt ${call.attempt}`), { name: 'Flaky.Busy' });
  }
  return { value: `ok-${call.requestId}`, attempt: call.attempt };
}
