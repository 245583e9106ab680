import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema/agendas";
import { assets, customers } from "@/db/schema/customers";
import { UserError } from "@/lib/errors";
import { addDaysToDate, zonedInstant } from "@/lib/dates";
import { checkIn, FRONT_DESK_APPOINTMENT_STATUSES, markNoShow, undoAttendance } from "./status";

/** A day's appointments of a company, by time, for the front desk. */
export async function dayAppointments(db: Db, companyId: string, day: string, timeZone: string) {
  return db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      status: appointments.status,
      noShowMarkedBy: appointments.noShowMarkedBy,
      service: appointments.service,
      customerName: customers.name,
      plate: assets.plate,
      model: assets.model,
      planName: assets.planName,
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .leftJoin(assets, eq(assets.id, appointments.assetId))
    .where(
      and(
        eq(appointments.companyId, companyId),
        gte(appointments.startsAt, zonedInstant(day, "00:00", timeZone)),
        lt(appointments.startsAt, zonedInstant(addDaysToDate(day, 1), "00:00", timeZone)),
        inArray(appointments.status, [...FRONT_DESK_APPOINTMENT_STATUSES]),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(customers.name));
}

type Ctx = { userId: string; companyIds: string[]; now: Date };

/**
 * Check-in or no-show by hand. A no-show sends the agenda back to scheduling with status `no_show`
 * (seed 000), where the worklist's No-Show totalizer counts it; it is refused before the appointment's
 * start (no_show_before_start).
 */
export async function markAttendance(db: Db, input: { appointmentId: string; outcome: "compareceu" | "no_show" }, ctx: Ctx) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  return db.transaction(async (tx) => {
    const [appointment] = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.id, input.appointmentId), inArray(appointments.companyId, ctx.companyIds)));
    if (!appointment) throw new UserError("not_found");
    const who = { appointmentId: appointment.id, actorId: ctx.userId, now: ctx.now };
    const moved = input.outcome === "compareceu" ? await checkIn(tx, who) : await markNoShow(tx, { ...who, by: "manual" });
    if (!moved) throw new UserError("already_marked");
    return { status: input.outcome };
  });
}

/** Undoes a Compareceu or a No-show marked by mistake (undoAttendance): the appointment is open again. */
export async function undoMarkAttendance(db: Db, input: { appointmentId: string }, ctx: Ctx) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  return db.transaction(async (tx) => {
    const moved = await undoAttendance(tx, { appointmentId: input.appointmentId, where: inArray(appointments.companyId, ctx.companyIds), actorId: ctx.userId, now: ctx.now });
    return { status: moved.to };
  });
}
