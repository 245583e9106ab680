import { desc, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobRuns } from "@/db/schema/jobs";

/** The latest runs of each job, newest first (the Automação page). */
export async function lastRuns(db: Db, jobs: readonly string[], perJob = 5) {
  if (!jobs.length) return [];
  const ranked = db
    .select({
      id: jobRuns.id,
      job: jobRuns.job,
      trigger: jobRuns.trigger,
      status: jobRuns.status,
      startedAt: jobRuns.startedAt,
      finishedAt: jobRuns.finishedAt,
      considered: jobRuns.considered,
      sent: jobRuns.sent,
      failed: jobRuns.failed,
      skipped: jobRuns.skipped,
      errors: jobRuns.errors,
      rank: sql<number>`row_number() over (partition by ${jobRuns.job} order by ${jobRuns.startedAt} desc)`.as("rank"),
    })
    .from(jobRuns)
    .where(inArray(jobRuns.job, [...jobs]))
    .as("ranked");
  return db
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${perJob}`)
    .orderBy(desc(ranked.startedAt));
}
