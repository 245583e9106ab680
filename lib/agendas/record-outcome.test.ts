import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/db/client";
import { agendaHistory, agendas, appointments, companyCalendars } from "@/db/schema/agendas";
import { assets, customers } from "@/db/schema/customers";
import { companies, roles, users } from "@/db/schema/org";
import { UserError } from "@/lib/errors";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { createTestDb, type TestDb } from "@/test/db";
import { recordOutcome } from "./record-outcome";
import { outcomeSchema, type OutcomeInput } from "./schema";

// Monday 2026-11-23, 09:00 in São Paulo.
const NOW = new Date("2026-11-23T12:00:00.000Z");
// Tuesday 10:00 and 10:30 in São Paulo.
const SLOT = "2026-11-24T13:00:00.000Z";
const OTHER_SLOT = "2026-11-24T13:30:00.000Z";

let t: TestDb;
let companyId: string;
let otherCompanyId: string;
let alice: string;
let bruno: string;
let supervisor: string;
let customerId: string;

beforeAll(async () => {
  t = await createTestDb();
  const db = t.db;
  const [role] = await db.insert(roles).values({ name: "Agente" }).returning();
  const [c, other] = await db.insert(companies).values([{ name: "Oficina" }, { name: "Outra Oficina" }]).returning();
  companyId = c.id;
  otherCompanyId = other.id;
  await db.insert(companyCalendars).values({
    companyId,
    openDays: [1, 2, 3, 4, 5],
    opensAt: "08:00",
    closesAt: "17:00",
    slotMinutes: 30,
    capacityPerSlot: 1,
  });
  const rows = await db
    .insert(users)
    .values(
      ["Alice", "Bruno", "Sofia"].map((name) => ({
        name,
        email: `${name.toLowerCase()}@atende.test`,
        passwordHash: "x",
        roleId: role.id,
        homeCompanyId: c.id,
      })),
    )
    .returning();
  [alice, bruno, supervisor] = rows.map((r) => r.id);
  [{ id: customerId }] = await db.insert(customers).values({ companyId, name: "Maria Cliente" }).returning();
});
afterAll(() => t?.close());

async function newAgenda(agentId: string, status: (typeof agendas.$inferInsert)["status"] = "pendente", company = companyId) {
  const [customer] = await t.db.insert(customers).values({ companyId: company, name: "Cliente" }).returning();
  const [row] = await t.db
    .insert(agendas)
    .values({ companyId: company, customerId: customer.id, agentId, contactDate: "2026-11-23", origin: "manual", direction: "ativo", status })
    .returning();
  return row;
}

const agentCtx = () => ({ userId: alice, companyIds: [companyId], canViewAllAgents: false, now: NOW });
const input = (fields: Record<string, unknown>): OutcomeInput => outcomeSchema.parse(fields);

async function errorCode(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).code;
}
async function agendaRow(id: string) {
  const [row] = await t.db.select().from(agendas).where(eq(agendas.id, id));
  return row;
}
async function historyOf(id: string) {
  return t.db.select().from(agendaHistory).where(eq(agendaHistory.agendaId, id));
}
async function appointmentsOf(agendaId: string) {
  return t.db.select().from(appointments).where(eq(appointments.agendaId, agendaId));
}

