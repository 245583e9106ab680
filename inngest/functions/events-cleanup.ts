import { jobFunction } from "./_job-function";

/** lib/jobs/events-cleanup.ts on its schedule (lib/jobs/registry.ts) and on "atende/jobs.events-cleanup.run". */
export const eventsCleanupFunction = jobFunction("events-cleanup");
