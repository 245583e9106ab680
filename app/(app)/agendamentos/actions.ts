"use server";

import { defineAction } from "@/lib/actions/define-action";
import { cancelScheduledAction, saveScheduledAction } from "@/lib/scheduled-actions/save";
import { scheduledActionIdSchema, scheduledActionSchema } from "@/lib/scheduled-actions/schema";

export const saveScheduled = defineAction({
  name: "saveScheduled",
  schema: scheduledActionSchema,
  permission: "scheduled_actions.create",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => saveScheduledAction(db, input, { userId: ctx.userId, companyIds: ctx.companyIds, now: ctx.clock.now() }),
  revalidate: ["/agendamentos"],
});

export const cancelScheduled = defineAction({
  name: "cancelScheduled",
  schema: scheduledActionIdSchema,
  permission: "scheduled_actions.create",
  run: (db, input, ctx) => cancelScheduledAction(db, input.id, { userId: ctx.userId, companyIds: ctx.companyIds, now: ctx.clock.now() }),
  revalidate: ["/agendamentos"],
});
