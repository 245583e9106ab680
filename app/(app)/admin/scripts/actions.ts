"use server";

import { defineAction } from "@/lib/actions/define-action";
import { saveScriptSchema } from "@/lib/phone/schema";
import { saveScript as saveScriptCommand } from "@/lib/phone/scripts";

// Every save is a new version; the ticket reports keep pointing at the version that ran.
export const saveScript = defineAction({
  name: "saveScript",
  schema: saveScriptSchema,
  permission: "settings.manage",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => saveScriptCommand(db, input, { userId: ctx.userId, now: ctx.clock.now() }),
  revalidate: ["/admin/scripts"],
});
