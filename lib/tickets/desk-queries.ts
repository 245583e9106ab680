import { aliasedTable, and, asc, desc, eq, gte, ilike, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers } from "@/db/schema/customers";
import { companies, queueMembers, queues, users } from "@/db/schema/org";
import { conversations, messages, messageTemplates, senderNumbers } from "@/db/schema/whatsapp";
import { contactReasons, tickets } from "@/db/schema/tickets";

const agent = aliasedTable(users, "agent");
const author = aliasedTable(users, "author");

const ticketColumns = {
  id: tickets.id,
  protocol: tickets.protocol,
  status: tickets.status,
  openedAt: tickets.openedAt,
  lastMessageAt: tickets.lastMessageAt,
  agentReadAt: tickets.agentReadAt,
  conversationId: tickets.conversationId,
  customerPhone: conversations.customerPhone,
  contactName: conversations.contactName,
  customerName: customers.name,
  queueName: queues.name,
};

/** "Minhas conversas": the agent's open tickets, in order of arrival, with an unread flag. */
export async function myOpenTickets(db: Db, userId: string, companyIds: string[]) {
  if (!companyIds.length) return [];
  const rows = await db
    .select(ticketColumns)
    .from(tickets)
    .innerJoin(conversations, eq(conversations.id, tickets.conversationId))
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(queues, eq(queues.id, tickets.queueId))
    .where(and(eq(tickets.agentId, userId), eq(tickets.status, "em_atendimento"), inArray(tickets.companyId, companyIds)))
    .orderBy(asc(tickets.openedAt));
  return rows.map((r) => ({ ...r, unread: !!r.lastMessageAt && (!r.agentReadAt || r.lastMessageAt > r.agentReadAt) }));
}

/** Waiting tickets of the queues the agent answers. */
export async function waitingTickets(db: Db, userId: string, companyIds: string[]) {
  if (!companyIds.length) return [];
  const myQueues = db.select({ id: queueMembers.queueId }).from(queueMembers).where(eq(queueMembers.userId, userId));
  return db
    .select(ticketColumns)
    .from(tickets)
    .innerJoin(conversations, eq(conversations.id, tickets.conversationId))
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(queues, eq(queues.id, tickets.queueId))
    .where(and(eq(tickets.status, "aguardando"), inArray(tickets.companyId, companyIds), inArray(tickets.queueId, myQueues)))
    .orderBy(asc(tickets.openedAt));
}

/** A ticket with its conversation's whole message history (earlier tickets included). */
export async function ticketDetail(db: Db, scope: { companyIds: string[] }, ticketId: string) {
  if (!scope.companyIds.length) return null;
  const [ticket] = await db
    .select({
      ...ticketColumns,
      agentId: tickets.agentId,
      agentName: agent.name,
      companyId: tickets.companyId,
      subject: tickets.subject,
      description: tickets.description,
      resolved: tickets.resolved,
      closedAt: tickets.closedAt,
      contactReasonName: contactReasons.name,
      lastInboundAt: conversations.lastInboundAt,
      windowClosedMarkedAt: conversations.windowClosedMarkedAt,
      senderNumberId: conversations.senderNumberId,
      senderPhone: senderNumbers.phone,
      senderName: senderNumbers.displayName,
      closeScriptRequired: companies.closeScriptRequired,
    })
    .from(tickets)
    .innerJoin(companies, eq(companies.id, tickets.companyId))
    .innerJoin(conversations, eq(conversations.id, tickets.conversationId))
    .innerJoin(senderNumbers, eq(senderNumbers.id, conversations.senderNumberId))
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(queues, eq(queues.id, tickets.queueId))
    .leftJoin(agent, eq(agent.id, tickets.agentId))
    .leftJoin(contactReasons, eq(contactReasons.id, tickets.contactReasonId))
    .where(and(eq(tickets.id, ticketId), inArray(tickets.companyId, scope.companyIds)));
  if (!ticket) return null;
  const history = await conversationMessages(db, ticket.conversationId);
  return { ticket, messages: history };
}

export function conversationMessages(db: Db, conversationId: string) {
  return db
    .select({
      id: messages.id,
      direction: messages.direction,
      author: messages.author,
      authorName: author.name,
      type: messages.type,
      body: messages.body,
      templateName: messages.templateName,
      interactive: messages.interactive,
      media: messages.media,
      status: messages.status,
      statusAt: messages.statusAt,
      errorCode: messages.errorCode,
      errorTitle: messages.errorTitle,
      createdAt: messages.createdAt,
      ticketId: messages.ticketId,
    })
    .from(messages)
    .leftJoin(author, eq(author.id, messages.authorUserId))
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

export type HistoryFilters = { from?: Date; to?: Date; agentId?: string; reasonId?: string; phone?: string };

/** Histórico: closed tickets with their qualification, newest first. */
export async function closedTickets(db: Db, companyIds: string[], f: HistoryFilters, limit = 100) {
  if (!companyIds.length) return [];
  const conditions = [eq(tickets.status, "finalizado"), inArray(tickets.companyId, companyIds)];
  if (f.from) conditions.push(gte(tickets.closedAt, f.from));
  if (f.to) conditions.push(lte(tickets.closedAt, f.to));
  if (f.agentId) conditions.push(eq(tickets.agentId, f.agentId));
  if (f.reasonId) conditions.push(eq(tickets.contactReasonId, f.reasonId));
  if (f.phone) conditions.push(ilike(conversations.customerPhone, `%${f.phone.replace(/\D/g, "")}%`));
  return db
    .select({
      ...ticketColumns,
      closedAt: tickets.closedAt,
      agentName: agent.name,
      reasonName: contactReasons.name,
      description: tickets.description,
      resolved: tickets.resolved,
      senderNumberId: conversations.senderNumberId,
      messageCount: sql<number>`(select count(*)::int from messages m where m.ticket_id = "tickets"."id")`,
    })
    .from(tickets)
    .innerJoin(conversations, eq(conversations.id, tickets.conversationId))
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(queues, eq(queues.id, tickets.queueId))
    .leftJoin(agent, eq(agent.id, tickets.agentId))
    .leftJoin(contactReasons, eq(contactReasons.id, tickets.contactReasonId))
    .where(and(...conditions))
    .orderBy(desc(tickets.closedAt))
    .limit(limit);
}

/** Sender numbers and approved templates a company may use to start a conversation. */
export async function newConversationOptions(db: Db, companyIds: string[]) {
  if (!companyIds.length) return { senders: [], reasons: [], templates: [] };
  const [senders, reasons, templates] = await Promise.all([
    db
      .select({ id: senderNumbers.id, phone: senderNumbers.phone, displayName: senderNumbers.displayName, companyId: senderNumbers.companyId })
      .from(senderNumbers)
      .where(and(inArray(senderNumbers.companyId, companyIds), eq(senderNumbers.active, true)))
      .orderBy(asc(senderNumbers.displayName)),
    db
      .select({ id: contactReasons.id, name: contactReasons.name, companyId: contactReasons.companyId })
      .from(contactReasons)
      .where(and(inArray(contactReasons.companyId, companyIds), eq(contactReasons.active, true)))
      .orderBy(asc(contactReasons.name)),
    // Only templates Meta approved may open a conversation (seed 001).
    db
      .select({ id: messageTemplates.id, name: messageTemplates.name, body: messageTemplates.body, companyId: messageTemplates.companyId })
      .from(messageTemplates)
      .where(and(inArray(messageTemplates.companyId, companyIds), eq(messageTemplates.status, "APPROVED")))
      .orderBy(asc(messageTemplates.name)),
  ]);
  return { senders, reasons, templates };
}
