import { z } from 'zod';

/** A batch to load: one Glue job run per day partition. */
export const Batch = z.object({
  batchId: z.string(),
  source: z.string(),
  partitions: z.array(z.object({ day: z.string(), prefix: z.string() })),
});
export type Batch = z.infer<typeof Batch>;

/** One partition with what its Glue run reported (picked from the JobRun the `.sync` task returns). */
export const PartitionRun = z.object({
  batchId: z.string(),
  day: z.string(),
  prefix: z.string(),
  run: z.object({ runId: z.string(), state: z.string(), seconds: z.number().optional() }),
});
export type PartitionRun = z.infer<typeof PartitionRun>;

export const Loaded = Batch.extend({ runs: z.array(PartitionRun) });
export type Loaded = z.infer<typeof Loaded>;

export const Summary = z.object({ batchId: z.string(), partitions: z.number(), glueSeconds: z.number() });
export type Summary = z.infer<typeof Summary>;
