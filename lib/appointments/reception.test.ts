import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaHistory, agendas, appointments } from "@/db/schema/agendas";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { dayAppointments, markAttendance } from "./reception";
import { attendanceSchema } from "./schema";

// A Monday: the São Paulo workshop is open and the demo puts today's bookings there.
const NOW = new Date("2026-03-02T12:00:00.000Z");
const TODAY = "2026-03-02";
const TZ = "America/Sao_Paulo";

let t: TestDb;
let s: Seeded;
let desk: { userId: string; companyIds: string[]; now: Date };

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { customers: 30, now: NOW });
  s = await seeded(t.db);
  desk = { userId: await s.userId("recepcao@atende.dev"), companyIds: [s.sp], now: NOW };
});
afterAll(() => t?.close());

async function userErrorCode(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).code;
}

async function appointment(id: string) {
  const [row] = await t.db
    .select({ status: appointments.status, noShowMarkedBy: appointments.noShowMarkedBy, agendaId: appointments.agendaId, updatedAt: appointments.updatedAt })
    .from(appointments)
    .where(eq(appointments.id, id));
  return row;
}

/** Today's open appointments at São Paulo (booked or confirmed), with their agenda. */
async function openToday() {
  const rows = await dayAppointments(t.db, s.sp, TODAY, TZ);
  const open = rows.filter((r) => r.status === "agendado" || r.status === "confirmado");
  const withAgenda = await t.db
    .select({ id: appointments.id, agendaId: appointments.agendaId })
    .from(appointments)
    .where(inArray(appointments.id, open.map((r) => r.id)));
  return open.map((r) => ({ ...r, agendaId: withAgenda.find((w) => w.id === r.id)?.agendaId ?? null }));
}

describe("dayAppointments", () => {
  it("lists the day's São Paulo appointments by time", async () => {
    const rows = await dayAppointments(t.db, s.sp, TODAY, TZ);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const times = rows.map((r) => r.startsAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(rows[0].customerName).toBeTruthy();
  });
});

describe("markAttendance", () => {
  it("checks a customer in: the appointment becomes compareceu", async () => {
    const [target] = await openToday();
    const result = await markAttendance(t.db, attendanceSchema.parse({ appointmentId: target.id, outcome: "compareceu" }), desk);
    expect(result).toEqual({ status: "compareceu" });
    expect(await appointment(target.id)).toMatchObject({ status: "compareceu", noShowMarkedBy: null, updatedAt: NOW });
  });

  it("a no-show by hand marks the appointment (manual) and sends the agenda back with status no_show and a history row", async () => {
    const target = (await openToday()).find((r) => r.agendaId);
    expect(target, "a booking of today with an agenda").toBeDefined();
    const agendaId = target!.agendaId!;
    const [before] = await t.db.select({ status: agendas.status }).from(agendas).where(eq(agendas.id, agendaId));

    await markAttendance(t.db, { appointmentId: target!.id, outcome: "no_show" }, desk);

    expect(await appointment(target!.id)).toMatchObject({ status: "no_show", noShowMarkedBy: "manual" });
    const [agenda] = await t.db.select({ status: agendas.status }).from(agendas).where(eq(agendas.id, agendaId));
    expect(agenda.status).toBe("no_show");
    // kind status: the agenda's move (the appointment's own row, kind appointment, is what an undo reads).
    const history = await t.db
      .select()
      .from(agendaHistory)
      .where(and(eq(agendaHistory.agendaId, agendaId), eq(agendaHistory.kind, "status"), eq(agendaHistory.toStatus, "no_show")));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ userId: desk.userId, fromStatus: before.status, reason: "no_show_manual", at: NOW });
  });

  it("refuses a second mark of the same appointment", async () => {
    const [target] = await openToday();
    await markAttendance(t.db, { appointmentId: target.id, outcome: "compareceu" }, desk);
    expect(await userErrorCode(markAttendance(t.db, { appointmentId: target.id, outcome: "no_show" }, desk))).toBe("already_marked");
    expect(await userErrorCode(markAttendance(t.db, { appointmentId: target.id, outcome: "compareceu" }, desk))).toBe("already_marked");
    expect((await appointment(target.id)).status).toBe("compareceu");
  });

  it("does not find another company's appointment, and leaves it alone", async () => {
    const [other] = await t.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(inArray(appointments.companyId, [s.cps, s.net]), inArray(appointments.status, ["agendado", "confirmado"])))
      .limit(1);
    expect(other).toBeDefined();
    const before = await appointment(other.id);
    expect(await userErrorCode(markAttendance(t.db, { appointmentId: other.id, outcome: "no_show" }, desk))).toBe("not_found");
    expect(await appointment(other.id)).toEqual(before);
    // No company at all: nothing is found either.
    expect(await userErrorCode(markAttendance(t.db, { appointmentId: other.id, outcome: "compareceu" }, { ...desk, companyIds: [] }))).toBe(
      "not_found",
    );
  });

  it("the schema accepts only the two outcomes", () => {
    expect(attendanceSchema.safeParse({ appointmentId: "33333333-3333-4333-8333-333333333333", outcome: "cancelado" }).success).toBe(false);
    expect(attendanceSchema.safeParse({ appointmentId: "x", outcome: "compareceu" }).success).toBe(false);
  });
});
