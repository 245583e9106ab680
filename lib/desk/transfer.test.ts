import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pauseReasons } from "@/db/schema/desk";
import { conversations, senderNumbers } from "@/db/schema/whatsapp";
import { tickets } from "@/db/schema/tickets";
import { rowsOf } from "@/db/rows-of";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { createTicket } from "@/lib/tickets/state";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { acceptOffer, declineOffer, expireDueOffers } from "./offers";
import { setPresence } from "./presence";
import { transferCandidates, transferToAgent, transferToQueue } from "./transfer";

const NOW = new Date("2026-11-23T13:00:00Z");
let t: TestDb;
let s: Seeded;
let ana: string;
let bruno: string;
let n = 0;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 2 });
  s = await seeded(t.db);
  ana = await s.userId("agente@atende.dev");
  bruno = await s.userId("bruno@atende.dev");
});
afterAll(() => t?.close());

const ctx = () => ({ userId: ana, companyIds: [s.sp], now: NOW });

/** A ticket Ana is handling. */
async function anasTicket() {
  const [{ id: senderId }] = await t.db.select({ id: senderNumbers.id }).from(senderNumbers).where(eq(senderNumbers.companyId, s.sp));
  const queueId = await s.queueId("Oficina — Agendamentos");
  return t.db.transaction(async (tx) => {
    const [c] = await tx.insert(conversations).values({ companyId: s.sp, senderNumberId: senderId, customerPhone: `5511960000${String(++n).padStart(3, "0")}`, lastInboundAt: NOW }).returning({ id: conversations.id });
    return (await createTicket(tx, { companyId: s.sp, conversationId: c.id, protocol: `TRANSF-${n}`, queueId, agentId: ana, subject: null, channel: "whatsapp", now: NOW }))!.id;
  });
}

async function holder(ticketId: string) {
  const [row] = await t.db.select({ agentId: tickets.agentId, status: tickets.status }).from(tickets).where(eq(tickets.id, ticketId));
  return row;
}

async function code(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).code;
}

describe("transfer", () => {
  it("refuses a Não pronto agent and shows them disabled", async () => {
    const [lunch] = await t.db.select({ id: pauseReasons.id }).from(pauseReasons).where(and(eq(pauseReasons.companyId, s.sp), eq(pauseReasons.name, "Almoço")));
    await setPresence(t.db, { userId: bruno, state: "nao_pronto", pauseReasonId: lunch.id, actorId: bruno, now: NOW });
    const ticket = await anasTicket();
    const list = await transferCandidates(t.db, { ticketId: ticket }, ctx());
    expect(list.find((c) => c.id === bruno)).toMatchObject({ state: "nao_pronto", available: false });
    expect(list.some((c) => c.id === ana)).toBe(false);
    expect(await code(transferToAgent(t.db, { ticketId: ticket, toAgentId: bruno }, ctx()))).toBe("agent_unavailable");
    expect(await holder(ticket)).toEqual({ agentId: ana, status: "em_atendimento" });
  });

  it("offers the ticket to a Pronto agent, who accepts it with the reason recorded", async () => {
    await setPresence(t.db, { userId: bruno, state: "pronto", actorId: bruno, now: NOW });
    const ticket = await anasTicket();
    const offer = await transferToAgent(t.db, { ticketId: ticket, toAgentId: bruno, reason: "Assunto de peças" }, ctx());
    expect(await holder(ticket)).toEqual({ agentId: ana, status: "em_atendimento" });
    await acceptOffer(t.db, { offerId: offer.id, userId: bruno, now: NOW });
    expect(await holder(ticket)).toEqual({ agentId: bruno, status: "em_atendimento" });
    const [row] = rowsOf<{ reason: string; from_agent_id: string }>(
      await t.db.execute(sql`select reason, from_agent_id from ticket_events where ticket_id = ${ticket}::uuid and kind = 'transferred'`),
    );
    expect(row).toMatchObject({ reason: "Assunto de peças", from_agent_id: ana });
  });

  it("a declined or expired transfer leaves the ticket with the sender", async () => {
    await setPresence(t.db, { userId: bruno, state: "pronto", actorId: bruno, now: NOW });
    const ticket = await anasTicket();
    const offer = await transferToAgent(t.db, { ticketId: ticket, toAgentId: bruno }, ctx());
    expect(await declineOffer(t.db, { offerId: offer.id, userId: bruno, now: NOW })).toEqual([]);
    expect(await holder(ticket)).toEqual({ agentId: ana, status: "em_atendimento" });
    await transferToAgent(t.db, { ticketId: ticket, toAgentId: bruno }, ctx());
    await expireDueOffers(t.db, new Date(NOW.getTime() + 31_000));
    expect(await holder(ticket)).toEqual({ agentId: ana, status: "em_atendimento" });
  });

  it("to a queue: the ticket waits there and is offered to its Pronto member", async () => {
    await setPresence(t.db, { userId: bruno, state: "pronto", actorId: bruno, now: NOW });
    const ticket = await anasTicket();
    const pecas = await s.queueId("Peças e Acessórios");
    const offer = await transferToQueue(t.db, { ticketId: ticket, queueId: pecas, reason: "Peças" }, ctx());
    expect(offer?.agentId).toBe(bruno);
    expect(await holder(ticket)).toEqual({ agentId: bruno, status: "oferecido" });
    expect(await code(transferToQueue(t.db, { ticketId: ticket, queueId: await s.queueId("Suporte Técnico") }, ctx()))).toBe("not_found");
  });
});
