"use server";

import { defineAction } from "@/lib/actions/define-action";
import { UserError } from "@/lib/errors";
import { whatsappEnv } from "@/lib/env";
import { getGateway } from "@/lib/whatsapp/provider";
import { syncTemplatesSchema, templateSchema, templateStatusSchema } from "@/lib/whatsapp/template-schema";
import {
  saveTemplate as saveTemplateCommand,
  setTemplateStatus as setTemplateStatusCommand,
  syncTemplates as syncTemplatesCommand,
} from "@/lib/whatsapp/templates-admin";

/** With the cloud provider the templates are Meta's: they are synced, never edited here. */
function requireSandbox() {
  if (whatsappEnv().provider !== "sandbox") throw new UserError("templates_read_only");
}

export const saveTemplate = defineAction({
  name: "saveTemplate",
  schema: templateSchema,
  permission: "templates.manage",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => {
    requireSandbox();
    return saveTemplateCommand(db, input, { companyIds: ctx.companyIds, now: ctx.clock.now() });
  },
  revalidate: ["/admin/templates"],
});

// The template's company is checked inside the command, in the update's where clause.
export const setTemplateStatus = defineAction({
  name: "setTemplateStatus",
  schema: templateStatusSchema,
  permission: "templates.manage",
  run: (db, input, ctx) => {
    requireSandbox();
    return setTemplateStatusCommand(db, input, { companyIds: ctx.companyIds, now: ctx.clock.now() });
  },
  revalidate: ["/admin/templates"],
});

export const syncTemplates = defineAction({
  name: "syncTemplates",
  schema: syncTemplatesSchema,
  permission: "templates.manage",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => {
    if (whatsappEnv().provider !== "cloud") throw new UserError("templates_sync_sandbox");
    return syncTemplatesCommand(db, getGateway(), input, { companyIds: ctx.companyIds, now: ctx.clock.now() });
  },
  revalidate: ["/admin/templates"],
});
