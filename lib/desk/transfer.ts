import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { agentPresence, ticketOffers } from "@/db/schema/desk";
import { queues, users } from "@/db/schema/org";
import { tickets } from "@/db/schema/tickets";
import { emit } from "@/lib/events/emit";
import { UserError } from "@/lib/errors";
import { transitionTicket } from "@/lib/tickets/state";
import { routeTicket, type MadeOffer } from "./offers";

type Ctx = { userId: string; companyIds: string[]; now: Date };

/** The sender's ticket, locked: in handling, theirs, in one of their companies. */
async function myTicket(tx: Db, ticketId: string, ctx: Ctx) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const [ticket] = await tx
    .select({ id: tickets.id, companyId: tickets.companyId, queueId: tickets.queueId, timeout: queues.offerTimeoutSeconds })
    .from(tickets)
    .leftJoin(queues, eq(queues.id, tickets.queueId))
    .where(and(eq(tickets.id, ticketId), eq(tickets.agentId, ctx.userId), eq(tickets.status, "em_atendimento"), inArray(tickets.companyId, ctx.companyIds)))
    .for("update", { of: tickets });
  if (!ticket) throw new UserError("not_found");
  return ticket;
}

/**
 * The colleagues a ticket may be transferred to: members of the company's queues, each with whether they
 * can take it now (Pronto, not pausing after finishing, below capacity) — the others are shown disabled.
 */
export async function transferCandidates(db: Db, input: { ticketId: string }, ctx: Omit<Ctx, "now">) {
  if (!ctx.companyIds.length) return [];
  const rows = await db.execute<{ id: string; name: string; state: string | null; available: boolean }>(sql`
    select u.id, u.name, p.state,
      coalesce(p.state = 'pronto' and not p.pause_after_finish and
        (select count(*) from tickets x where x.agent_id = u.id and x.status = 'em_atendimento')
        + (select count(*) from ticket_offers o where o.agent_id = u.id and o.status = 'pending') < u.capacity, false) as available
    from users u
    left join agent_presence p on p.user_id = u.id
    where u.active and u.id <> ${ctx.userId}::uuid and u.id in (
      select m.user_id from queue_members m join queues q on q.id = m.queue_id join tickets t on t.company_id = q.company_id
      where t.id = ${input.ticketId}::uuid and t.company_id = any(${sql.param(ctx.companyIds)}::uuid[]))
    order by u.name`);
  return rowsOf<{ id: string; name: string; state: string | null; available: boolean }>(rows).map((r) => ({
    id: r.id,
    name: r.name,
    state: (r.state ?? "offline") as "pronto" | "nao_pronto" | "offline",
    available: !!r.available,
  }));
}

/**
 * Transfer to an agent: an offer to them (with the reason) while the ticket stays with the sender. Only a
 * Pronto agent with free capacity, checked under their presence row's lock as routing does; declined or
 * expired, the ticket stays with the sender, who hears it (offer.changed).
 */
export async function transferToAgent(db: Db, input: { ticketId: string; toAgentId: string; reason?: string | null }, ctx: Ctx): Promise<MadeOffer> {
  return db.transaction(async (tx) => {
    const ticket = await myTicket(tx, input.ticketId, ctx);
    await tx.select({ id: agentPresence.userId }).from(agentPresence).where(eq(agentPresence.userId, input.toAgentId)).for("update");
    const candidates = await transferCandidates(tx, { ticketId: ticket.id }, ctx);
    if (!candidates.some((c) => c.id === input.toAgentId && c.available)) throw new UserError("agent_unavailable");
    const [busy] = await tx.select({ id: ticketOffers.id }).from(ticketOffers).where(and(eq(ticketOffers.ticketId, ticket.id), eq(ticketOffers.status, "pending")));
    if (busy) throw new UserError("ticket_in_use");
    const expiresAt = new Date(ctx.now.getTime() + (ticket.timeout ?? 30) * 1000);
    const [offer] = await tx
      .insert(ticketOffers)
      .values({ ticketId: ticket.id, companyId: ticket.companyId, queueId: ticket.queueId, agentId: input.toAgentId, kind: "transfer", fromAgentId: ctx.userId, reason: input.reason || null, offeredAt: ctx.now, expiresAt })
      .returning({ id: ticketOffers.id });
    await tx.update(agentPresence).set({ idleSince: ctx.now }).where(eq(agentPresence.userId, input.toAgentId));
    await emit(tx, { type: "offer.changed", audience: { companyId: ticket.companyId, userId: input.toAgentId }, payload: { offerId: offer.id, ticketId: ticket.id } });
    return { id: offer.id, ticketId: ticket.id, agentId: input.toAgentId, expiresAt };
  });
}

/** Transfer to a queue of the same company: the ticket waits there and is offered at once. */
export async function transferToQueue(db: Db, input: { ticketId: string; queueId: string; reason?: string | null }, ctx: Ctx): Promise<MadeOffer | null> {
  await db.transaction(async (tx) => {
    const ticket = await myTicket(tx, input.ticketId, ctx);
    const [queue] = await tx.select({ id: queues.id }).from(queues).where(and(eq(queues.id, input.queueId), eq(queues.companyId, ticket.companyId)));
    if (!queue) throw new UserError("invalid_input", { queueId: ["invalid"] });
    await tx.update(ticketOffers).set({ status: "cancelled", respondedAt: ctx.now }).where(and(eq(ticketOffers.ticketId, ticket.id), eq(ticketOffers.status, "pending")));
    await transitionTicket(tx, { ticketId: ticket.id, move: "transfer_to_queue", now: ctx.now, actorId: ctx.userId, queueId: queue.id, reason: input.reason || null, where: eq(tickets.agentId, ctx.userId) });
  });
  return routeTicket(db, input.ticketId, ctx.now);
}

/** The sender's latest transfer of this ticket (pending, declined or expired: the desk's notice). */
export async function lastTransferOutcome(db: Db, ticketId: string, userId: string) {
  const [row] = await db
    .select({ status: ticketOffers.status, agentName: users.name })
    .from(ticketOffers)
    .innerJoin(users, eq(users.id, ticketOffers.agentId))
    .where(and(eq(ticketOffers.ticketId, ticketId), eq(ticketOffers.kind, "transfer"), eq(ticketOffers.fromAgentId, userId), ne(ticketOffers.status, "cancelled")))
    .orderBy(sql`${ticketOffers.offeredAt} desc`)
    .limit(1);
  return row ?? null;
}

/** The queues of the ticket's company, for transfer to a queue. */
export async function transferQueues(db: Db, companyId: string) {
  return db.select({ id: queues.id, name: queues.name }).from(queues).where(eq(queues.companyId, companyId)).orderBy(queues.name);
}
