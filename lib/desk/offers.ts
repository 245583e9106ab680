import { and, asc, eq, inArray, isNotNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { agentPresence, ticketOffers } from "@/db/schema/desk";
import { queueMembers, queues } from "@/db/schema/org";
import { tickets } from "@/db/schema/tickets";
import { emit } from "@/lib/events/emit";
import { UserError } from "@/lib/errors";
import { transitionTicket } from "@/lib/tickets/state";
import { setPresence } from "./presence";
import { chooseAgent, type RoutingCandidate } from "./routing-policy";

/** An offer just made: what the expiry timer needs. */
export type MadeOffer = { id: string; ticketId: string; agentId: string; expiresAt: Date };

/** Offers let expire in a row before the agent is set Não pronto. */
export const EXPIRIES_BEFORE_PAUSE = 3;

function offerEvent(o: { id: string; ticketId: string; companyId: string; agentId: string }) {
  return { type: "offer.changed" as const, audience: { companyId: o.companyId, userId: o.agentId }, payload: { offerId: o.id, ticketId: o.ticketId } };
}

/**
 * Each member's load — tickets in hand plus pending offers (an offer holds a seat, so accepting never
 * goes above capacity) — with presence and capacity, for chooseAgent.
 */
async function candidatesOf(tx: Db, queueId: string, only?: string): Promise<RoutingCandidate[]> {
  const rows = await tx.execute<{ user_id: string; state: RoutingCandidate["state"]; pause_after_finish: boolean; capacity: number; idle_since: string | Date; load: number }>(sql`
    select p.user_id, p.state, p.pause_after_finish, u.capacity, p.idle_since,
      (select count(*)::int from tickets t where t.agent_id = p.user_id and t.status = 'em_atendimento')
      + (select count(*)::int from ticket_offers o where o.agent_id = p.user_id and o.status = 'pending') as load
    from queue_members m
    join agent_presence p on p.user_id = m.user_id
    join users u on u.id = m.user_id and u.active
    where m.queue_id = ${queueId}::uuid and p.state = 'pronto' ${only ? sql`and p.user_id = ${only}::uuid` : sql``}`);
  return rowsOf<{ user_id: string; state: RoutingCandidate["state"]; pause_after_finish: boolean; capacity: number; idle_since: string | Date; load: number }>(rows).map((r) => ({
    userId: r.user_id,
    state: r.state,
    pauseAfterFinish: r.pause_after_finish,
    capacity: Number(r.capacity),
    load: Number(r.load),
    idleSince: new Date(r.idle_since),
  }));
}

/** Who declined or let this ticket's offers expire since it last entered its queue, in that order. */
async function refusersOf(tx: Db, ticketId: string): Promise<string[]> {
  const rows = await tx.execute<{ agent_id: string }>(sql`
    select o.agent_id from ticket_offers o
    where o.ticket_id = ${ticketId}::uuid and o.kind = 'route' and o.status in ('declined', 'expired')
      and o.offered_at >= coalesce((select max(e.at) from ticket_events e where e.ticket_id = o.ticket_id and e.kind in ('opened', 'queued')), '-infinity')
    order by o.responded_at`);
  return [...new Set(rowsOf<{ agent_id: string }>(rows).map((r) => r.agent_id))];
}

/**
 * Offers a waiting ticket to the agent chooseAgent picks. Postgres is the lock: the ticket row first
 * (one router per ticket; the partial unique index keeps one pending offer), then the chosen agent's
 * presence row, under which their load is counted again — two tickets routed at once to the same agent
 * queue up there, so nobody goes above capacity, across processes too. Null: nobody can take it now.
 */
export async function routeTicket(db: Db, ticketId: string, now: Date): Promise<MadeOffer | null> {
  return db.transaction(async (tx) => {
    const [ticket] = await tx
      .select({ id: tickets.id, companyId: tickets.companyId, queueId: tickets.queueId, timeout: queues.offerTimeoutSeconds })
      .from(tickets)
      .innerJoin(queues, eq(queues.id, tickets.queueId))
      .where(and(eq(tickets.id, ticketId), eq(tickets.status, "aguardando"), isNotNull(tickets.queueId)))
      .for("update", { of: tickets });
    if (!ticket?.queueId) return null;
    const refusers = await refusersOf(tx, ticket.id);
    let candidates = await candidatesOf(tx, ticket.queueId);
    for (;;) {
      const agentId = chooseAgent(candidates, refusers);
      if (!agentId) return null;
      await tx.select({ id: agentPresence.userId }).from(agentPresence).where(eq(agentPresence.userId, agentId)).for("update");
      const [fresh] = await candidatesOf(tx, ticket.queueId, agentId);
      if (!fresh || chooseAgent([fresh]) !== agentId) {
        candidates = candidates.filter((c) => c.userId !== agentId);
        continue;
      }
      const moved = await transitionTicket(tx, { ticketId: ticket.id, move: "offer", now, actorId: null, agentId });
      if (!moved) return null;
      const expiresAt = new Date(now.getTime() + ticket.timeout * 1000);
      const [offer] = await tx
        .insert(ticketOffers)
        .values({ ticketId: ticket.id, companyId: ticket.companyId, queueId: ticket.queueId, agentId, kind: "route", offeredAt: now, expiresAt })
        .returning({ id: ticketOffers.id });
      await tx.update(agentPresence).set({ idleSince: now }).where(eq(agentPresence.userId, agentId));
      await emit(tx, offerEvent({ id: offer.id, ticketId: ticket.id, companyId: ticket.companyId, agentId }));
      return { id: offer.id, ticketId: ticket.id, agentId, expiresAt };
    }
  });
}

/**
 * Routes the waiting tickets of some queues (all of an agent's when they go Pronto or finish one),
 * oldest first; a queue nobody can take more from is left alone for this round.
 */
export async function routeWaiting(db: Db, input: { queueIds?: string[]; agentId?: string; now: Date }): Promise<MadeOffer[]> {
  let queueIds = input.queueIds ?? [];
  if (input.agentId) {
    const rows = await db.select({ id: queueMembers.queueId }).from(queueMembers).where(eq(queueMembers.userId, input.agentId));
    queueIds = [...new Set([...queueIds, ...rows.map((r) => r.id)])];
  }
  if (!queueIds.length) return [];
  const waiting = await db
    .select({ id: tickets.id, queueId: tickets.queueId })
    .from(tickets)
    .where(and(eq(tickets.status, "aguardando"), inArray(tickets.queueId, queueIds)))
    .orderBy(asc(tickets.openedAt))
    .limit(500);
  const full = new Set<string | null>();
  const made: MadeOffer[] = [];
  for (const t of waiting) {
    if (full.has(t.queueId)) continue;
    const offer = await routeTicket(db, t.id, input.now);
    if (offer) made.push(offer);
    else full.add(t.queueId);
  }
  return made;
}

type Answer = { offerId: string; userId: string; now: Date };

/**
 * Aceitar: one conditional update of the pending, unexpired offer made to this agent — a second click,
 * a late click or another agent gets "offer_gone". A route offer's ticket is the agent's; a transfer
 * offer moves the ticket from its sender to them.
 */
export async function acceptOffer(db: Db, input: Answer): Promise<{ ticketId: string }> {
  const result = await db.transaction(async (tx) => {
    const [offer] = await tx
      .update(ticketOffers)
      .set({ status: "accepted", respondedAt: input.now })
      .where(
        and(
          eq(ticketOffers.id, input.offerId),
          eq(ticketOffers.agentId, input.userId),
          eq(ticketOffers.status, "pending"),
          sql`${ticketOffers.expiresAt} > ${input.now.toISOString()}::timestamptz`,
        ),
      )
      .returning({ id: ticketOffers.id, ticketId: ticketOffers.ticketId, companyId: ticketOffers.companyId, agentId: ticketOffers.agentId, kind: ticketOffers.kind, fromAgentId: ticketOffers.fromAgentId, reason: ticketOffers.reason });
    if (!offer) return null;
    const moved =
      offer.kind === "route"
        ? await transitionTicket(tx, { ticketId: offer.ticketId, move: "accept_offer", now: input.now, actorId: input.userId, where: eq(tickets.agentId, input.userId), set: { agentReadAt: null } })
        : await transitionTicket(tx, {
            ticketId: offer.ticketId,
            move: "transfer_to_agent",
            now: input.now,
            actorId: input.userId,
            agentId: input.userId,
            reason: offer.reason,
            where: offer.fromAgentId ? eq(tickets.agentId, offer.fromAgentId) : undefined,
            set: { agentReadAt: null },
          });
    if (!moved) throw new UserError("offer_gone");
    await tx.update(agentPresence).set({ expiredInARow: 0 }).where(eq(agentPresence.userId, input.userId));
    await emit(tx, offerEvent(offer));
    if (offer.fromAgentId) await emit(tx, offerEvent({ ...offer, agentId: offer.fromAgentId }));
    return { ticketId: offer.ticketId };
  });
  if (!result) throw new UserError("offer_gone");
  return result;
}

/** Ends a pending offer (declined or expired): the route offer's ticket goes back to waiting. */
async function endOffer(db: Db, input: { offerId: string; status: "declined" | "expired"; userId?: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [offer] = await tx
      .update(ticketOffers)
      .set({ status: input.status, respondedAt: input.now })
      .where(
        and(
          eq(ticketOffers.id, input.offerId),
          eq(ticketOffers.status, "pending"),
          input.userId ? eq(ticketOffers.agentId, input.userId) : lte(ticketOffers.expiresAt, input.now),
        ),
      )
      .returning({ id: ticketOffers.id, ticketId: ticketOffers.ticketId, companyId: ticketOffers.companyId, agentId: ticketOffers.agentId, kind: ticketOffers.kind, fromAgentId: ticketOffers.fromAgentId, queueId: ticketOffers.queueId });
    if (!offer) return null;
    if (offer.kind === "route") {
      await transitionTicket(tx, {
        ticketId: offer.ticketId,
        move: input.status === "declined" ? "decline_offer" : "expire_offer",
        now: input.now,
        actorId: input.userId ?? null,
        where: eq(tickets.agentId, offer.agentId),
      });
    }
    let paused = false;
    if (input.status === "expired") {
      const [p] = await tx
        .update(agentPresence)
        .set({ expiredInARow: sql`${agentPresence.expiredInARow} + 1` })
        .where(eq(agentPresence.userId, offer.agentId))
        .returning({ count: agentPresence.expiredInARow });
      if (p && p.count >= EXPIRIES_BEFORE_PAUSE) {
        await setPresence(tx, { userId: offer.agentId, state: "nao_pronto", cause: "three_expired", actorId: null, now: input.now });
        paused = true;
      }
    } else {
      await tx.update(agentPresence).set({ expiredInARow: 0 }).where(eq(agentPresence.userId, offer.agentId));
    }
    await emit(tx, offerEvent(offer));
    // A declined transfer stays with its sender, who hears it.
    if (offer.fromAgentId) await emit(tx, offerEvent({ ...offer, agentId: offer.fromAgentId }));
    return { ...offer, paused };
  });
}

