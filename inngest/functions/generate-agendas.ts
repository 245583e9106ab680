import { jobFunction } from "./_job-function";

/** lib/jobs/generate-agendas.ts on its schedule (lib/jobs/registry.ts) and on "atende/jobs.generate-agendas.run". */
export const generateAgendasFunction = jobFunction("generate-agendas");
