import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ASSIGNED_HOW, TICKET_STATUSES, ticketEvents, tickets } from "@/db/schema/tickets";
import { emit } from "@/lib/events/emit";

export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type AssignedHow = (typeof ASSIGNED_HOW)[number];

/** Statuses of a ticket somebody still has to handle: a conversation has at most one of these. */
export const OPEN_TICKET_STATUSES = ["aguardando", "oferecido", "em_atendimento"] as const satisfies readonly TicketStatus[];

/**
 * The allowed moves of a ticket, for the desk: a ticket waits in its queue, may be offered to an agent
 * (who accepts or declines, or lets the offer expire), is handled, transferred to another queue or agent,
 * closed, and reopened.
 */
export const TICKET_MOVES = {
  offer: { from: ["aguardando"], to: "oferecido" },
  decline_offer: { from: ["oferecido"], to: "aguardando" },
  expire_offer: { from: ["oferecido"], to: "aguardando" },
  accept_offer: { from: ["oferecido"], to: "em_atendimento" },
  pick: { from: ["aguardando"], to: "em_atendimento" },
  take_over: { from: ["aguardando"], to: "em_atendimento" },
  transfer_to_queue: { from: ["em_atendimento"], to: "aguardando" },
  transfer_to_agent: { from: ["em_atendimento"], to: "em_atendimento" },
  close: { from: ["aguardando", "oferecido", "em_atendimento"], to: "finalizado" },
  reopen: { from: ["finalizado"], to: "aguardando" },
} as const satisfies Record<string, { from: readonly TicketStatus[]; to: TicketStatus }>;

export type TicketMove = keyof typeof TICKET_MOVES;

type Moved = { id: string; companyId: string; conversationId: string; queueId: string | null; agentId: string | null; status: TicketStatus };

export type TransitionInput = {
  ticketId: string;
  move: TicketMove;
  now: Date;
  /** Who moves it; null: the system. */
  actorId: string | null;
  /** The agent the ticket goes to (offer, pick, take_over, transfer_to_agent). */
  agentId?: string;
  /** The queue it goes to (transfer_to_queue). */
  queueId?: string | null;
  /** Extra conditions on the current row, e.g. the company scope or "nobody has it". */
  where?: SQL;
  /** Columns written with the move (the close script, the read mark). */
  set?: Partial<Pick<typeof tickets.$inferInsert, "contactReasonId" | "description" | "resolved" | "agentReadAt">>;
  reason?: string | null;
};

const returning = {
  id: tickets.id,
  companyId: tickets.companyId,
  conversationId: tickets.conversationId,
  queueId: tickets.queueId,
  agentId: tickets.agentId,
  status: tickets.status,
};

/**
 * A ticket's domain event: to its queue's members and supervisors, and to its agent, who may answer a
 * ticket of a queue they are not a member of (a conversation they started); a ticket without a queue is
 * the whole company's.
 */
export function ticketEvent(ticket: Pick<Moved, "id" | "companyId" | "conversationId" | "queueId" | "agentId">) {
  return {
    type: "ticket.changed" as const,
    audience: { companyId: ticket.companyId, queueId: ticket.queueId, userId: ticket.queueId ? ticket.agentId : null },
    payload: { ticketId: ticket.id, conversationId: ticket.conversationId },
  };
}

/**
 * The one way to change a ticket's status: a conditional update from the move's statuses, its
 * ticket_events row and its domain event, all in the caller's transaction. Returns the moved ticket, or
 * null when it was not in a state the move starts from (somebody else moved it first).
 */
