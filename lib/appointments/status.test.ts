import { asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/db/client";
import { agendaHistory, agendas, appointments } from "@/db/schema/agendas";
import { customers } from "@/db/schema/customers";
import { events } from "@/db/schema/events";
import { companies } from "@/db/schema/org";
import type { AgendaStatus } from "@/lib/agendas/status";
import { UserError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { cancelAppointment, checkIn, confirmAppointment, markNoShow, undoAttendance, type AppointmentStatus } from "./status";

const NOW = new Date("2026-11-23T13:00:00.000Z");
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);
let t: TestDb;
let companyId: string;
let customerId: string;

beforeAll(async () => {
  t = await createTestDb();
  [{ id: companyId }] = await t.db.insert(companies).values({ name: "Oficina" }).returning();
  [{ id: customerId }] = await t.db.insert(customers).values({ companyId, name: "Maria" }).returning();
});
afterAll(() => t?.close());

/** An agenda (agendou) with its appointment starting at `startsAt`. */
async function booking(status: AppointmentStatus = "agendado", startsAt = minutes(-10), agendaStatus: AgendaStatus = "agendou") {
  const [agenda] = await t.db
    .insert(agendas)
    .values({ companyId, customerId, contactDate: "2026-11-23", origin: "manual", direction: "ativo", status: agendaStatus })
    .returning({ id: agendas.id });
  const [appointment] = await t.db
    .insert(appointments)
    .values({ companyId, customerId, agendaId: agenda.id, startsAt, status, source: "phone" })
    .returning({ id: appointments.id });
  return { agendaId: agenda.id, id: appointment.id };
}
const appointmentOf = async (id: string) =>
  (await t.db.select({ status: appointments.status, noShowMarkedBy: appointments.noShowMarkedBy }).from(appointments).where(eq(appointments.id, id)))[0];
const agendaStatus = async (id: string) => (await t.db.select({ status: agendas.status }).from(agendas).where(eq(agendas.id, id)))[0].status;
const historyOf = async (agendaId: string) =>
  (
    await t.db
      .select({ kind: agendaHistory.kind, fromStatus: agendaHistory.fromStatus, toStatus: agendaHistory.toStatus, reason: agendaHistory.reason })
      .from(agendaHistory)
      .where(eq(agendaHistory.agendaId, agendaId))
      // Rows of one change share their time: the agenda's (status) before the appointment's.
      .orderBy(asc(agendaHistory.at), desc(agendaHistory.kind))
  ).map((h) => `${h.kind} ${h.fromStatus}>${h.toStatus} ${h.reason}`);
const appointmentEvents = async (id: string) =>
  (await t.db.select({ type: events.type, payload: events.payload }).from(events)).filter((e) => e.type === "appointment.changed" && e.payload.appointmentId === id);
const who = { actorId: null, now: NOW };
const tx = <T>(fn: (db: TestDb["db"]) => Promise<T>) => t.db.transaction((db) => fn(db));

async function userErrorCode(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).code;
}

