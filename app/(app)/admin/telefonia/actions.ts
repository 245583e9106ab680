"use server";

import { defineAction } from "@/lib/actions/define-action";
import { rotatePbxKey as rotatePbxKeyCommand } from "@/lib/phone/pbx-keys";
import { rotateKeySchema } from "@/lib/phone/schema";

// The key is in this one answer only; the database keeps its hash.
export const rotatePbxKey = defineAction({
  name: "rotatePbxKey",
  schema: rotateKeySchema,
  permission: "settings.manage",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => rotatePbxKeyCommand(db, { companyId: input.companyId, userId: ctx.userId, now: ctx.clock.now() }),
  revalidate: ["/admin/telefonia"],
});
