import { jobFunction } from "./_job-function";

/** lib/jobs/dispatch-confirmations.ts on its schedule (lib/jobs/registry.ts) and on "atende/jobs.dispatch-confirmations.run". */
export const dispatchConfirmationsFunction = jobFunction("dispatch-confirmations");