describe("appointment transitions", () => {
  it("confirm: only from agendado, with one appointment.changed event", async () => {
    const b = await booking("agendado", minutes(60 * 24));
    expect(await tx((db) => confirmAppointment(db, { appointmentId: b.id, ...who }))).toMatchObject({ from: "agendado", to: "confirmado" });
    expect(await tx((db) => confirmAppointment(db, { appointmentId: b.id, ...who }))).toBeNull();
    expect((await appointmentOf(b.id)).status).toBe("confirmado");
    expect(await appointmentEvents(b.id)).toEqual([{ type: "appointment.changed", payload: { appointmentId: b.id, agendaId: b.agendaId } }]);
  });

  it("cancel: the appointment is cancelado and the agenda goes back to pendente with its history; a closed one is refused", async () => {
    const b = await booking("confirmado", minutes(60));
    expect(await tx((db) => cancelAppointment(db, { appointmentId: b.id, reason: "agendamento_cancelado", ...who }))).toMatchObject({ to: "cancelado" });
    expect(await agendaStatus(b.agendaId)).toBe("pendente");
    expect(await historyOf(b.agendaId)).toEqual(["status agendou>pendente agendamento_cancelado"]);
    expect(await tx((db) => cancelAppointment(db, { appointmentId: b.id, reason: "agendamento_cancelado", ...who }))).toBeNull();
    expect(await historyOf(b.agendaId)).toHaveLength(1);
  });

  it("check-in keeps the agenda's status and records the appointment's change in its history", async () => {
    const b = await booking("confirmado");
    expect(await tx((db) => checkIn(db, { appointmentId: b.id, ...who }))).toMatchObject({ from: "confirmado", to: "compareceu" });
    expect(await agendaStatus(b.agendaId)).toBe("agendou");
    expect(await historyOf(b.agendaId)).toEqual(["appointment confirmado>compareceu compareceu"]);
    expect(await tx((db) => checkIn(db, { appointmentId: b.id, ...who }))).toBeNull();
  });

  it("no-show is refused before the appointment's start and writes nothing", async () => {
    const b = await booking("agendado", minutes(1));
    expect(await userErrorCode(tx((db) => markNoShow(db, { appointmentId: b.id, by: "manual", ...who })))).toBe("no_show_before_start");
    expect(await appointmentOf(b.id)).toEqual({ status: "agendado", noShowMarkedBy: null });
    expect(await agendaStatus(b.agendaId)).toBe("agendou");
    expect(await historyOf(b.agendaId)).toEqual([]);
    expect(await appointmentEvents(b.id)).toEqual([]);
    // From its start on, it can be marked.
    expect(await tx((db) => markNoShow(db, { appointmentId: b.id, by: "manual", actorId: null, now: minutes(1) }))).toMatchObject({ to: "no_show" });
  });

  it("a no-show by hand undone: the appointment is confirmado again, the agenda agendou, and the history shows the mark and the undo", async () => {
    const b = await booking("confirmado");
    await tx((db) => markNoShow(db, { appointmentId: b.id, by: "manual", ...who }));
    expect(await appointmentOf(b.id)).toEqual({ status: "no_show", noShowMarkedBy: "manual" });
    expect(await agendaStatus(b.agendaId)).toBe("no_show");

    const later = { actorId: null, now: minutes(5) };
    expect(await tx((db) => undoAttendance(db, { appointmentId: b.id, ...later }))).toMatchObject({ from: "no_show", to: "confirmado" });
    expect(await appointmentOf(b.id)).toEqual({ status: "confirmado", noShowMarkedBy: null });
    expect(await agendaStatus(b.agendaId)).toBe("agendou");
    expect(await historyOf(b.agendaId)).toEqual([
      "status agendou>no_show no_show_manual",
      "appointment confirmado>no_show no_show_manual",
      "status no_show>agendou no_show_desfeito",
      "appointment no_show>confirmado no_show_desfeito",
    ]);
    // Nothing left to undo.
    expect(await userErrorCode(tx((db) => undoAttendance(db, { appointmentId: b.id, ...who })))).toBe("attendance_not_undoable");
  });

  it("a check-in undone goes back to agendado when it was agendado", async () => {
    const b = await booking("agendado");
    await tx((db) => checkIn(db, { appointmentId: b.id, ...who }));
    expect(await tx((db) => undoAttendance(db, { appointmentId: b.id, actorId: null, now: minutes(5) }))).toMatchObject({ from: "compareceu", to: "agendado" });
    expect(await agendaStatus(b.agendaId)).toBe("agendou");
    expect(await historyOf(b.agendaId)).toEqual(["appointment agendado>compareceu compareceu", "appointment compareceu>agendado compareceu_desfeito"]);
  });

  it("the sweep's no-show, and a no-show whose agenda was booked again, cannot be undone", async () => {
    const swept = await booking("agendado", minutes(-90));
    await tx((db) => markNoShow(db, { appointmentId: swept.id, by: "automatic", ...who }));
    expect(await userErrorCode(tx((db) => undoAttendance(db, { appointmentId: swept.id, ...who })))).toBe("attendance_not_undoable");

    const rebooked = await booking("agendado");
    await tx((db) => markNoShow(db, { appointmentId: rebooked.id, by: "manual", ...who }));
    await t.db.insert(appointments).values({ companyId, customerId, agendaId: rebooked.agendaId, startsAt: minutes(60 * 24), source: "chatbot" });
    expect(await userErrorCode(tx((db) => undoAttendance(db, { appointmentId: rebooked.id, ...who })))).toBe("attendance_not_undoable");
    expect((await appointmentOf(rebooked.id)).status).toBe("no_show");
  });

  it("a rollback takes the appointment's status, the agenda's, their history and events with it", async () => {
    const b = await booking("agendado");
    await expect(
      t.db.transaction(async (db) => {
        await markNoShow(db, { appointmentId: b.id, by: "manual", ...who });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect((await appointmentOf(b.id)).status).toBe("agendado");
    expect(await agendaStatus(b.agendaId)).toBe("agendou");
    expect(await historyOf(b.agendaId)).toEqual([]);
    expect(await appointmentEvents(b.id)).toEqual([]);
  });

  it("a check-in and a no-show of the same appointment at once: exactly one wins", async () => {
    const b = await booking("agendado");
    // Separate connections on Postgres; PGlite serialises the two transactions on its one connection.
    const other = t.url ? openPostgres(t.url, 2) : null;
    const second = other?.db ?? t.db;
    try {
      const results = await Promise.all([
        t.db.transaction((db) => checkIn(db, { appointmentId: b.id, ...who })),
        second.transaction((db) => markNoShow(db, { appointmentId: b.id, by: "manual", ...who })),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await appointmentEvents(b.id)).toHaveLength(1);
      const status = (await appointmentOf(b.id)).status;
      expect(await agendaStatus(b.agendaId)).toBe(status === "no_show" ? "no_show" : "agendou");
    } finally {
      await other?.close();
    }
  });
});
