"use server";

import { defineAction } from "@/lib/actions/define-action";
import { campaignSchema, programSchema } from "@/lib/agendas/program-schema";
import { saveCampaign as saveCampaignCommand, saveProgram as saveProgramCommand } from "@/lib/agendas/programs";

export const saveProgram = defineAction({
  name: "saveProgram",
  schema: programSchema,
  permission: "programs.manage",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => saveProgramCommand(db, input, ctx),
  revalidate: ["/admin/programs"],
});

export const saveCampaign = defineAction({
  name: "saveCampaign",
  schema: campaignSchema,
  permission: "programs.manage",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => saveCampaignCommand(db, input, ctx),
  revalidate: ["/admin/programs"],
});