/** Recusar: the ticket goes to the next agent (or back to this one when nobody else can take it). */
export async function declineOffer(db: Db, input: Answer): Promise<MadeOffer[]> {
  const ended = await endOffer(db, { offerId: input.offerId, status: "declined", userId: input.userId, now: input.now });
  if (!ended) throw new UserError("offer_gone");
  if (ended.kind !== "route") return [];
  const next = await routeTicket(db, ended.ticketId, input.now);
  return next ? [next] : [];
}

/** The timer's and the sweep's end of an offer nobody answered; then the next agent. */
export async function expireOffer(db: Db, offerId: string, now: Date): Promise<MadeOffer[]> {
  const ended = await endOffer(db, { offerId, status: "expired", now });
  if (!ended || ended.kind !== "route") return [];
  const next = await routeTicket(db, ended.ticketId, now);
  return next ? [next] : [];
}

/** The fallback for a lost timer (a restart, another instance): every offer past its time. */
export async function expireDueOffers(db: Db, now: Date): Promise<MadeOffer[]> {
  const due = await db
    .select({ id: ticketOffers.id })
    .from(ticketOffers)
    .where(and(eq(ticketOffers.status, "pending"), lte(ticketOffers.expiresAt, now)))
    .orderBy(asc(ticketOffers.expiresAt))
    .limit(200);
  const made: MadeOffer[] = [];
  for (const o of due) made.push(...(await expireOffer(db, o.id, now)));
  return made;
}