describe("recordOutcome", () => {
  it("Recusou: status recusou, the reason kept on the agenda and in the history's note with the agent's (who, from, to, why)", async () => {
    const agenda = await newAgenda(alice);
    const out = await recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "recusou", reason: "Vendeu o veículo", note: "Ligar em 2027" }), agentCtx());
    expect(out).toEqual({ status: "recusou" });
    expect(await agendaRow(agenda.id)).toMatchObject({ status: "recusou", resultReason: "Vendeu o veículo", callbackAt: null, updatedAt: NOW });
    expect(await historyOf(agenda.id)).toEqual([
      expect.objectContaining({
        userId: alice,
        at: NOW,
        kind: "status",
        fromStatus: "pendente",
        toStatus: "recusou",
        // The history's reason is a code of AGENDA_REASONS; the refusal's own words are in the note.
        reason: "recusou",
        note: "Vendeu o veículo\nLigar em 2027",
      }),
    ]);
  });

  it("Pediu para ligar: status pediu_ligar, callback at the wall-clock time in São Paulo, history", async () => {
    const agenda = await newAgenda(alice, "nao_respondeu");
    await recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "pediu_ligar", callbackAt: "2026-11-24T14:30" }), agentCtx());
    const row = await agendaRow(agenda.id);
    expect(row.status).toBe("pediu_ligar");
    expect(row.callbackAt?.toISOString()).toBe("2026-11-24T17:30:00.000Z");
    expect(await historyOf(agenda.id)).toEqual([
      expect.objectContaining({ userId: alice, fromStatus: "nao_respondeu", toStatus: "pediu_ligar", reason: "pediu_ligar", note: null }),
    ]);
  });

  it("Pediu para ligar in the past is refused and changes nothing", async () => {
    const agenda = await newAgenda(alice);
    const error = await recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "pediu_ligar", callbackAt: "2026-11-23T08:59" }), agentCtx()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", fieldErrors: { callbackAt: ["callbackFuture"] } });
    expect(await agendaRow(agenda.id)).toMatchObject({ status: "pendente", callbackAt: null });
    expect(await historyOf(agenda.id)).toEqual([]);
  });

  it("Não atendeu: the status stays, a call attempt is recorded", async () => {
    const agenda = await newAgenda(alice, "nao_respondeu");
    const out = await recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "nao_atendeu", note: "Caixa postal" }), agentCtx());
    expect(out).toEqual({ status: "nao_respondeu" });
    expect((await agendaRow(agenda.id)).status).toBe("nao_respondeu");
    expect(await historyOf(agenda.id)).toEqual([
      expect.objectContaining({
        userId: alice,
        kind: "call_attempt",
        fromStatus: "nao_respondeu",
        toStatus: "nao_respondeu",
        reason: "nao_atendeu",
        note: "Caixa postal",
      }),
    ]);
  });

  it("Agendou: books the slot (by phone, by the agent) and the agenda becomes agendou, with history", async () => {
    const agenda = await newAgenda(alice);
    await recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "agendou", slot: SLOT }), agentCtx());
    expect((await agendaRow(agenda.id)).status).toBe("agendou");
    const [appointment, ...more] = await appointmentsOf(agenda.id);
    expect(more).toEqual([]);
    expect(appointment).toMatchObject({
      companyId,
      customerId: agenda.customerId,
      status: "agendado",
      source: "phone",
      createdBy: alice,
    });
    expect(appointment.startsAt.toISOString()).toBe(SLOT);
    expect(await historyOf(agenda.id)).toEqual([
      expect.objectContaining({ userId: alice, kind: "status", fromStatus: "pendente", toStatus: "agendou", reason: "agendou" }),
    ]);
  });

  it("Agendou on a full slot fails with slot_full and leaves the agenda, its history and the slot unchanged", async () => {
    // SLOT is taken (capacity 1) by the previous test; take OTHER_SLOT too, directly.
    await bookAppointment(t.db, { companyId, customerId, startsAt: new Date(OTHER_SLOT), source: "phone", userId: bruno }, NOW);
    const agenda = await newAgenda(alice);
    expect(await errorCode(recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "agendou", slot: OTHER_SLOT }), agentCtx()))).toBe(
      "slot_full",
    );
    expect(await agendaRow(agenda.id)).toMatchObject({ status: "pendente", updatedAt: agenda.updatedAt });
    expect(await historyOf(agenda.id)).toEqual([]);
    expect(await appointmentsOf(agenda.id)).toEqual([]);
    const inSlot = await t.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.companyId, companyId), eq(appointments.startsAt, new Date(OTHER_SLOT))));
    expect(inSlot).toHaveLength(1);
  });

  it("Agendou on a slot that does not exist (Sunday) fails with slot_unavailable and changes nothing", async () => {
    const agenda = await newAgenda(alice);
    expect(
      await errorCode(recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "agendou", slot: "2026-11-29T13:00:00.000Z" }), agentCtx())),
    ).toBe("slot_unavailable");
    expect((await agendaRow(agenda.id)).status).toBe("pendente");
    expect(await historyOf(agenda.id)).toEqual([]);
  });

  it("an agent cannot act on another agent's agenda (not_found), and nothing changes", async () => {
    const agenda = await newAgenda(bruno);
    for (const fields of [
      { outcome: "recusou", reason: "x" },
      { outcome: "nao_atendeu" },
      { outcome: "agendou", slot: "2026-11-24T14:00:00.000Z" },
    ]) {
      expect(await errorCode(recordOutcome(t.db, input({ agendaId: agenda.id, ...fields }), agentCtx()))).toBe("not_found");
    }
    expect((await agendaRow(agenda.id)).status).toBe("pendente");
    expect(await historyOf(agenda.id)).toEqual([]);
    expect(await appointmentsOf(agenda.id)).toEqual([]);
  });

  it("an unassigned agenda is not an agent's either", async () => {
    const [row] = await t.db
      .insert(agendas)
      .values({ companyId, customerId, contactDate: "2026-11-23", origin: "manual", direction: "ativo" })
      .returning();
    expect(await errorCode(recordOutcome(t.db, input({ agendaId: row.id, outcome: "nao_atendeu" }), agentCtx()))).toBe("not_found");
  });

  it("a supervisor who sees every agent can record on another agent's agenda; the history names the supervisor", async () => {
    const agenda = await newAgenda(bruno);
    await recordOutcome(
      t.db,
      input({ agendaId: agenda.id, outcome: "recusou", reason: "Sem interesse" }),
      { userId: supervisor, companyIds: [companyId], canViewAllAgents: true, now: NOW },
    );
    expect((await agendaRow(agenda.id)).status).toBe("recusou");
    expect(await historyOf(agenda.id)).toEqual([expect.objectContaining({ userId: supervisor, toStatus: "recusou" })]);
  });

  it("an agenda of a company outside the user's companies is not found, even for a supervisor", async () => {
    const agenda = await newAgenda(alice, "pendente", otherCompanyId);
    expect(
      await errorCode(
        recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "nao_atendeu" }), {
          userId: supervisor,
          companyIds: [companyId],
          canViewAllAgents: true,
          now: NOW,
        }),
      ),
    ).toBe("not_found");
    expect(await historyOf(agenda.id)).toEqual([]);
  });
});

