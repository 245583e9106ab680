import { jobFunction } from "./_job-function";

/** lib/jobs/window-checks.ts on its schedule (lib/jobs/registry.ts) and on "atende/jobs.window-checks.run". */
export const windowChecksFunction = jobFunction("window-checks");
