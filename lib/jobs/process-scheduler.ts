import type { DbHandle } from "@/db/client";
import { getGateway } from "@/lib/whatsapp/provider";
import { createLocalScheduler, type LocalScheduler } from "./local-scheduler";
import { JOBS, type JobDefinition } from "./registry";
import { schedulerMode } from "./schedule";

// One per process: Next bundles instrumentation and the production server (server.ts) separately.
const slot = globalThis as unknown as { __atendeScheduler?: LocalScheduler };

/** Starts this process's scheduler when no Inngest server drives the crons (instrumentation.ts). */
export function startProcessScheduler(handle: DbHandle) {
  const mode = schedulerMode(process.env);
  const says = {
    inngest: "os jobs agendados rodam pelo Inngest (servidor configurado); o agendador local fica desligado",
    off: "agendador local desligado (SCHEDULER=off): os jobs rodam só por \"Executar agora\" ou pelo Inngest",
    local: "os jobs agendados rodam neste processo (agendador local, horário de São Paulo)",
  }[mode];
  console.log(`[jobs] ${says}`);
  if (mode !== "local" || slot.__atendeScheduler) return;
  slot.__atendeScheduler = createLocalScheduler({
    db: handle.db,
    kind: handle.kind,
    jobs: scheduledJobs(process.env),
    gateway: getGateway,
    log: (line) => console.error(line),
  });
  slot.__atendeScheduler.start();
}

/** SIGTERM: no new runs, and the ones in progress finish (server.ts waits for this). */
export async function stopProcessScheduler() {
  await slot.__atendeScheduler?.stop();
}

/**
 * The jobs this process schedules. For the browser test of the scheduler only: SCHEDULER_JOBS narrows
 * them (comma-separated keys) and SCHEDULER_TEST_CRON gives them a faster cron (seconds allowed), so a
 * test need not wait five minutes for a tick.
 */
export function scheduledJobs(env: Record<string, string | undefined>): readonly JobDefinition[] {
  const only = env.SCHEDULER_JOBS?.split(",").map((key) => key.trim()).filter(Boolean);
  const jobs = only?.length ? JOBS.filter((job) => only.includes(job.key)) : JOBS;
  const cron = env.SCHEDULER_TEST_CRON?.trim();
  return cron ? jobs.map((job) => ({ ...job, cron: `TZ=America/Sao_Paulo ${cron}` as const })) : jobs;
}
