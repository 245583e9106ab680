import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { agentPresence, pauseReasons, presenceChanges, ticketOffers } from "@/db/schema/desk";
import { queues } from "@/db/schema/org";
import { senderNumbers } from "@/db/schema/whatsapp";
import { tickets } from "@/db/schema/tickets";
import { conversations } from "@/db/schema/whatsapp";
import { rowsOf } from "@/db/rows-of";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { createTicket } from "@/lib/tickets/state";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { acceptOffer, declineOffer, expireDueOffers, routeTicket, routeWaiting } from "./offers";
import { getPresence, setPresence } from "./presence";

const NOW = new Date("2026-11-23T13:00:00Z");
const later = (s: number) => new Date(NOW.getTime() + s * 1000);
let t: TestDb;
let s: Seeded;
let queueId: string;
let senderId: string;
let ana: string;
let bruno: string;
let carla: string;
let phoneSeq = 0;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 4 });
  s = await seeded(t.db);
  queueId = await s.queueId("Oficina — Agendamentos");
  [{ id: senderId }] = await t.db.select({ id: senderNumbers.id }).from(senderNumbers).where(eq(senderNumbers.companyId, s.sp));
  ana = await s.userId("agente@atende.dev");
  bruno = await s.userId("bruno@atende.dev");
  carla = await s.userId("carla@atende.dev");
});
afterAll(() => t?.close());

// Each test starts with nobody on the desk and no open ticket in the queue.
beforeEach(async () => {
  await t.db.execute(sql`update tickets set status = 'finalizado', closed_at = now() where status <> 'finalizado'`);
  await t.db.execute(sql`update ticket_offers set status = 'cancelled' where status = 'pending'`);
  await t.db.execute(sql`delete from agent_presence`);
});

async function ready(...ids: string[]) {
  for (const id of ids) await setPresence(t.db, { userId: id, state: "pronto", actorId: id, now: NOW });
}

async function waitingTicket() {
  const phone = `55119${String(7000000 + ++phoneSeq).padStart(8, "0")}`;
  return t.db.transaction(async (tx) => {
    const [c] = await tx.insert(conversations).values({ companyId: s.sp, senderNumberId: senderId, customerPhone: phone, lastInboundAt: NOW }).returning({ id: conversations.id });
    const row = await createTicket(tx, { companyId: s.sp, conversationId: c.id, protocol: `TESTE-${phoneSeq}`, queueId, agentId: null, subject: "Revisão", channel: "whatsapp", now: NOW });
    return row!.id;
  });
}

async function pending(ticketId: string) {
  return t.db.select({ id: ticketOffers.id, agentId: ticketOffers.agentId }).from(ticketOffers).where(and(eq(ticketOffers.ticketId, ticketId), eq(ticketOffers.status, "pending")));
}

async function rejects(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).code;
}

describe("presence", () => {
  it("needs a pause reason of the agent's company for Não pronto and records every change", async () => {
    expect(await rejects(setPresence(t.db, { userId: ana, state: "nao_pronto", actorId: ana, now: NOW }))).toBe("pause_reason_required");
    const [other] = await t.db.select({ id: pauseReasons.id }).from(pauseReasons).where(eq(pauseReasons.companyId, s.net));
    expect(await rejects(setPresence(t.db, { userId: ana, state: "nao_pronto", pauseReasonId: other.id, actorId: ana, now: NOW }))).toBe("pause_reason_required");
    const [lunch] = await t.db.select({ id: pauseReasons.id }).from(pauseReasons).where(and(eq(pauseReasons.companyId, s.sp), eq(pauseReasons.name, "Almoço")));
    await ready(ana);
    await setPresence(t.db, { userId: ana, state: "nao_pronto", pauseReasonId: lunch.id, actorId: ana, now: later(60) });
    expect(await getPresence(t.db, ana)).toMatchObject({ state: "nao_pronto", pauseReasonId: lunch.id, since: later(60) });
    const log = await t.db.select({ from: presenceChanges.fromState, to: presenceChanges.toState, reason: presenceChanges.pauseReasonId }).from(presenceChanges).where(eq(presenceChanges.userId, ana)).orderBy(presenceChanges.id);
    expect(log.slice(-2)).toEqual([
      { from: null, to: "pronto", reason: null },
      { from: "pronto", to: "nao_pronto", reason: lunch.id },
    ]);
  });
});

