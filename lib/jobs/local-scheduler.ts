import { and, eq, gt, gte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { jobRuns } from "@/db/schema/jobs";
import type { WhatsappGateway } from "@/lib/whatsapp/gateway";
import { JOBS, type JobDefinition, type JobKey } from "./registry";
import { nextRunAt } from "./schedule";
import { errorText } from "./types";

export type LocalSchedulerDeps = {
  db: Db;
  /** "pglite": the embedded database has one owner process, whose schedulers share one in-memory guard. */
  kind: "postgres" | "pglite";
  gateway: () => WhatsappGateway;
  clock?: () => Date;
  jobs?: readonly JobDefinition[];
  log?: (line: string) => void;
};

export type TickOutcome = { job: JobKey; outcome: "ran" | "skipped_running" | "skipped_done" | "failed"; runId?: string };

// The embedded database has one owner process, so its guard is the process's: every scheduler of the
// process shares it. On Postgres each scheduler keeps its own and the advisory lock spans the instances.
const processGuard = ((globalThis as { __atendeJobsRunning?: Set<string> }).__atendeJobsRunning ??= new Set());

// A "running" row older than this is a run whose process died: it no longer blocks the job.
const STALE_RUN_MS = 60 * 60_000;

/**
 * Claims one scheduled tick of a job, once across every instance: under the job's lock (held only for
 * the claim, so no connection waits on a run), a cron run that started at or after the tick means another
 * instance took it, and a run still going means "one at a time" skips it (as Inngest's singleton does).
 * The claim is the run's job_runs row; the job itself is the one Inngest runs.
 */
async function claimTick(db: Db, job: JobDefinition, tickAt: Date, now: Date): Promise<{ runId: string } | TickOutcome> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`atende-job:${job.key}`}))`);
    const [taken] = await tx
      .select({ id: jobRuns.id })
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job.key), eq(jobRuns.trigger, "cron"), gte(jobRuns.startedAt, tickAt)))
      .limit(1);
    if (taken) return { job: job.key, outcome: "skipped_done" };
    const [going] = await tx
      .select({ id: jobRuns.id })
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job.key), eq(jobRuns.status, "running"), gt(jobRuns.startedAt, new Date(now.getTime() - STALE_RUN_MS))))
      .limit(1);
    if (going) return { job: job.key, outcome: "skipped_running" };
    const [run] = await tx
      .insert(jobRuns)
      .values({ job: job.key, trigger: "cron", status: "running", startedAt: now })
      .returning({ id: jobRuns.id });
    return { runId: run.id };
  });
}

export async function runScheduledTick(
  deps: LocalSchedulerDeps,
  runningHere: Set<string>,
  job: JobDefinition,
  tickAt: Date,
  now: Date,
): Promise<TickOutcome> {
  if (runningHere.has(job.key)) return { job: job.key, outcome: "skipped_running" };
  runningHere.add(job.key);
  try {
    const claim = await claimTick(deps.db, job, tickAt, now);
    if (!("runId" in claim)) return claim;
    const report = await job.run({ db: deps.db, gateway: deps.gateway() }, { now, trigger: "cron", runId: claim.runId });
    return { job: job.key, outcome: "ran", runId: report.runId };
  } catch (error) {
    deps.log?.(`[jobs] ${job.key} falhou: ${errorText(error)}`);
    return { job: job.key, outcome: "failed" };
  } finally {
    runningHere.delete(job.key);
  }
}

/**
 * The in-process scheduler for deployments without an Inngest server: each job fires at its cron time
 * (in the job's zone). A timer sleeps until the earliest due job — at most a minute, so a clock change or
 * a sleeping laptop only delays a run — and a tick that was missed runs once, not once per missed time.
 */
export function createLocalScheduler(deps: LocalSchedulerDeps) {
  const clock = deps.clock ?? (() => new Date());
  const jobs = deps.jobs ?? JOBS;
  const start = clock();
  const due = new Map(jobs.map((job) => [job.key, nextRunAt(job, start)]));
  const inFlight = new Set<Promise<unknown>>();
  const running = deps.kind === "pglite" ? processGuard : new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = true;

  /** Starts every job due at `now`; resolves when those runs end. */
  async function runDue(now = clock()): Promise<TickOutcome[]> {
    const ticks = jobs.filter((job) => due.get(job.key)!.getTime() <= now.getTime());
    const runs = ticks.map((job) => {
      const tickAt = due.get(job.key)!;
      due.set(job.key, nextRunAt(job, now));
      const promise = runScheduledTick(deps, running, job, tickAt, now);
      inFlight.add(promise);
      void promise.finally(() => inFlight.delete(promise));
      return promise;
    });
    return Promise.all(runs);
  }

  function arm() {
    if (stopped) return;
    const soonest = Math.min(...[...due.values()].map((d) => d.getTime()));
    const wait = Math.min(60_000, Math.max(0, soonest - clock().getTime()));
    timer = setTimeout(() => {
      void runDue();
      arm();
    }, wait);
    timer.unref?.();
  }

  return {
    runDue,
    nextRuns: () => new Map(due),
    start() {
      if (!stopped) return;
      stopped = false;
      arm();
    },
    /** Stops the timer and waits for the runs in progress (SIGTERM). */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}

export type LocalScheduler = ReturnType<typeof createLocalScheduler>;