export async function transitionTicket(tx: Db, input: TransitionInput): Promise<Moved | null> {
  const move = TICKET_MOVES[input.move];
  const [before] = await tx
    .select({ agentId: tickets.agentId, queueId: tickets.queueId })
    .from(tickets)
    .where(eq(tickets.id, input.ticketId));
  if (!before) return null;
  const changes: Partial<typeof tickets.$inferInsert> = { ...input.set, status: move.to };
  switch (input.move) {
    case "offer":
    case "pick":
    case "take_over":
    case "transfer_to_agent":
      if (!input.agentId) throw new Error(`${input.move} needs an agent`);
      changes.agentId = input.agentId;
      break;
    case "decline_offer":
    case "expire_offer":
    case "reopen":
      changes.agentId = null;
      break;
    case "transfer_to_queue":
      changes.agentId = null;
      changes.queueId = input.queueId ?? null;
      break;
    case "close":
      changes.closedAt = input.now;
      changes.closedBy = input.actorId;
      break;
    case "accept_offer":
      break;
  }
  if (input.move === "reopen") Object.assign(changes, { closedAt: null, closedBy: null });
  const [moved] = await tx
    .update(tickets)
    .set(changes)
    .where(and(eq(tickets.id, input.ticketId), inArray(tickets.status, [...move.from]), input.where))
    .returning(returning);
  if (!moved) return null;

  const base = { ticketId: moved.id, companyId: moved.companyId, at: input.now, actorId: input.actorId, agentId: moved.agentId, queueId: moved.queueId };
  const rows: (typeof ticketEvents.$inferInsert)[] = [];
  switch (input.move) {
    case "offer":
      rows.push({ ...base, kind: "offered" });
      break;
    case "decline_offer":
      rows.push({ ...base, kind: "offer_declined", fromAgentId: before.agentId, reason: input.reason ?? null });
      break;
    case "expire_offer":
      rows.push({ ...base, kind: "offer_expired", fromAgentId: before.agentId });
      break;
    case "accept_offer":
      rows.push({ ...base, kind: "assigned", how: "offered" });
      break;
    case "pick":
      rows.push({ ...base, kind: "assigned", how: "picked" });
      break;
    case "take_over":
      rows.push({ ...base, kind: "assigned", how: "started" });
      break;
    case "transfer_to_queue":
    case "transfer_to_agent":
      rows.push({ ...base, kind: "transferred", fromAgentId: before.agentId, fromQueueId: before.queueId, reason: input.reason ?? null });
      if (input.move === "transfer_to_agent") rows.push({ ...base, kind: "assigned", how: "transferred" });
      else rows.push({ ...base, kind: "queued" });
      break;
    case "close":
      rows.push({
        ...base,
        kind: "closed",
        reason: input.reason ?? null,
        contactReasonId: input.set?.contactReasonId ?? null,
        resolved: input.set?.resolved ?? null,
        description: input.set?.description ?? null,
      });
      break;
    case "reopen":
      rows.push({ ...base, kind: "reopened", reason: input.reason ?? null }, { ...base, kind: "queued" });
      break;
  }
  await tx.insert(ticketEvents).values(rows);
  await emit(tx, ticketEvent(moved));
  return moved;
}

export type NewTicket = {
  companyId: string;
  conversationId: string;
  protocol: string;
  queueId: string | null;
  /** An agent starting the conversation has it at once; otherwise it waits in its queue. */
  agentId: string | null;
  subject: string | null;
  channel: "whatsapp" | "phone";
  now: Date;
};

/**
 * Opens a ticket: the insert (skipped when the conversation already has an open one — null then), its
 * "opened" event and either "queued" (after the bot) or "assigned, started by the agent".
 */
export async function createTicket(tx: Db, input: NewTicket): Promise<Moved | null> {
  const [row] = await tx
    .insert(tickets)
    .values({
      companyId: input.companyId,
      conversationId: input.conversationId,
      protocol: input.protocol,
      queueId: input.queueId,
      agentId: input.agentId,
      status: input.agentId ? "em_atendimento" : "aguardando",
      subject: input.subject,
      openedAt: input.now,
      lastMessageAt: input.now,
      agentReadAt: input.agentId ? input.now : null,
    })
    .onConflictDoNothing()
    .returning(returning);
  if (!row) return null;
  const base = { ticketId: row.id, companyId: row.companyId, at: input.now, queueId: row.queueId, agentId: row.agentId };
  await tx.insert(ticketEvents).values([
    { ...base, kind: "opened", actorId: input.agentId, channel: input.channel },
    input.agentId ? { ...base, kind: "assigned", actorId: input.agentId, how: "started" } : { ...base, kind: "queued", actorId: null },
  ]);
  await emit(tx, ticketEvent(row));
  return row;
}

/** The first message an agent sends in a ticket (once per ticket): what first response time is measured to. */
export async function recordFirstReply(tx: Db, input: { ticketId: string; agentId: string; now: Date }) {
  await tx.execute(sql`
    insert into ticket_events (ticket_id, company_id, kind, at, actor_id, agent_id, queue_id)
    select id, company_id, 'first_reply', ${input.now.toISOString()}::timestamptz, ${input.agentId}::uuid, agent_id, queue_id
    from tickets where id = ${input.ticketId}::uuid
    on conflict (ticket_id) where kind = 'first_reply' do nothing`);
}

/** A new customer message on the ticket: lastMessageAt (the unread dot, the queue's order) and its event. */
export async function touchTicket(tx: Db, ticketId: string, now: Date) {
  const [touched] = await tx
    .update(tickets)
    .set({ lastMessageAt: now })
    .where(eq(tickets.id, ticketId))
    .returning({ id: tickets.id, companyId: tickets.companyId, conversationId: tickets.conversationId, queueId: tickets.queueId, agentId: tickets.agentId });
  if (touched) await emit(tx, ticketEvent(touched));
}
