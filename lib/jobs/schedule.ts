import { Cron } from "croner";
import type { JobDefinition } from "./registry";

/** The registry's crons carry their zone as Inngest wants it ("TZ=America/Sao_Paulo 0 5 * * *"). */
export function cronOf(job: Pick<JobDefinition, "cron">): { pattern: string; timezone: string } {
  const match = /^TZ=(\S+)\s+(.+)$/.exec(job.cron);
  if (!match) throw new Error(`cron without a time zone: ${job.cron}`);
  return { timezone: match[1], pattern: match[2] };
}

/** The first scheduled time strictly after `from`, in the job's zone. */
export function nextRunAt(job: Pick<JobDefinition, "cron">, from: Date): Date {
  const { pattern, timezone } = cronOf(job);
  const next = new Cron(pattern, { timezone, paused: true }).nextRun(from);
  if (!next) throw new Error(`cron never fires: ${job.cron}`);
  return next;
}

export type SchedulerMode = "inngest" | "local" | "off";

/**
 * Who fires the crons. With an Inngest server configured (dev server or Cloud), Inngest does; otherwise
 * this process does, so `npm run dev` on the embedded database runs its automation by itself.
 * SCHEDULER=off turns the local one off (the browser suite drives the jobs itself).
 */
export function schedulerMode(env: Record<string, string | undefined>): SchedulerMode {
  if (env.INNGEST_DEV || env.INNGEST_BASE_URL || env.INNGEST_SIGNING_KEY) return "inngest";
  if (env.SCHEDULER === "off") return "off";
  return "local";
}
