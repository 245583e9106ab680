import { and, eq, gte, lte, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, customers } from "@/db/schema/customers";
import { companies, queueMembers } from "@/db/schema/org";
import { scheduledActions } from "@/db/schema/scheduled-actions";
import { conversations, messageTemplates } from "@/db/schema/whatsapp";
import { normalizePhone } from "@/lib/customers/phone";
import { formatDateTime, zonedInstant } from "@/lib/dates";
import { UserError } from "@/lib/errors";
import { contactNumber } from "@/lib/whatsapp/reachability";
import { templateVariables } from "@/lib/whatsapp/template-text";
import { isWindowOpen } from "@/lib/whatsapp/window";
import type { ScheduledActionInput } from "./schema";

type Ctx = { userId: string; companyIds: string[]; now: Date };

/**
 * Half the spacing, in whole minutes: with 6, an action at 10:00 holds 09:57–10:03 and 09:56 and 10:04
 * are free (seed 002).
 */
export function spacingReach(spacingMinutes: number): number {
  return Math.floor(spacingMinutes / 2);
}

/**
 * Creates or edits a pending action. The spacing check and the write share one transaction that first
 * locks the company row, so two creations at once are serialised and cannot both pass.
 */
export async function saveScheduledAction(db: Db, input: ScheduledActionInput, ctx: Ctx): Promise<{ id: string }> {
  if (!ctx.companyIds.includes(input.companyId)) throw new UserError("forbidden");
  const companyId = input.companyId;
  const [company] = await db
    .select({ timeZone: companies.timeZone, spacing: companies.schedulingSpacingMinutes })
    .from(companies)
    .where(eq(companies.id, companyId));
  if (!company) throw new UserError("not_found");
  const at = zonedInstant(input.scheduledAt.slice(0, 10), input.scheduledAt.slice(11, 16), company.timeZone);
  if (at.getTime() <= ctx.now.getTime()) throw new UserError("invalid_input", { scheduledAt: ["dateTimeFuture"] });

  const target = await resolveContact(db, companyId, input);
  const [member] = await db
    .select({ userId: queueMembers.userId })
    .from(queueMembers)
    .where(and(eq(queueMembers.queueId, input.queueId), eq(queueMembers.userId, input.agentId)));
  if (!member) throw new UserError("invalid_input", { agentId: ["agentNotInQueue"] });

  const sendsMessage = input.kind !== "notificar";
  let templateId: string | null = null;
  let templateParams: string[] = [];
  if (sendsMessage && (input.message || input.templateId)) {
    const windowOpenAtRun = await windowOpenAt(db, companyId, target.phone, at);
    if (!windowOpenAtRun) {
      if (!input.templateId) throw new UserError("window_closed_template_required", { templateId: ["templateRequired"] });
      const [template] = await db
        .select({ body: messageTemplates.body })
        .from(messageTemplates)
        .where(and(eq(messageTemplates.id, input.templateId), eq(messageTemplates.companyId, companyId), eq(messageTemplates.status, "APPROVED")));
      if (!template) throw new UserError("invalid_input", { templateId: ["templateRequired"] });
      const count = templateVariables(template.body).length;
      templateParams = Array.from({ length: count }, (_, i) => input.templateParams[i] ?? "");
      if (templateParams.some((p) => !p)) throw new UserError("invalid_input", { templateParams: ["templateParamsRequired"] });
      templateId = input.templateId;
    }
  }

  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from companies where id = ${companyId} for update`);
    const reach = spacingReach(company.spacing) * 60_000;
    const [conflict] = await tx
      .select({ scheduledAt: scheduledActions.scheduledAt })
      .from(scheduledActions)
      .where(
        and(
          eq(scheduledActions.companyId, companyId),
          eq(scheduledActions.status, "pendente"),
          gte(scheduledActions.scheduledAt, new Date(at.getTime() - reach)),
          lte(scheduledActions.scheduledAt, new Date(at.getTime() + reach)),
          input.id ? ne(scheduledActions.id, input.id) : undefined,
        ),
      )
      .limit(1);
    if (conflict) {
      throw new UserError("scheduling_conflict", { scheduledAt: ["schedulingConflict"], conflictAt: [formatDateTime(conflict.scheduledAt, company.timeZone)] });
    }
    const values = {
      customerId: target.customerId,
      contactId: target.contactId,
      phone: target.phone,
      queueId: input.queueId,
      agentId: input.agentId,
      kind: input.kind,
      scheduledAt: at,
      message: sendsMessage ? input.message : "",
      templateId,
      templateParams,
      comment: input.comment,
      updatedAt: ctx.now,
    };
    if (input.id) {
      const [row] = await tx
        .update(scheduledActions)
        .set(values)
        .where(and(eq(scheduledActions.id, input.id), eq(scheduledActions.companyId, companyId), eq(scheduledActions.status, "pendente")))
        .returning({ id: scheduledActions.id });
      if (!row) throw new UserError("scheduled_action_closed");
      return row;
    }
    const [row] = await tx
      .insert(scheduledActions)
      .values({ ...values, companyId, createdBy: ctx.userId, createdAt: ctx.now })
      .returning({ id: scheduledActions.id });
    return row;
  });
}

/** One contact of the customer, or a typed number: an action is never for several people. */
async function resolveContact(db: Db, companyId: string, input: ScheduledActionInput) {
  if (input.customerId) {
    const [customer] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.id, input.customerId), eq(customers.companyId, companyId)));
    if (!customer) throw new UserError("not_found");
  }
  if (input.contactId) {
    const [contact] = await db
      .select({ id: contacts.id, customerId: contacts.customerId, whatsapp: contacts.whatsapp, mobile: contacts.mobile, mobileInvalid: contacts.mobileInvalid })
      .from(contacts)
      .innerJoin(customers, eq(customers.id, contacts.customerId))
      .where(and(eq(contacts.id, input.contactId), eq(customers.companyId, companyId)));
    if (!contact || (input.customerId && contact.customerId !== input.customerId)) throw new UserError("not_found");
    const phone = contactNumber(contact);
    if (!phone) throw new UserError("invalid_input", { contactId: ["contactNoNumber"] });
    return { customerId: contact.customerId, contactId: contact.id, phone };
  }
  const phone = normalizePhone(input.phone);
  if (!phone) throw new UserError("invalid_input", { phone: ["customerPhoneFormat"] });
  return { customerId: input.customerId ?? null, contactId: null, phone };
}

/** Whether the customer's 24 h window will still be open at `at` (a conversation on any of the company's numbers). */
async function windowOpenAt(db: Db, companyId: string, phone: string, at: Date): Promise<boolean> {
  const [row] = await db
    .select({ lastInboundAt: sql<Date | null>`max(${conversations.lastInboundAt})` })
    .from(conversations)
    .where(and(eq(conversations.companyId, companyId), eq(conversations.customerPhone, phone)));
  return isWindowOpen(row?.lastInboundAt ?? null, at);
}

/** Cancels a pending action of the user's companies; a done, failed or cancelled one stays as it is. */
export async function cancelScheduledAction(db: Db, id: string, ctx: Ctx): Promise<{ id: string }> {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const [row] = await db
    .update(scheduledActions)
    .set({ status: "cancelado", updatedAt: ctx.now })
    .where(and(eq(scheduledActions.id, id), sql`${scheduledActions.companyId} = any(${sql.param(ctx.companyIds)}::uuid[])`, eq(scheduledActions.status, "pendente")))
    .returning({ id: scheduledActions.id });
  if (!row) throw new UserError("scheduled_action_closed");
  return row;
}