/** The agent's pending offers, for the offer card: Entrada, Fila, Assunto and the wait since entry. */
export async function myPendingOffers(db: Db, userId: string) {
  const rows = await db.execute<{ id: string; ticket_id: string; kind: string; reason: string | null; expires_at: string; offered_at: string; queue_name: string | null; subject: string | null; customer_phone: string; opened_at: string; from_name: string | null }>(sql`
    select o.id, o.ticket_id, o.kind, o.reason, o.expires_at, o.offered_at, q.name as queue_name, t.subject,
      c.customer_phone, t.opened_at, f.name as from_name
    from ticket_offers o
    join tickets t on t.id = o.ticket_id
    join conversations c on c.id = t.conversation_id
    left join queues q on q.id = o.queue_id
    left join users f on f.id = o.from_agent_id
    where o.agent_id = ${userId}::uuid and o.status = 'pending'
    order by o.offered_at`);
  return rowsOf<{ id: string; ticket_id: string; kind: string; reason: string | null; expires_at: string; offered_at: string; queue_name: string | null; subject: string | null; customer_phone: string; opened_at: string; from_name: string | null }>(rows).map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    kind: r.kind as "route" | "transfer",
    reason: r.reason,
    queueName: r.queue_name,
    subject: r.subject,
    customerPhone: r.customer_phone,
    openedAt: new Date(r.opened_at),
    expiresAt: new Date(r.expires_at),
    fromName: r.from_name,
  }));
}

