"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { getJob, JOB_KEYS, type JobKey } from "@/lib/jobs/registry";
import { getGateway } from "@/lib/whatsapp/provider";

// "Executar agora" calls the job directly, so it works with no Inngest server. Jobs span the whole
// deployment (every company's due work), like their scheduled runs.
export const runJobNow = defineAction({
  name: "runJobNow",
  schema: z.object({ job: z.enum(JOB_KEYS as [JobKey, ...JobKey[]]) }),
  permission: "dashboard.view",
  async run(db, input, ctx) {
    const report = await getJob(input.job).run({ db, gateway: getGateway() }, { now: ctx.clock.now(), trigger: "manual", triggeredBy: ctx.userId });
    return { considered: report.considered, sent: report.sent, failed: report.failed };
  },
  revalidate: ["/automacao", "/atendimento"],
});