describe("Agendou: the vehicle or plan, and one open appointment per agenda", () => {
  // Wednesday 2026-11-25 in São Paulo, slots the tests above leave alone.
  const WED = (time: string) => new Date(`2026-11-25T${time}:00.000-03:00`).toISOString();
  const openOf = async (agendaId: string) =>
    t.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.agendaId, agendaId), inArray(appointments.status, ["agendado", "confirmado"])));

  it("books with the customer's own vehicle", async () => {
    const agenda = await newAgenda(alice);
    const [car] = await t.db.insert(assets).values({ customerId: agenda.customerId, kind: "vehicle", plate: "ABC1D23" }).returning();
    await recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "agendou", slot: WED("08:00"), assetId: car.id }), agentCtx());
    expect(await openOf(agenda.id)).toEqual([expect.objectContaining({ assetId: car.id })]);
  });

  it("refuses a vehicle of another customer or of another company with a field error, and books nothing", async () => {
    const agenda = await newAgenda(alice);
    const other = await newAgenda(alice, "pendente", otherCompanyId);
    const [sameCompany] = await t.db.insert(assets).values({ customerId: customerId, kind: "vehicle", plate: "SAM0E00" }).returning();
    const [otherCompany] = await t.db.insert(assets).values({ customerId: other.customerId, kind: "vehicle", plate: "CPS1A11" }).returning();
    for (const asset of [sameCompany, otherCompany]) {
      const error = await recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "agendou", slot: WED("08:30"), assetId: asset.id }), agentCtx()).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: "invalid_input", fieldErrors: { assetId: ["assetInvalid"] } });
    }
    expect(await appointmentsOf(agenda.id)).toEqual([]);
    expect((await agendaRow(agenda.id)).status).toBe("pendente");
    expect(await historyOf(agenda.id)).toEqual([]);
  });

  it("booking an agenda that already booked moves its appointment: the old one is remarcado, one stays open", async () => {
    const agenda = await newAgenda(alice);
    await recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "agendou", slot: WED("09:00") }), agentCtx());
    const [first] = await openOf(agenda.id);
    await recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "agendou", slot: WED("09:30") }), agentCtx());
    const open = await openOf(agenda.id);
    expect(open).toHaveLength(1);
    expect(open[0].startsAt.toISOString()).toBe(WED("09:30"));
    expect(open[0].rescheduledFromId).toBe(first.id);
    expect((await appointmentsOf(agenda.id)).find((a) => a.id === first.id)?.status).toBe("remarcado");
    // Its old place is free again (capacity 1).
    await bookAppointment(t.db, { companyId, customerId, startsAt: new Date(WED("09:00")), source: "phone", userId: bruno }, NOW);
  });

  it("the same booking twice (a double click) is one appointment", async () => {
    const agenda = await newAgenda(alice);
    await recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "agendou", slot: WED("10:00") }), agentCtx());
    await recordOutcome(t.db, input({ agendaId: agenda.id, outcome: "agendou", slot: WED("10:00") }), agentCtx());
    expect(await appointmentsOf(agenda.id)).toEqual([expect.objectContaining({ status: "agendado" })]);
  });

  it("two bookings of one agenda at the same moment (own connections on Postgres) leave one open appointment", async () => {
    const handles = t.url ? [openPostgres(t.url, 1), openPostgres(t.url, 1)] : [];
    try {
      const dbs = handles.length ? handles.map((h) => h.db) : [t.db, t.db];
      for (const [a, b] of [
        ["10:30", "10:30"],
        ["11:00", "11:30"],
      ]) {
        const agenda = await newAgenda(alice);
        const results = await Promise.allSettled([
          recordOutcome(dbs[0], input({ agendaId: agenda.id, outcome: "agendou", slot: WED(a) }), agentCtx()),
          recordOutcome(dbs[1], input({ agendaId: agenda.id, outcome: "agendou", slot: WED(b) }), agentCtx()),
        ]);
        expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
        expect(await openOf(agenda.id)).toHaveLength(1);
      }
    } finally {
      await Promise.all(handles.map((h) => h.close()));
    }
  });
});

