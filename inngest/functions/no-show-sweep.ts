import { jobFunction } from "./_job-function";

/** lib/jobs/no-show-sweep.ts on its schedule (lib/jobs/registry.ts) and on "atende/jobs.no-show-sweep.run". */
export const noShowSweepFunction = jobFunction("no-show-sweep");
