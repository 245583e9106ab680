import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DbHandle } from "@/db/client";
import { agendaHistory, agendas, appointments, companyCalendars, holidays } from "@/db/schema/agendas";
import { customers } from "@/db/schema/customers";
import { companies, roles, users } from "@/db/schema/org";
import { UserError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { bookAppointment, type BookingInput } from "./book-appointment";
import { cancelAppointment, rescheduleAppointment } from "./change-appointment";

// Monday 2026-11-23, 09:00 in São Paulo.
const NOW = new Date("2026-11-23T12:00:00.000Z");
/** An instant from São Paulo wall-clock time (UTC−3, no DST). */
const sp = (day: string, time: string) => new Date(`${day}T${time}:00.000-03:00`);
const TUE_10 = sp("2026-11-24", "10:00");
const TUE_1030 = sp("2026-11-24", "10:30");
const TUE_11 = sp("2026-11-24", "11:00");

let t: TestDb;
let userId: string;
let n = 0;

beforeAll(async () => {
  t = await createTestDb();
  const [role] = await t.db.insert(roles).values({ name: "Agente" }).returning();
  const [home] = await t.db.insert(companies).values({ name: "Matriz" }).returning();
  [{ id: userId }] = await t.db
    .insert(users)
    .values({ name: "Alice", email: "alice@atende.test", passwordHash: "x", roleId: role.id, homeCompanyId: home.id })
    .returning();
});
afterAll(() => t?.close());

/** A company of its own per test, so capacities never leak between tests. */
async function newCompany(capacityPerSlot: number | null, extra: { holidays?: string[] } = {}) {
  const [company] = await t.db.insert(companies).values({ name: `Oficina ${++n}` }).returning();
  if (capacityPerSlot !== null) {
    await t.db.insert(companyCalendars).values({
      companyId: company.id,
      openDays: [1, 2, 3, 4, 5],
      opensAt: "08:00",
      closesAt: "17:00",
      slotMinutes: 30,
      capacityPerSlot,
    });
  }
  for (const date of extra.holidays ?? []) await t.db.insert(holidays).values({ companyId: company.id, date, name: "Feriado" });
  const customerIds = (
    await t.db
      .insert(customers)
      .values(Array.from({ length: 10 }, (_, i) => ({ companyId: company.id, name: `Cliente ${i}` })))
      .returning()
  ).map((c) => c.id);
  return { companyId: company.id, customerIds };
}

const booking = (companyId: string, customerId: string, startsAt: Date, more: Partial<BookingInput> = {}): BookingInput => ({
  companyId,
  customerId,
  startsAt,
  source: "phone",
  userId,
  ...more,
});

async function errorCode(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).code;
}

async function activeIn(companyId: string, startsAt: Date) {
  return t.db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.companyId, companyId),
        eq(appointments.startsAt, startsAt),
        inArray(appointments.status, ["agendado", "confirmado", "compareceu"]),
      ),
    );
}

describe("bookAppointment: capacity", () => {
  it("capacity 2: two bookings fit, the third gets slot_full; the next slot is still free", async () => {
    const c = await newCompany(2);
    const first = await bookAppointment(t.db, booking(c.companyId, c.customerIds[0], TUE_10), NOW);
    expect(first.startsAt.toISOString()).toBe(TUE_10.toISOString());
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[1], TUE_10), NOW);
    expect(await errorCode(bookAppointment(t.db, booking(c.companyId, c.customerIds[2], TUE_10), NOW))).toBe("slot_full");
    expect(await activeIn(c.companyId, TUE_10)).toHaveLength(2);
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[2], TUE_1030), NOW);
  });

  it("cancelled, rescheduled and no-show appointments hold no place; confirmed and attended ones do", async () => {
    const c = await newCompany(3);
    await t.db.insert(appointments).values(
      (["cancelado", "remarcado", "no_show", "confirmado", "compareceu"] as const).map((status, i) => ({
        companyId: c.companyId,
        customerId: c.customerIds[i],
        startsAt: TUE_10,
        status,
        source: "phone" as const,
      })),
    );
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[5], TUE_10), NOW);
    expect(await errorCode(bookAppointment(t.db, booking(c.companyId, c.customerIds[6], TUE_10), NOW))).toBe("slot_full");
  });

  it("another company's bookings do not use this company's places", async () => {
    const a = await newCompany(1);
    const b = await newCompany(1);
    await bookAppointment(t.db, booking(a.companyId, a.customerIds[0], TUE_10), NOW);
    await bookAppointment(t.db, booking(b.companyId, b.customerIds[0], TUE_10), NOW);
    expect(await errorCode(bookAppointment(t.db, booking(a.companyId, a.customerIds[1], TUE_10), NOW))).toBe("slot_full");
  });

  it("a company without calendar settings uses the defaults (Mon–Fri 08:00–18:00, 30 min, 2 per slot)", async () => {
    const c = await newCompany(null);
    const late = sp("2026-11-24", "17:30");
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[0], late), NOW);
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[1], late), NOW);
    expect(await errorCode(bookAppointment(t.db, booking(c.companyId, c.customerIds[2], late), NOW))).toBe("slot_full");
  });

  it("stores who booked, from where, for which agenda and service", async () => {
    const c = await newCompany(1);
    const [agenda] = await t.db
      .insert(agendas)
      .values({ companyId: c.companyId, customerId: c.customerIds[0], contactDate: "2026-11-23", origin: "manual", direction: "ativo" })
      .returning();
    const { id } = await bookAppointment(
      t.db,
      booking(c.companyId, c.customerIds[0], TUE_10, { agendaId: agenda.id, service: "Revisão", source: "chatbot", userId: null }),
      NOW,
    );
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, id));
    expect(row).toMatchObject({ agendaId: agenda.id, service: "Revisão", source: "chatbot", createdBy: null, status: "agendado" });
  });
});