describe("outcomeSchema (what the card's form must send)", () => {
  const id = "00000000-0000-4000-8000-000000000000";
  const issues = (fields: Record<string, unknown>) => {
    const r = outcomeSchema.safeParse({ agendaId: id, ...fields });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };
  it("Recusou requires a reason", () => {
    expect(issues({ outcome: "recusou" })).toEqual({ reason: "reasonRequired" });
    expect(issues({ outcome: "recusou", reason: "   " })).toEqual({ reason: "reasonRequired" });
    expect(issues({ outcome: "recusou", reason: "Vendeu" })).toEqual({});
  });
  it("Pediu para ligar requires a date and time", () => {
    expect(issues({ outcome: "pediu_ligar" })).toEqual({ callbackAt: "callbackRequired" });
    expect(issues({ outcome: "pediu_ligar", callbackAt: "2026-11-24" })).toEqual({ callbackAt: "callbackRequired" });
    expect(issues({ outcome: "pediu_ligar", callbackAt: "2026-11-24T10:00" })).toEqual({});
  });
  it("Pediu para ligar refuses a date and time that do not exist or a year out of range", () => {
    for (const callbackAt of ["2026-13-45T99:99", "2026-02-29T10:00", "2026-04-31T10:00", "2026-11-24T24:00", "2026-11-24T10:60", "9999-12-31T23:59", "1899-12-31T10:00"]) {
      expect(issues({ outcome: "pediu_ligar", callbackAt }), callbackAt).toEqual({ callbackAt: "dateInvalid" });
    }
    expect(issues({ outcome: "pediu_ligar", callbackAt: "2028-02-29T23:59" })).toEqual({});
    expect(issues({ outcome: "pediu_ligar", callbackAt: "2026-11-24T00:00" })).toEqual({});
  });
  it("Agendou requires a slot", () => {
    expect(issues({ outcome: "agendou" })).toEqual({ slot: "slotRequired" });
    expect(issues({ outcome: "agendou", slot: SLOT })).toEqual({});
  });
  it("an outcome is required", () => {
    expect(issues({})).toEqual({ outcome: "outcomeRequired" });
  });
});
