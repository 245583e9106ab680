import { batchSize, type JobOptions, type JobReport } from "./types";

/** Batches of one run processed at once: the next is fetched and worked on while one waits on the database. */
export const BATCHES_IN_FLIGHT = 2;

/**
 * Walks a job's candidates in id order, batch by batch (the cursor is the last id seen, so rows a batch
 * changes never shift the next one), counting each as considered and stopping at the run's limit.
 * Up to `inFlight` batches are processed concurrently; they never share a candidate.
 */
export async function eachBatch<T extends { id: string }>(
  opts: JobOptions,
  report: JobReport,
  fetch: (cursor: string | null, size: number) => Promise<T[]>,
  work: (batch: T[]) => Promise<void>,
  inFlight = BATCHES_IN_FLIGHT,
) {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let cursor: string | null = null;
  try {
    while (!failure) {
      const size = batchSize(opts, report);
      if (size <= 0) break;
      const batch = await fetch(cursor, size);
      if (!batch.length) break;
      cursor = batch[batch.length - 1].id;
      report.considered += batch.length;
      const task: Promise<void> = work(batch)
        .catch((error) => void (failure ??= { error }))
        .finally(() => running.delete(task));
      running.add(task);
      if (running.size >= inFlight) await Promise.race(running);
    }
  } finally {
    // Never leave a batch running behind the caller's back, even when a fetch failed.
    await Promise.all(running);
  }
  if (failure) throw (failure as { error: unknown }).error;
}
