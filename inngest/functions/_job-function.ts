import { cron } from "inngest";
import { getDb } from "@/db/index";
import { inngest } from "@/inngest/client";
import { getJob, type JobKey } from "@/lib/jobs/registry";
import { getGateway } from "@/lib/whatsapp/provider";

/**
 * The Inngest function of a job (DESIGN "Jobs (Inngest)"): its cron (São Paulo time) and its
 * "run now" event; singleton skip, so a tick that finds the previous run still going does nothing.
 * The work is one step, so a retry after a crash reruns the (idempotent) job.
 */
export function jobFunction(key: JobKey) {
  const job = getJob(key);
  return inngest.createFunction(
    { id: `job-${key}`, name: key, triggers: [cron(job.cron), { event: job.event }], singleton: { mode: "skip" } },
    async ({ step, event }) =>
      step.run(key, async () => {
        const trigger = event.name === job.event ? "event" : "cron";
        const { runId, ...report } = await job.run({ db: getDb(), gateway: getGateway() }, { now: new Date(), trigger });
        return { runId, ...report };
      }),
  );
}
