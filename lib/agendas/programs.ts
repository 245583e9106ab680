import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageTemplates } from "@/db/schema/whatsapp";
import { campaigns, programs } from "@/db/schema/agendas";
import { UserError } from "@/lib/errors";
import type { CampaignInput, ProgramInput } from "./program-schema";

type Scope = { companyIds: string[] };

const programColumns = {
  id: programs.id,
  companyId: programs.companyId,
  campaignId: programs.campaignId,
  name: programs.name,
  cycleMonths: programs.cycleMonths,
  cycleKm: programs.cycleKm,
  contactDaysBefore: programs.contactDaysBefore,
  invitationTemplate: programs.invitationTemplate,
  confirmationTemplate: programs.confirmationTemplate,
  confirmDaysBefore: programs.confirmDaysBefore,
  noShowTemplate: programs.noShowTemplate,
  noShowToleranceMinutes: programs.noShowToleranceMinutes,
  noReplyDays: programs.noReplyDays,
  autoSend: programs.autoSend,
  active: programs.active,
};

const campaignColumns = {
  id: campaigns.id,
  companyId: campaigns.companyId,
  name: campaigns.name,
  active: campaigns.active,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
};

/** A company's programs with their campaign's name, active ones first. */
export function listPrograms(db: Db, companyId: string) {
  return db
    .select({ ...programColumns, campaignName: campaigns.name })
    .from(programs)
    .innerJoin(campaigns, eq(campaigns.id, programs.campaignId))
    .where(eq(programs.companyId, companyId))
    .orderBy(desc(programs.active), asc(programs.name));
}

/** A company's campaigns with how many programs use each, active ones first. */
export function listCampaigns(db: Db, companyId: string) {
  return db
    .select({ ...campaignColumns, programCount: sql<number>`count(${programs.id})::int` })
    .from(campaigns)
    .leftJoin(programs, eq(programs.campaignId, campaigns.id))
    .where(eq(campaigns.companyId, companyId))
    .groupBy(campaigns.id)
    .orderBy(desc(campaigns.active), asc(campaigns.name));
}

export async function getProgram(db: Db, scope: Scope, id: string) {
  if (!scope.companyIds.length) return null;
  const [row] = await db
    .select(programColumns)
    .from(programs)
    .where(and(eq(programs.id, id), inArray(programs.companyId, scope.companyIds)));
  return row ?? null;
}

export async function getCampaign(db: Db, scope: Scope, id: string) {
  if (!scope.companyIds.length) return null;
  const [row] = await db
    .select(campaignColumns)
    .from(campaigns)
    .where(and(eq(campaigns.id, id), inArray(campaigns.companyId, scope.companyIds)));
  return row ?? null;
}

/**
 * Creates or updates a program. The campaign must be one of the program's company, and an update
 * only touches the program when it belongs to that company (and the company is in scope).
 */
/** The company's approved WhatsApp templates: what a program's three dispatches may send (SPEC §4). */
export async function approvedTemplates(db: Db, companyId: string) {
  return db
    .selectDistinctOn([messageTemplates.name], { name: messageTemplates.name, body: messageTemplates.body })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.companyId, companyId), eq(messageTemplates.status, "APPROVED")))
    .orderBy(asc(messageTemplates.name));
}

const TEMPLATE_FIELDS = ["invitationTemplate", "confirmationTemplate", "noShowTemplate"] as const;

export async function saveProgram(db: Db, input: ProgramInput, scope: Scope) {
  if (!scope.companyIds.includes(input.companyId)) throw new UserError("forbidden");
  const [campaign] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.id, input.campaignId), eq(campaigns.companyId, input.companyId)));
  if (!campaign) throw new UserError("invalid_input", { campaignId: ["campaignRequired"] });
  // A name typed or kept that is no approved template of the company would fail every send of that dispatch.
  const approved = new Set((await approvedTemplates(db, input.companyId)).map((t) => t.name));
  const unknown = TEMPLATE_FIELDS.filter((field) => input[field] !== null && !approved.has(input[field]!));
  if (unknown.length) throw new UserError("invalid_input", Object.fromEntries(unknown.map((field) => [field, ["templateNotApproved"]])));

  const values = {
    campaignId: input.campaignId,
    name: input.name,
    cycleMonths: input.cycleMonths,
    cycleKm: input.cycleKm,
    contactDaysBefore: input.contactDaysBefore,
    invitationTemplate: input.invitationTemplate,
    confirmationTemplate: input.confirmationTemplate,
    confirmDaysBefore: input.confirmDaysBefore,
    noShowTemplate: input.noShowTemplate,
    noShowToleranceMinutes: input.noShowToleranceMinutes,
    noReplyDays: input.noReplyDays,
    autoSend: input.autoSend,
    active: input.active,
  };
  if (input.id) {
    const updated = await db
      .update(programs)
      .set(values)
      .where(
        and(eq(programs.id, input.id), eq(programs.companyId, input.companyId), inArray(programs.companyId, scope.companyIds)),
      )
      .returning({ id: programs.id });
    if (!updated.length) throw new UserError("not_found");
    return { id: input.id };
  }
  const [row] = await db
    .insert(programs)
    .values({ companyId: input.companyId, ...values })
    .returning({ id: programs.id });
  return { id: row.id };
}

export async function saveCampaign(db: Db, input: CampaignInput, scope: Scope) {
  if (!scope.companyIds.includes(input.companyId)) throw new UserError("forbidden");
  const values = { name: input.name, active: input.active, startsOn: input.startsOn, endsOn: input.endsOn };
  if (input.id) {
    const updated = await db
      .update(campaigns)
      .set(values)
      .where(
        and(eq(campaigns.id, input.id), eq(campaigns.companyId, input.companyId), inArray(campaigns.companyId, scope.companyIds)),
      )
      .returning({ id: campaigns.id });
    if (!updated.length) throw new UserError("not_found");
    return { id: input.id };
  }
  const [row] = await db
    .insert(campaigns)
    .values({ companyId: input.companyId, ...values })
    .returning({ id: campaigns.id });
  return { id: row.id };
}
