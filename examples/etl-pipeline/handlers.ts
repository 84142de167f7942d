import type { Extracted, RecordJob, Summary, Transformed } from './schemas.js';

/** Normalises one record; an empty value is a data error the Map reports. */
export async function transformRecord(job: RecordJob): Promise<Transformed> {
  const normalized = job.value.trim().toLowerCase();
  if (normalized === '') throw Object.assign(new Error(`Record ${job.id} is empty`), { name: 'EmptyRecord' });
  return { id: job.id, normalized, length: normalized.length };
}

/** Sums up the transformed records of the batch. */
export async function aggregate(batch: Extracted): Promise<Summary> {
  return {
    batchId: batch.batchId,
    count: batch.transformed.length,
    totalLength: batch.transformed.reduce((sum, record) => sum + record.length, 0),
  };
}
