import { z } from 'zod';

/** A request to a flaky service; it answers `Flaky.Busy` to the first `busyTimes` attempts. */
export const Request = z.object({ requestId: z.string(), busyTimes: z.number().int().nonnegative() });
export type Request = z.infer<typeof Request>;

/** What the service receives: the request and the attempt number (from the `attempts` variable). */
export const Call = z.object({ requestId: z.string(), busyTimes: z.number(), attempt: z.number() });
export type Call = z.infer<typeof Call>;

export const Reply = z.object({ value: z.string(), attempt: z.number() });
export type Reply = z.infer<typeof Reply>;