describe("routing and offers", () => {
  it("offers a waiting ticket to the least busy Pronto member, nobody when no one is Pronto", async () => {
    const first = await waitingTicket();
    expect(await routeTicket(t.db, first, NOW)).toBeNull();
    await ready(ana, bruno);
    await t.db.update(agentPresence).set({ idleSince: later(-600) }).where(eq(agentPresence.userId, bruno));
    const offer = await routeTicket(t.db, first, NOW);
    expect(offer).toMatchObject({ agentId: bruno, expiresAt: later(30) });
    const [row] = await t.db.select({ status: tickets.status, agentId: tickets.agentId }).from(tickets).where(eq(tickets.id, first));
    expect(row).toEqual({ status: "oferecido", agentId: bruno });
    // Bruno now holds a seat: the next goes to Ana.
    expect((await routeTicket(t.db, await waitingTicket(), NOW))?.agentId).toBe(ana);
  });

  it("lets only one of two simultaneous accepts win", async () => {
    await ready(ana);
    const ticket = await waitingTicket();
    const offer = (await routeTicket(t.db, ticket, NOW))!;
    const results = await Promise.allSettled([acceptOffer(t.db, { offerId: offer.id, userId: ana, now: NOW }), acceptOffer(t.db, { offerId: offer.id, userId: ana, now: NOW })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await rejects(acceptOffer(t.db, { offerId: offer.id, userId: bruno, now: NOW }))).toBe("offer_gone");
    const [row] = await t.db.select({ status: tickets.status, agentId: tickets.agentId }).from(tickets).where(eq(tickets.id, ticket));
    expect(row).toEqual({ status: "em_atendimento", agentId: ana });
  });

  it("declined goes to the next agent, and back to the decliner when nobody else is free", async () => {
    await ready(ana, bruno);
    await t.db.update(agentPresence).set({ idleSince: later(-600) }).where(eq(agentPresence.userId, ana));
    const ticket = await waitingTicket();
    const first = (await routeTicket(t.db, ticket, NOW))!;
    expect(first.agentId).toBe(ana);
    const [second] = await declineOffer(t.db, { offerId: first.id, userId: ana, now: later(5) });
    expect(second.agentId).toBe(bruno);
    const [third] = await declineOffer(t.db, { offerId: second.id, userId: bruno, now: later(8) });
    // Both refused: back to the one who refused last... the list is in refusal order, Bruno last.
    expect(third.agentId).toBe(bruno);
    expect(await pending(ticket)).toHaveLength(1);
  });

  it("goes back to the only decliner", async () => {
    await ready(carla);
    const ticket = await waitingTicket();
    const first = (await routeTicket(t.db, ticket, NOW))!;
    const [again] = await declineOffer(t.db, { offerId: first.id, userId: carla, now: later(3) });
    expect(again.agentId).toBe(carla);
  });

  it("expires an unanswered offer to the next agent, and a late Aceitar is refused", async () => {
    await ready(ana, bruno);
    await t.db.update(agentPresence).set({ idleSince: later(-600) }).where(eq(agentPresence.userId, ana));
    const ticket = await waitingTicket();
    const first = (await routeTicket(t.db, ticket, NOW))!;
    expect(await expireDueOffers(t.db, later(29))).toEqual([]);
    const next = await expireDueOffers(t.db, later(30));
    expect(next.map((o) => o.agentId)).toEqual([bruno]);
    expect(await rejects(acceptOffer(t.db, { offerId: first.id, userId: ana, now: later(31) }))).toBe("offer_gone");
  });

  it("uses the queue's offer timeout", async () => {
    await t.db.update(queues).set({ offerTimeoutSeconds: 45 }).where(eq(queues.id, queueId));
    try {
      await ready(ana);
      expect((await routeTicket(t.db, await waitingTicket(), NOW))?.expiresAt).toEqual(later(45));
    } finally {
      await t.db.update(queues).set({ offerTimeoutSeconds: 30 }).where(eq(queues.id, queueId));
    }
  });

  it("sets Não pronto an agent who lets three offers in a row expire", async () => {
    await ready(ana);
    const ticket = await waitingTicket();
    expect((await routeTicket(t.db, ticket, NOW))?.agentId).toBe(ana);
    // Nobody else is Pronto: each expired offer comes back to Ana, until the third.
    expect((await expireDueOffers(t.db, later(30))).map((o) => o.agentId)).toEqual([ana]);
    expect((await expireDueOffers(t.db, later(60))).map((o) => o.agentId)).toEqual([ana]);
    expect(await expireDueOffers(t.db, later(90))).toEqual([]);
    expect((await getPresence(t.db, ana)).state).toBe("nao_pronto");
    const [last] = await t.db.select({ cause: presenceChanges.cause }).from(presenceChanges).where(eq(presenceChanges.userId, ana)).orderBy(sql`${presenceChanges.id} desc`).limit(1);
    expect(last.cause).toBe("three_expired");
    const [row] = await t.db.select({ status: tickets.status, agentId: tickets.agentId }).from(tickets).where(eq(tickets.id, ticket));
    expect(row).toEqual({ status: "aguardando", agentId: null });
  });

  it("an answered offer resets the expiry count", async () => {
    await ready(ana);
    const ticket = await waitingTicket();
    await routeTicket(t.db, ticket, NOW);
    await expireDueOffers(t.db, later(30));
    const [back] = await expireDueOffers(t.db, later(60));
    await acceptOffer(t.db, { offerId: back.id, userId: ana, now: later(61) });
    expect((await getPresence(t.db, ana)).expiredInARow).toBe(0);
  });

  it("never puts an agent above capacity when 50 tickets arrive at once", async () => {
    await ready(ana, bruno, carla);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await waitingTicket());
    const made = await Promise.all(ids.map((id) => routeTicket(t.db, id, NOW).catch(() => null)));
    await routeWaiting(t.db, { queueIds: [queueId], now: NOW });
    const loads = await t.db.execute<{ agent_id: string; n: number }>(sql`select agent_id, count(*)::int as n from ticket_offers where status = 'pending' group by agent_id`);
    const rows = rowsOf<{ agent_id: string; n: number }>(loads);
    expect(rows.map((r) => Number(r.n)).sort()).toEqual([3, 3, 3]);
    expect(made.filter(Boolean).length).toBeLessThanOrEqual(9);
    const held = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from tickets where status = 'oferecido'`));
    expect(Number(held[0].n)).toBe(9);
  });
});
