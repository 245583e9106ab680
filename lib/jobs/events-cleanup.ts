import { sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows-of";
import { recordRun } from "./record-run";
import { batchSize, type JobDeps, type JobOptions } from "./types";

export const JOB = "events-cleanup";
/** Screens replay at most this far back (a reconnecting stream); older events are only noise. */
export const EVENTS_KEPT_HOURS = 48;

/** Deletes domain events older than 48 hours, in batches, so the table stays a short replay log. */
export async function run(deps: JobDeps, opts: JobOptions) {
  return recordRun(deps.db, JOB, opts, async (report) => {
    const cutoff = new Date(opts.now.getTime() - EVENTS_KEPT_HOURS * 3_600_000).toISOString();
    for (;;) {
      const size = batchSize(opts, report);
      if (size <= 0) break;
      const rows = await deps.db.execute<{ seq: string }>(sql`
        delete from events where seq in (
          select seq from events where at < ${cutoff}::timestamptz order by seq limit ${size}
        ) returning seq`);
      const n = rowsOf(rows).length;
      report.considered += n;
      report.changed += n;
      if (n < size) break;
    }
  });
}
