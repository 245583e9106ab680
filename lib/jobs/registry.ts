import * as dispatchConfirmations from "./dispatch-confirmations";
import * as dispatchInvitations from "./dispatch-invitations";
import * as eventsCleanup from "./events-cleanup";
import * as generateAgendas from "./generate-agendas";
import * as noShowSweep from "./no-show-sweep";
import * as scheduledActions from "./run-scheduled-actions";
import type { JobDeps, JobOptions, JobReport } from "./types";
import * as windowChecks from "./window-checks";

export type JobKey = "generate-agendas" | "dispatch-invitations" | "dispatch-confirmations" | "no-show-sweep" | "window-checks" | "events-cleanup" | "scheduled-actions";

export type JobDefinition = {
  key: JobKey;
  /** Inngest cron, in São Paulo time. The pt-BR label lives in messages (`jobs.<key>`). */
  cron: `TZ=America/Sao_Paulo ${string}`;
  /** The event that runs it now through Inngest ("atende/jobs.<key>.run"). */
  event: `atende/jobs.${JobKey}.run`;
  run: (deps: JobDeps, opts: JobOptions) => Promise<JobReport & { runId: string }>;
};

/** Every scheduled job (SPEC §3.5), in the order the Automação page lists them. */
export const JOBS: readonly JobDefinition[] = [
  { key: "generate-agendas", cron: "TZ=America/Sao_Paulo 0 5 * * *", event: "atende/jobs.generate-agendas.run", run: generateAgendas.run },
  { key: "dispatch-invitations", cron: "TZ=America/Sao_Paulo */5 * * * *", event: "atende/jobs.dispatch-invitations.run", run: dispatchInvitations.run },
  { key: "dispatch-confirmations", cron: "TZ=America/Sao_Paulo */15 * * * *", event: "atende/jobs.dispatch-confirmations.run", run: dispatchConfirmations.run },
  { key: "no-show-sweep", cron: "TZ=America/Sao_Paulo */10 * * * *", event: "atende/jobs.no-show-sweep.run", run: noShowSweep.run },
  { key: "window-checks", cron: "TZ=America/Sao_Paulo */15 * * * *", event: "atende/jobs.window-checks.run", run: windowChecks.run },
  { key: "events-cleanup", cron: "TZ=America/Sao_Paulo 30 3 * * *", event: "atende/jobs.events-cleanup.run", run: eventsCleanup.run },
  { key: "scheduled-actions", cron: "TZ=America/Sao_Paulo * * * * *", event: "atende/jobs.scheduled-actions.run", run: scheduledActions.run },
];

export const JOB_KEYS = JOBS.map((j) => j.key);

export function isJobKey(value: string): value is JobKey {
  return (JOB_KEYS as string[]).includes(value);
}

export function getJob(key: JobKey): JobDefinition {
  const job = JOBS.find((j) => j.key === key);
  if (!job) throw new Error(`unknown job ${key}`);
  return job;
}
