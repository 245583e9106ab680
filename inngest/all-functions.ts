import type { InngestFunction } from "inngest";
import { dispatchConfirmationsFunction } from "./functions/dispatch-confirmations";
import { dispatchInvitationsFunction } from "./functions/dispatch-invitations";
import { eventsCleanupFunction } from "./functions/events-cleanup";
import { generateAgendasFunction } from "./functions/generate-agendas";
import { noShowSweepFunction } from "./functions/no-show-sweep";
import { scheduledActionsFunction } from "./functions/scheduled-actions";
import { windowChecksFunction } from "./functions/window-checks";

/** Every Inngest function served at /api/inngest; the automation issue adds the jobs here. */
export const functions: InngestFunction.Any[] = [
  generateAgendasFunction,
  dispatchInvitationsFunction,
  dispatchConfirmationsFunction,
  noShowSweepFunction,
  windowChecksFunction,
  eventsCleanupFunction,
  scheduledActionsFunction,
];
