import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "@/db/schema/events";
import { ticketEvents, tickets } from "@/db/schema/tickets";
import { conversations, senderNumbers } from "@/db/schema/whatsapp";
import { seed } from "@/db/seed";
import { openPostgres } from "@/db/client";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { nextProtocol } from "./protocol";
import { createTicket, recordFirstReply, transitionTicket } from "./state";

const NOW = new Date("2026-11-23T13:00:00Z");
let t: TestDb;
let s: Seeded;
let sender: { id: string; companyId: string; queueId: string | null };
let ana: string;
let bruno: string;
let phone = 5511990000000;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 4 });
  s = await seeded(t.db);
  [sender] = await t.db
    .select({ id: senderNumbers.id, companyId: senderNumbers.companyId, queueId: senderNumbers.queueId })
    .from(senderNumbers)
    .where(eq(senderNumbers.companyId, s.sp));
  ana = await s.userId("agente@atende.dev");
  bruno = await s.userId("bruno@atende.dev");
});
afterAll(() => t?.close());

async function waitingTicket() {
  const [conversation] = await t.db
    .insert(conversations)
    .values({ companyId: sender.companyId, senderNumberId: sender.id, customerPhone: String(phone++) })
    .returning({ id: conversations.id });
  const protocol = await nextProtocol(t.db, NOW);
  const row = await t.db.transaction((tx) =>
    createTicket(tx, { companyId: sender.companyId, conversationId: conversation.id, protocol, queueId: sender.queueId, agentId: null, subject: null, channel: "whatsapp", now: NOW }),
  );
  return row!;
}

const kindsOf = async (ticketId: string) =>
  (await t.db.select({ kind: ticketEvents.kind, how: ticketEvents.how }).from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.id))).map((e) =>
    e.how ? `${e.kind}:${e.how}` : e.kind,
  );
const eventsOf = async (ticketId: string) =>
  (await t.db.select({ type: events.type, payload: events.payload, companyId: events.companyId }).from(events)).filter((e) => e.payload.ticketId === ticketId);

describe("ticket transitions", () => {
  it("opening records opened + queued and one ticket.changed event for the company and the queue", async () => {
    const ticket = await waitingTicket();
    expect(ticket.status).toBe("aguardando");
    expect(await kindsOf(ticket.id)).toEqual(["opened", "queued"]);
    expect(await eventsOf(ticket.id)).toEqual([expect.objectContaining({ type: "ticket.changed", companyId: sender.companyId })]);
  });

  it("offer → decline → pick → transfer to another agent → close → reopen, each with its ticket_events rows", async () => {
    const ticket = await waitingTicket();
    const move = (m: Parameters<typeof transitionTicket>[1]) => t.db.transaction((tx) => transitionTicket(tx, m));
    expect((await move({ ticketId: ticket.id, move: "offer", agentId: ana, actorId: null, now: NOW }))?.status).toBe("oferecido");
    expect((await move({ ticketId: ticket.id, move: "decline_offer", actorId: ana, now: NOW, reason: "ocupado" }))?.agentId).toBeNull();
    expect((await move({ ticketId: ticket.id, move: "pick", agentId: ana, actorId: ana, now: NOW }))?.status).toBe("em_atendimento");
    expect((await move({ ticketId: ticket.id, move: "transfer_to_agent", agentId: bruno, actorId: ana, now: NOW, reason: "financeiro" }))?.agentId).toBe(bruno);
    const closed = await move({ ticketId: ticket.id, move: "close", actorId: bruno, now: NOW, set: { resolved: true, description: "Resolvido" } });
    expect(closed?.status).toBe("finalizado");
    expect((await move({ ticketId: ticket.id, move: "reopen", actorId: bruno, now: NOW }))?.status).toBe("aguardando");
    expect(await kindsOf(ticket.id)).toEqual([
      "opened", "queued", "offered", "offer_declined", "assigned:picked", "transferred", "assigned:transferred", "closed", "reopened", "queued",
    ]);
    const [transfer] = await t.db.select().from(ticketEvents).where(eq(ticketEvents.kind, "transferred"));
    expect(transfer).toMatchObject({ fromAgentId: ana, agentId: bruno, reason: "financeiro", actorId: ana });
    expect((await eventsOf(ticket.id)).length).toBe(7);
  });

  it("refuses a move from a status it does not start from, and writes nothing", async () => {
    const ticket = await waitingTicket();
    expect(await t.db.transaction((tx) => transitionTicket(tx, { ticketId: ticket.id, move: "accept_offer", actorId: ana, now: NOW }))).toBeNull();
    expect(await t.db.transaction((tx) => transitionTicket(tx, { ticketId: ticket.id, move: "reopen", actorId: ana, now: NOW }))).toBeNull();
    expect(await kindsOf(ticket.id)).toEqual(["opened", "queued"]);
    expect((await eventsOf(ticket.id)).length).toBe(1);
  });

  it("a rollback takes the status, the ticket_events row and the event with it", async () => {
    const ticket = await waitingTicket();
    await expect(
      t.db.transaction(async (tx) => {
        await transitionTicket(tx, { ticketId: ticket.id, move: "pick", agentId: ana, actorId: ana, now: NOW });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    const [row] = await t.db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(row.status).toBe("aguardando");
    expect(await kindsOf(ticket.id)).toEqual(["opened", "queued"]);
    expect((await eventsOf(ticket.id)).length).toBe(1);
  });

  it("two agents picking the same waiting ticket at once: exactly one wins", async () => {
    const ticket = await waitingTicket();
    // Separate connections on Postgres; PGlite serialises the two transactions on its one connection.
    const other = t.url ? openPostgres(t.url, 2) : null;
    const second = other?.db ?? t.db;
    try {
      const results = await Promise.all([
        t.db.transaction((tx) => transitionTicket(tx, { ticketId: ticket.id, move: "pick", agentId: ana, actorId: ana, now: NOW })),
        second.transaction((tx) => transitionTicket(tx, { ticketId: ticket.id, move: "pick", agentId: bruno, actorId: bruno, now: NOW })),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await kindsOf(ticket.id)).filter((k) => k.startsWith("assigned"))).toHaveLength(1);
    } finally {
      await other?.close();
    }
  });

  it("the first human reply is recorded once", async () => {
    const ticket = await waitingTicket();
    await t.db.transaction((tx) => transitionTicket(tx, { ticketId: ticket.id, move: "pick", agentId: ana, actorId: ana, now: NOW }));
    await recordFirstReply(t.db, { ticketId: ticket.id, agentId: ana, now: NOW });
    await recordFirstReply(t.db, { ticketId: ticket.id, agentId: ana, now: new Date(NOW.getTime() + 60_000) });
    expect((await kindsOf(ticket.id)).filter((k) => k === "first_reply")).toHaveLength(1);
  });
});
