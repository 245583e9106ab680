import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/db/client";
import { agendaHistory, agendas } from "@/db/schema/agendas";
import { customers } from "@/db/schema/customers";
import { events } from "@/db/schema/events";
import { companies } from "@/db/schema/org";
import { createTestDb, type TestDb } from "@/test/db";
import { AGENDA_REASONS, createAgenda, isAgendaReason, moveAgenda, recordAgendaEntries, type AgendaStatus, type MoveAgendaInput } from "./status";

const NOW = new Date("2026-11-23T12:00:00.000Z");
let t: TestDb;
let companyId: string;
let customerId: string;

beforeAll(async () => {
  t = await createTestDb();
  [{ id: companyId }] = await t.db.insert(companies).values({ name: "Oficina" }).returning();
  [{ id: customerId }] = await t.db.insert(customers).values({ companyId, name: "Maria" }).returning();
});
afterAll(() => t?.close());

async function newAgenda(status: AgendaStatus = "pendente") {
  const [row] = await t.db
    .insert(agendas)
    .values({ companyId, customerId, contactDate: "2026-11-23", origin: "manual", direction: "ativo", status })
    .returning({ id: agendas.id });
  return row.id;
}
const statusOf = async (id: string) => (await t.db.select({ status: agendas.status }).from(agendas).where(eq(agendas.id, id)))[0].status;
const historyOf = (id: string) =>
  t.db
    .select({ kind: agendaHistory.kind, fromStatus: agendaHistory.fromStatus, toStatus: agendaHistory.toStatus, reason: agendaHistory.reason, userId: agendaHistory.userId })
    .from(agendaHistory)
    .where(eq(agendaHistory.agendaId, id))
    .orderBy(asc(agendaHistory.at), asc(agendaHistory.id));
const eventsOf = async (id: string) =>
  (await t.db.select({ type: events.type, companyId: events.companyId, payload: events.payload }).from(events)).filter((e) => e.payload.agendaId === id);
const move = (input: Omit<MoveAgendaInput, "actorId" | "now"> & { now?: Date }) => t.db.transaction((tx) => moveAgenda(tx, { actorId: null, now: NOW, ...input }));

