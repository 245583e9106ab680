import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Db, type DbHandle } from "@/db/client";
import { jobRuns } from "@/db/schema/jobs";
import { createSandboxProvider } from "@/lib/whatsapp/sandbox-provider";
import { createTestDb, type TestDb } from "@/test/db";
import { createLocalScheduler } from "./local-scheduler";
import { scheduledJobs } from "./process-scheduler";
import { JOBS, type JobKey } from "./registry";
import { nextRunAt, schedulerMode } from "./schedule";

/** São Paulo is UTC−3 all year (no daylight saving since 2019). */
const sp = (local: string) => new Date(`${local}-03:00`);

let t: TestDb;
let second: DbHandle | undefined;
beforeAll(async () => {
  t = await createTestDb();
  if (t.url) second = openPostgres(t.url, 4);
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

const kind = (): "postgres" | "pglite" => (t.url ? "postgres" : "pglite");
const gateway = createSandboxProvider();

async function cronRuns(db: Db, job: JobKey) {
  return db
    .select({ id: jobRuns.id, startedAt: jobRuns.startedAt, status: jobRuns.status })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.trigger, "cron")));
}

describe("the jobs' schedule", () => {
  it("fires each job at its cron time in America/Sao_Paulo", () => {
    const from = sp("2026-12-03T07:58:30");
    const next = Object.fromEntries(JOBS.map((job) => [job.key, nextRunAt(job, from).toISOString()]));
    expect(next).toEqual({
      "generate-agendas": "2026-12-04T08:00:00.000Z", // 05:00 in São Paulo, the next day
      "dispatch-invitations": "2026-12-03T11:00:00.000Z", // 08:00, every 5 minutes
      "dispatch-confirmations": "2026-12-03T11:00:00.000Z",
      "no-show-sweep": "2026-12-03T11:00:00.000Z",
      "window-checks": "2026-12-03T11:00:00.000Z",
      "events-cleanup": "2026-12-04T06:30:00.000Z", // 03:30 in São Paulo
      "scheduled-actions": "2026-12-03T10:59:00.000Z", // every minute
    });
    expect(nextRunAt(JOBS[1], sp("2026-12-03T08:00:00")).toISOString()).toBe("2026-12-03T11:05:00.000Z");
  });

  it("is driven by Inngest when an Inngest server is configured, by this process otherwise, and SCHEDULER=off stops it", () => {
    expect(schedulerMode({})).toBe("local");
    expect(schedulerMode({ INNGEST_DEV: "1" })).toBe("inngest");
    expect(schedulerMode({ INNGEST_BASE_URL: "http://inngest:8288" })).toBe("inngest");
    expect(schedulerMode({ INNGEST_SIGNING_KEY: "signkey-prod-x" })).toBe("inngest");
    expect(schedulerMode({ INNGEST_DEV: "1", SCHEDULER: "off" })).toBe("inngest");
    expect(schedulerMode({ SCHEDULER: "off" })).toBe("off");
  });
});

describe("the local scheduler", () => {
  it("runs the registry's jobs when they come due, with cron job_runs rows, and a missed tick once", async () => {
    let now = sp("2026-12-03T07:58:30");
    const scheduler = createLocalScheduler({ db: t.db, kind: kind(), gateway: () => gateway, clock: () => now });

    now = sp("2026-12-03T07:59:59");
    // Only the every-minute job (scheduled actions) came due at 07:59.
    expect((await scheduler.runDue()).map((r) => [r.job, r.outcome])).toEqual([["scheduled-actions", "ran"]]);

    now = sp("2026-12-03T08:00:02");
    const ran = await scheduler.runDue();
    expect(ran.map((r) => [r.job, r.outcome]).sort()).toEqual([
      ["dispatch-confirmations", "ran"],
      ["dispatch-invitations", "ran"],
      ["no-show-sweep", "ran"],
      ["scheduled-actions", "ran"],
      ["window-checks", "ran"],
    ]);
    const [invitations] = await cronRuns(t.db, "dispatch-invitations");
    expect(invitations).toMatchObject({ status: "succeeded", startedAt: now });
    expect(await cronRuns(t.db, "generate-agendas")).toEqual([]);

    // The laptop slept from 08:01 to 08:31: six invitation ticks were missed, the job runs once.
    now = sp("2026-12-03T08:31:00");
    const after = await scheduler.runDue();
    expect(after.filter((r) => r.job === "dispatch-invitations")).toHaveLength(1);
    expect(await cronRuns(t.db, "dispatch-invitations")).toHaveLength(2);
    expect(scheduler.nextRuns().get("dispatch-invitations")!.toISOString()).toBe("2026-12-03T11:35:00.000Z");
  });

  it("two schedulers on one database run a due job once", async () => {
    let now = sp("2026-12-05T04:59:00");
    const clock = () => now;
    const a = createLocalScheduler({ db: t.db, kind: kind(), gateway: () => gateway, clock });
    const b = createLocalScheduler({ db: second?.db ?? t.db, kind: kind(), gateway: () => gateway, clock });
    const before = (await cronRuns(t.db, "generate-agendas")).length;

    now = sp("2026-12-05T05:00:01");
    const outcomes = (await Promise.all([a.runDue(), b.runDue()])).flat().filter((r) => r.job === "generate-agendas");
    expect(outcomes).toHaveLength(2);
    expect(outcomes.filter((r) => r.outcome === "ran")).toHaveLength(1);
    expect(outcomes.filter((r) => r.outcome.startsWith("skipped_"))).toHaveLength(1);
    expect(await cronRuns(t.db, "generate-agendas")).toHaveLength(before + 1);
  });
});

describe("the jobs a process schedules", () => {
  it("are the registry's, narrowed and sped up only when the browser test asks", () => {
    expect(scheduledJobs({}).map((j) => j.cron)).toEqual(JOBS.map((j) => j.cron));
    const narrowed = scheduledJobs({ SCHEDULER_JOBS: "dispatch-invitations", SCHEDULER_TEST_CRON: "*/5 * * * * *" });
    expect(narrowed.map((j) => [j.key, j.cron])).toEqual([["dispatch-invitations", "TZ=America/Sao_Paulo */5 * * * * *"]]);
    expect(nextRunAt(narrowed[0], new Date("2026-12-03T11:00:01Z")).toISOString()).toBe("2026-12-03T11:00:05.000Z");
  });
});