describe("bookAppointment: invalid slots → slot_unavailable", () => {
  it.each([
    ["a holiday", sp("2026-11-25", "10:00")],
    ["a Sunday (closed)", sp("2026-11-29", "10:00")],
    ["a Saturday (closed)", sp("2026-11-28", "10:00")],
    ["off the grid (10:15)", sp("2026-11-24", "10:15")],
    ["off the grid by seconds", new Date(TUE_10.getTime() + 30_000)],
    ["before opening (07:30)", sp("2026-11-24", "07:30")],
    ["at closing time (17:00)", sp("2026-11-24", "17:00")],
    ["in the past (today 08:30)", sp("2026-11-23", "08:30")],
    ["the slot that starts right now (today 09:00)", sp("2026-11-23", "09:00")],
    ["yesterday", sp("2026-11-20", "10:00")],
  ])("%s", async (_, startsAt) => {
    const c = await newCompany(5, { holidays: ["2026-11-25"] });
    expect(await errorCode(bookAppointment(t.db, booking(c.companyId, c.customerIds[0], startsAt), NOW))).toBe("slot_unavailable");
    expect(await t.db.select().from(appointments).where(eq(appointments.companyId, c.companyId))).toEqual([]);
  });

  it("the first slot still ahead today and the last slot of the day are bookable", async () => {
    const c = await newCompany(5, { holidays: ["2026-11-25"] });
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[0], sp("2026-11-23", "09:30")), NOW);
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[0], sp("2026-11-24", "16:30")), NOW);
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[0], sp("2026-11-26", "08:00")), NOW);
  });
});

describe("bookAppointment: the race for the last place", () => {
  const RACERS = 8;
  let clients: DbHandle[] = [];

  beforeAll(async () => {
    // On Postgres each racer gets a connection of its own, so the bookings really run at once.
    if (t.url) {
      clients = Array.from({ length: RACERS }, () => openPostgres(t.url!, 1));
      await Promise.all(clients.map((c) => c.db.execute("select 1")));
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });
  const dbOf = (i: number) => (clients.length ? clients[i].db : t.db);

  async function race(companyId: string, customerIds: string[], startsAt: Date) {
    const results = await Promise.allSettled(
      Array.from({ length: RACERS }, (_, i) => bookAppointment(dbOf(i), booking(companyId, customerIds[i], startsAt), NOW)),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    return { won, lostCodes: lost.map((r) => (r.reason instanceof UserError ? r.reason.code : String(r.reason))) };
  }

  it(`capacity 1: ${RACERS} simultaneous bookings → exactly one wins, the others get slot_full`, async () => {
    const c = await newCompany(1);
    const { won, lostCodes } = await race(c.companyId, c.customerIds, TUE_11);
    expect(won).toHaveLength(1);
    expect(lostCodes).toEqual(Array(RACERS - 1).fill("slot_full"));
    expect(await activeIn(c.companyId, TUE_11)).toHaveLength(1);
  });

  it(`capacity 3 with 2 taken: ${RACERS} simultaneous bookings → exactly one more`, async () => {
    const c = await newCompany(3);
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[8], TUE_11), NOW);
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[9], TUE_11), NOW);
    const { won, lostCodes } = await race(c.companyId, c.customerIds, TUE_11);
    expect(won).toHaveLength(1);
    expect(lostCodes).toEqual(Array(RACERS - 1).fill("slot_full"));
    expect(await activeIn(c.companyId, TUE_11)).toHaveLength(3);
  });

  it(`a company without calendar settings (default 2 per slot, row created on the fly): exactly two win`, async () => {
    const c = await newCompany(null);
    const { won, lostCodes } = await race(c.companyId, c.customerIds, TUE_11);
    expect(won).toHaveLength(2);
    expect(lostCodes).toEqual(Array(RACERS - 2).fill("slot_full"));
    expect(await activeIn(c.companyId, TUE_11)).toHaveLength(2);
  });

  it("simultaneous bookings of different slots all succeed", async () => {
    const c = await newCompany(1);
    const slots = Array.from({ length: RACERS }, (_, i) => new Date(TUE_10.getTime() + i * 30 * 60_000));
    const results = await Promise.allSettled(
      slots.map((startsAt, i) => bookAppointment(dbOf(i), booking(c.companyId, c.customerIds[i], startsAt), NOW)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(RACERS).fill("fulfilled"));
  });
});

