import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { contacts, customers } from "@/db/schema/customers";
import { queueMembers, queues, users } from "@/db/schema/org";
import { scheduledActions, type SCHEDULED_ACTION_STATUSES } from "@/db/schema/scheduled-actions";
import { messageTemplates } from "@/db/schema/whatsapp";
import { contactNumber } from "@/lib/whatsapp/reachability";

type Filters = { status?: (typeof SCHEDULED_ACTION_STATUSES)[number]; from?: Date; to?: Date; agentId?: string };

const agent = alias(users, "agent");

/** The company's scheduled actions, soonest first for pending ones and newest first otherwise (at most 200). */
export async function listScheduledActions(db: Db, companyId: string, f: Filters) {
  return db
    .select({
      id: scheduledActions.id,
      kind: scheduledActions.kind,
      status: scheduledActions.status,
      failure: scheduledActions.failure,
      scheduledAt: scheduledActions.scheduledAt,
      executedAt: scheduledActions.executedAt,
      lateMinutes: scheduledActions.lateMinutes,
      phone: scheduledActions.phone,
      message: scheduledActions.message,
      comment: scheduledActions.comment,
      ticketId: scheduledActions.ticketId,
      customerId: scheduledActions.customerId,
      contactId: scheduledActions.contactId,
      queueId: scheduledActions.queueId,
      agentId: scheduledActions.agentId,
      templateId: scheduledActions.templateId,
      templateParams: scheduledActions.templateParams,
      customerName: customers.name,
      queueName: queues.name,
      agentName: agent.name,
    })
    .from(scheduledActions)
    .innerJoin(queues, eq(queues.id, scheduledActions.queueId))
    .innerJoin(agent, eq(agent.id, scheduledActions.agentId))
    .leftJoin(customers, eq(customers.id, scheduledActions.customerId))
    .where(
      and(
        eq(scheduledActions.companyId, companyId),
        f.status ? eq(scheduledActions.status, f.status) : undefined,
        f.from ? gte(scheduledActions.scheduledAt, f.from) : undefined,
        f.to ? lt(scheduledActions.scheduledAt, f.to) : undefined,
        f.agentId ? eq(scheduledActions.agentId, f.agentId) : undefined,
      ),
    )
    .orderBy(f.status === "pendente" ? asc(scheduledActions.scheduledAt) : desc(scheduledActions.scheduledAt))
    .limit(200);
}

export type ScheduledActionRow = Awaited<ReturnType<typeof listScheduledActions>>[number];

/** What the Novo agendamento form chooses from: customers with their reachable contacts, queues with members, approved templates. */
export async function scheduledActionOptions(db: Db, companyId: string) {
  const [customerRows, contactRows, queueRows, memberRows, templates] = await Promise.all([
    db.select({ id: customers.id, name: customers.name }).from(customers).where(eq(customers.companyId, companyId)).orderBy(asc(customers.name)).limit(500),
    db
      .select({ id: contacts.id, customerId: contacts.customerId, name: contacts.name, whatsapp: contacts.whatsapp, mobile: contacts.mobile, mobileInvalid: contacts.mobileInvalid })
      .from(contacts)
      .innerJoin(customers, eq(customers.id, contacts.customerId))
      .where(eq(customers.companyId, companyId)),
    db.select({ id: queues.id, name: queues.name }).from(queues).where(eq(queues.companyId, companyId)).orderBy(asc(queues.name)),
    db
      .select({ queueId: queueMembers.queueId, id: users.id, name: users.name })
      .from(queueMembers)
      .innerJoin(users, eq(users.id, queueMembers.userId))
      .innerJoin(queues, eq(queues.id, queueMembers.queueId))
      .where(and(eq(queues.companyId, companyId), eq(users.active, true)))
      .orderBy(asc(users.name)),
    db
      .select({ id: messageTemplates.id, name: messageTemplates.name, body: messageTemplates.body })
      .from(messageTemplates)
      .where(and(eq(messageTemplates.companyId, companyId), eq(messageTemplates.status, "APPROVED")))
      .orderBy(asc(messageTemplates.name)),
  ]);
  const contactList = contactRows
    .map((c) => ({ id: c.id, customerId: c.customerId, name: c.name, phone: contactNumber(c) }))
    .filter((c): c is typeof c & { phone: string } => c.phone !== null);
  return { customers: customerRows, contacts: contactList, queues: queueRows, members: memberRows, templates };
}

export type ScheduledActionOptions = Awaited<ReturnType<typeof scheduledActionOptions>>;
