import { jobFunction } from "./_job-function";

/** lib/jobs/dispatch-invitations.ts on its schedule (lib/jobs/registry.ts) and on "atende/jobs.dispatch-invitations.run". */
export const dispatchInvitationsFunction = jobFunction("dispatch-invitations");
