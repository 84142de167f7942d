import { z } from 'zod';

export const Batch = z.object({
  batchId: z.string(),
  source: z.string(),
  records: z.array(z.object({ id: z.string(), value: z.string() })),
});
export type Batch = z.infer<typeof Batch>;

/** One record as the transform step sees it: the item plus its position and batch. */
export const RecordJob = z.object({
  batchId: z.string(),
  index: z.number(),
  id: z.string(),
  value: z.string(),
});
export type RecordJob = z.infer<typeof RecordJob>;

export const Transformed = z.object({ id: z.string(), normalized: z.string(), length: z.number() });
export type Transformed = z.infer<typeof Transformed>;

export const Summary = z.object({ batchId: z.string(), count: z.number(), totalLength: z.number() });
export type Summary = z.infer<typeof Summary>;

export const Extracted = Batch.extend({ transformed: z.array(Transformed) });
export type Extracted = z.infer<typeof Extracted>;
