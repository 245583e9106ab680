import { jobFunction } from "./_job-function";

/** lib/jobs/run-scheduled-actions.ts on its schedule (lib/jobs/registry.ts) and on "atende/jobs.scheduled-actions.run". */
export const scheduledActionsFunction = jobFunction("scheduled-actions");