describe("moveAgenda", () => {
  it("moves, writes the history row with its reason code and one agenda.changed event for the company", async () => {
    const id = await newAgenda("pendente");
    expect(await move({ agendaId: id, move: "no_reply", reason: "sem_resposta" })).toMatchObject({ id, companyId, from: "pendente", to: "nao_respondeu" });
    expect(await statusOf(id)).toBe("nao_respondeu");
    expect(await historyOf(id)).toEqual([{ kind: "status", fromStatus: "pendente", toStatus: "nao_respondeu", reason: "sem_resposta", userId: null }]);
    expect(await eventsOf(id)).toEqual([{ type: "agenda.changed", companyId, payload: { agendaId: id } }]);
  });

  it("refuses a move from a status it does not start from, and writes nothing", async () => {
    const id = await newAgenda("agendou");
    expect(await move({ agendaId: id, move: "no_reply", reason: "sem_resposta" })).toBeNull();
    const noShow = await newAgenda("no_show");
    expect(await move({ agendaId: noShow, move: "no_show", reason: "no_show_automatico" })).toBeNull();
    const open = await newAgenda("agendou");
    expect(await move({ agendaId: open, move: "undo_no_show", to: "agendou", reason: "no_show_desfeito" })).toBeNull();
    for (const agenda of [id, noShow, open]) {
      expect(await historyOf(agenda)).toEqual([]);
      expect(await eventsOf(agenda)).toEqual([]);
    }
    expect(await statusOf(id)).toBe("agendou");
  });

  it("undo_no_show goes back to the status given", async () => {
    const id = await newAgenda("agendou");
    await move({ agendaId: id, move: "no_show", reason: "no_show_manual" });
    const later = new Date(NOW.getTime() + 60_000);
    expect(await move({ agendaId: id, move: "undo_no_show", to: "agendou", reason: "no_show_desfeito", now: later })).toMatchObject({ from: "no_show", to: "agendou" });
    expect((await historyOf(id)).map((h) => `${h.fromStatus}>${h.toStatus}:${h.reason}`)).toEqual(["agendou>no_show:no_show_manual", "no_show>agendou:no_show_desfeito"]);
  });

  it("a rollback takes the status, the history row and the event with it", async () => {
    const id = await newAgenda("pendente");
    await expect(
      t.db.transaction(async (tx) => {
        await moveAgenda(tx, { agendaId: id, move: "refuse", reason: "recusou", actorId: null, now: NOW, set: { resultReason: "Sem interesse" } });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await statusOf(id)).toBe("pendente");
    expect(await historyOf(id)).toEqual([]);
    expect(await eventsOf(id)).toEqual([]);
  });

  it("two moves from the same status at once: exactly one wins", async () => {
    const id = await newAgenda("pendente");
    // Separate connections on Postgres; PGlite serialises the two transactions on its one connection.
    const other = t.url ? openPostgres(t.url, 2) : null;
    const second = other?.db ?? t.db;
    try {
      const results = await Promise.all([
        t.db.transaction((tx) => moveAgenda(tx, { agendaId: id, move: "no_reply", reason: "sem_resposta", actorId: null, now: NOW })),
        second.transaction((tx) => moveAgenda(tx, { agendaId: id, move: "no_reply", reason: "sem_resposta", actorId: null, now: NOW })),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await historyOf(id)).toHaveLength(1);
      expect(await eventsOf(id)).toHaveLength(1);
    } finally {
      await other?.close();
    }
  });
});

describe("recordAgendaEntries and createAgenda", () => {
  it("an entry keeps the status, writes its row (from = to) and the event, only where its guard matches", async () => {
    const fresh = await newAgenda("pendente");
    const tried = await newAgenda("pendente");
    await t.db.update(agendas).set({ whatsappReason: "erro_envio" }).where(eq(agendas.id, tried));
    const ids = await t.db.transaction((tx) =>
      recordAgendaEntries(
        tx,
        [fresh, tried],
        { kind: "whatsapp", reason: "convite_enviado", actorId: null, now: NOW },
        { set: { whatsappState: "enviado", whatsappAt: NOW }, where: eq(agendas.whatsappReason, "never") },
      ),
    );
    expect(ids).toEqual([]);
    const sent = await t.db.transaction((tx) =>
      recordAgendaEntries(tx, [fresh], { kind: "whatsapp", reason: "convite_enviado", actorId: null, now: NOW }, { set: { whatsappState: "enviado", whatsappAt: NOW } }),
    );
    expect(sent).toEqual([fresh]);
    expect(await historyOf(fresh)).toEqual([{ kind: "whatsapp", fromStatus: "pendente", toStatus: "pendente", reason: "convite_enviado", userId: null }]);
    expect(await historyOf(tried)).toEqual([]);
    expect(await eventsOf(fresh)).toHaveLength(1);
  });

  it("a new agenda starts pendente with its first history row and event", async () => {
    const { id } = await t.db.transaction((tx) =>
      createAgenda(tx, { companyId, customerId, contactDate: "2026-11-23", origin: "manual", direction: "passivo" }, { reason: "passivo_whatsapp", actorId: null, now: NOW }),
    );
    expect(await statusOf(id)).toBe("pendente");
    expect(await historyOf(id)).toEqual([{ kind: "status", fromStatus: null, toStatus: "pendente", reason: "passivo_whatsapp", userId: null }]);
    expect(await eventsOf(id)).toHaveLength(1);
  });
});

describe("reason codes", () => {
  it("knows its codes and not prose written before them", () => {
    expect(AGENDA_REASONS.every(isAgendaReason)).toBe(true);
    expect(isAgendaReason("Cliente recusou pelo WhatsApp")).toBe(false);
    expect(isAgendaReason(null)).toBe(false);
  });
});
