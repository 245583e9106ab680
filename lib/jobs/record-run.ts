import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobRuns } from "@/db/schema/jobs";
import { emit } from "@/lib/events/emit";
import { emptyReport, errorText, type JobOptions, type JobReport } from "./types";

/**
 * Records a job run in job_runs: a "running" row first (or the one the caller claimed), then the counts and "succeeded" — or, when the
 * work throws, the counts so far and "failed" (the error is rethrown so Inngest retries the step).
 * The report is handed to the work so partial counts survive a failure.
 */
export async function recordRun(
  db: Db,
  job: string,
  opts: JobOptions,
  work: (report: JobReport) => Promise<void>,
): Promise<JobReport & { runId: string }> {
  // Automação shows the run as it starts and as it ends (job_run.changed: every company's screens).
  const changed = (jobRunId: string) => ({ type: "job_run.changed" as const, audience: { companyId: null }, payload: { jobRunId, job } });
  const [run] = await db.transaction(async (tx) => {
    const rows = opts.runId
      ? [{ id: opts.runId }]
      : await tx
          .insert(jobRuns)
          .values({ job, trigger: opts.trigger, status: "running", startedAt: opts.now, triggeredBy: opts.triggeredBy ?? null })
          .returning({ id: jobRuns.id });
    await emit(tx, changed(rows[0].id));
    return rows;
  });
  const report = emptyReport();
  const finish = (status: "succeeded" | "failed") =>
    db.transaction(async (tx) => {
      await tx
        .update(jobRuns)
        .set({
          status,
          // Wall-clock end of the run: `now` is the job's logical time, fixed in tests.
          finishedAt: new Date(Math.max(Date.now(), opts.now.getTime())),
          considered: report.considered,
          sent: report.sent,
          failed: report.failed,
          skipped: report.skipped,
          errors: report.errors,
        })
        .where(eq(jobRuns.id, run.id));
      await emit(tx, changed(run.id));
    });
  try {
    await work(report);
  } catch (error) {
    report.errors.push(`abortado: ${errorText(error)}`.slice(0, 500));
    await finish("failed");
    throw error;
  }
  await finish("succeeded");
  return { ...report, runId: run.id };
}