describe("cancel and reschedule", () => {
  // A supervisor's scope (sees every agent); the agent's rule has its own test below.
  const ctx = (companyIds: string[]) => ({ userId, companyIds, canViewAllAgents: true, now: NOW });

  /** An agenda that booked: status agendou with its appointment. */
  async function bookedAgenda(c: { companyId: string; customerIds: string[] }, startsAt: Date, customer = 0, agentId: string | null = null) {
    const [agenda] = await t.db
      .insert(agendas)
      .values({
        companyId: c.companyId,
        customerId: c.customerIds[customer],
        agentId,
        contactDate: "2026-11-23",
        origin: "manual",
        direction: "ativo",
        status: "agendou",
      })
      .returning();
    const appointment = await bookAppointment(t.db, booking(c.companyId, c.customerIds[customer], startsAt, { agendaId: agenda.id }), NOW);
    return { agenda, appointment };
  }
  const appointmentRow = async (id: string) => (await t.db.select().from(appointments).where(eq(appointments.id, id)))[0];
  const agendaRow = async (id: string) => (await t.db.select().from(agendas).where(eq(agendas.id, id)))[0];
  const historyOf = (id: string) => t.db.select().from(agendaHistory).where(eq(agendaHistory.agendaId, id));

  it("cancel: the appointment is cancelado, its place is free again, the agenda goes back to pendente with history", async () => {
    const c = await newCompany(1);
    const { agenda, appointment } = await bookedAgenda(c, TUE_10);
    expect(await errorCode(bookAppointment(t.db, booking(c.companyId, c.customerIds[1], TUE_10), NOW))).toBe("slot_full");

    await cancelAppointment(t.db, { appointmentId: appointment.id }, ctx([c.companyId]));
    expect((await appointmentRow(appointment.id)).status).toBe("cancelado");
    expect((await agendaRow(agenda.id)).status).toBe("pendente");
    expect(await historyOf(agenda.id)).toEqual([
      expect.objectContaining({ userId, at: NOW, fromStatus: "agendou", toStatus: "pendente", reason: "agendamento_cancelado" }),
    ]);
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[1], TUE_10), NOW);
  });

  it("cancel twice → appointment_closed; another company's user → not_found", async () => {
    const c = await newCompany(1);
    const other = await newCompany(1);
    const { appointment } = await bookedAgenda(c, TUE_10);
    expect(await errorCode(cancelAppointment(t.db, { appointmentId: appointment.id }, ctx([other.companyId])))).toBe("not_found");
    expect((await appointmentRow(appointment.id)).status).toBe("agendado");
    await cancelAppointment(t.db, { appointmentId: appointment.id }, ctx([c.companyId]));
    expect(await errorCode(cancelAppointment(t.db, { appointmentId: appointment.id }, ctx([c.companyId])))).toBe("appointment_closed");
  });

  it("reschedule: the old one is remarcado and frees its place, the new one keeps the agenda and points back to the old", async () => {
    const c = await newCompany(1);
    const { agenda, appointment } = await bookedAgenda(c, TUE_10);
    const created = await rescheduleAppointment(t.db, { appointmentId: appointment.id, slot: TUE_1030.toISOString() }, ctx([c.companyId]));
    expect((await appointmentRow(appointment.id)).status).toBe("remarcado");
    expect(await appointmentRow(created.id)).toMatchObject({
      status: "agendado",
      agendaId: agenda.id,
      customerId: c.customerIds[0],
      rescheduledFromId: appointment.id,
      createdBy: userId,
    });
    expect(created.startsAt.toISOString()).toBe(TUE_1030.toISOString());
    expect((await agendaRow(agenda.id)).status).toBe("agendou");
    expect(await historyOf(agenda.id)).toEqual([
      expect.objectContaining({ userId, fromStatus: "agendou", toStatus: "agendou", reason: "remarcado" }),
    ]);
    // The old place is free, the new one is taken.
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[1], TUE_10), NOW);
    expect(await errorCode(bookAppointment(t.db, booking(c.companyId, c.customerIds[2], TUE_1030), NOW))).toBe("slot_full");
  });

  it("reschedule into a full slot fails with slot_full and keeps the customer's current booking", async () => {
    const c = await newCompany(1);
    const { agenda, appointment } = await bookedAgenda(c, TUE_10);
    await bookAppointment(t.db, booking(c.companyId, c.customerIds[1], TUE_1030), NOW);
    expect(
      await errorCode(rescheduleAppointment(t.db, { appointmentId: appointment.id, slot: TUE_1030.toISOString() }, ctx([c.companyId]))),
    ).toBe("slot_full");
    expect((await appointmentRow(appointment.id)).status).toBe("agendado");
    expect(await activeIn(c.companyId, TUE_10)).toHaveLength(1);
    expect(await historyOf(agenda.id)).toEqual([]);
  });

  it("reschedule to an invalid slot fails with slot_unavailable and keeps the booking", async () => {
    const c = await newCompany(1);
    const { appointment } = await bookedAgenda(c, TUE_10);
    expect(
      await errorCode(
        rescheduleAppointment(t.db, { appointmentId: appointment.id, slot: sp("2026-11-29", "10:00").toISOString() }, ctx([c.companyId])),
      ),
    ).toBe("slot_unavailable");
    expect((await appointmentRow(appointment.id)).status).toBe("agendado");
  });

  it("an agent changes only the appointments of their own agendas, the rule of recordOutcome (not_found otherwise)", async () => {
    const c = await newCompany(2);
    const [role] = await t.db.select({ id: users.roleId, homeCompanyId: users.homeCompanyId }).from(users).where(eq(users.id, userId));
    const [{ id: bruno }] = await t.db
      .insert(users)
      .values({ name: "Bruno", email: `bruno${++n}@atende.test`, passwordHash: "x", roleId: role.id, homeCompanyId: role.homeCompanyId })
      .returning();
    const agent = { userId, companyIds: [c.companyId], canViewAllAgents: false, now: NOW };

    const theirs = await bookedAgenda(c, TUE_10, 0, bruno);
    expect(await errorCode(cancelAppointment(t.db, { appointmentId: theirs.appointment.id }, agent))).toBe("not_found");
    expect(await errorCode(rescheduleAppointment(t.db, { appointmentId: theirs.appointment.id, slot: TUE_1030.toISOString() }, agent))).toBe(
      "not_found",
    );
    expect((await appointmentRow(theirs.appointment.id)).status).toBe("agendado");
    expect((await agendaRow(theirs.agenda.id)).status).toBe("agendou");
    expect(await historyOf(theirs.agenda.id)).toEqual([]);

    // An appointment of no agenda, or of an unassigned one, is no agent's either.
    const loose = await bookAppointment(t.db, booking(c.companyId, c.customerIds[1], TUE_10), NOW);
    const unassigned = await bookedAgenda(c, TUE_11, 2);
    for (const id of [loose.id, unassigned.appointment.id]) {
      expect(await errorCode(cancelAppointment(t.db, { appointmentId: id }, agent))).toBe("not_found");
    }

    const mine = await bookedAgenda(c, TUE_1030, 3, userId);
    const moved = await rescheduleAppointment(t.db, { appointmentId: mine.appointment.id, slot: TUE_11.toISOString() }, agent);
    await cancelAppointment(t.db, { appointmentId: moved.id }, agent);
    expect((await agendaRow(mine.agenda.id)).status).toBe("pendente");
  });

  it("an attended appointment cannot be rescheduled or cancelled", async () => {
    const c = await newCompany(1);
    const { appointment } = await bookedAgenda(c, TUE_10);
    await t.db.update(appointments).set({ status: "compareceu" }).where(eq(appointments.id, appointment.id));
    expect(
      await errorCode(rescheduleAppointment(t.db, { appointmentId: appointment.id, slot: TUE_1030.toISOString() }, ctx([c.companyId]))),
    ).toBe("appointment_closed");
    expect(await errorCode(cancelAppointment(t.db, { appointmentId: appointment.id }, ctx([c.companyId])))).toBe("appointment_closed");
  });
});
