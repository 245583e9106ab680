import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendas, appointments, companyCalendars, holidays } from "@/db/schema/agendas";
import { assets } from "@/db/schema/customers";
import { moveAgenda, type AgendaReason } from "@/lib/agendas/status";
import { UserError } from "@/lib/errors";
import { localDate } from "@/lib/dates";
import { getCalendar } from "./calendar";
import { daySlots } from "./slots";
import { createAppointment, lockAgendaOf, moveAppointment, OPEN_APPOINTMENT_STATUSES, SLOT_HOLDING_APPOINTMENT_STATUSES } from "./status";

export type BookingInput = {
  companyId: string;
  customerId: string;
  assetId?: string | null;
  agendaId?: string | null;
  startsAt: Date;
  service?: string | null;
  source: "chatbot" | "phone" | "passive" | "reception";
  userId: string | null;
  rescheduledFromId?: string | null;
};

/**
 * Books one place in a slot. Bookings of a company are serialised on its calendar row
 * (SELECT … FOR UPDATE), so two bookings racing for the last place cannot both win.
 * An agenda has at most one open appointment: booking it again replaces (reschedules) the open one, or
 * is that one when it asks for the same slot and asset. Bookings of one agenda are serialised on its row.
 * Call it inside a transaction when it is part of a larger change; it opens one otherwise.
 */
export async function bookAppointment(db: Db, input: BookingInput, now: Date) {
  return db.transaction(async (tx) => {
    if (input.assetId) {
      const [asset] = await tx
        .select({ id: assets.id })
        .from(assets)
        .where(and(eq(assets.id, input.assetId), eq(assets.customerId, input.customerId)));
      if (!asset) throw new UserError("invalid_input", { assetId: ["assetInvalid"] });
    }

    let rescheduledFromId = input.rescheduledFromId ?? null;
    if (input.agendaId) {
      // The agenda before the calendar row, the order in which recordOutcome takes them.
      await tx.select({ id: agendas.id }).from(agendas).where(eq(agendas.id, input.agendaId)).for("update");
      const [open] = await tx
        .select({ id: appointments.id, startsAt: appointments.startsAt, assetId: appointments.assetId })
        .from(appointments)
        .where(and(eq(appointments.agendaId, input.agendaId), inArray(appointments.status, [...OPEN_APPOINTMENT_STATUSES])));
      if (open && open.startsAt.getTime() === input.startsAt.getTime() && open.assetId === (input.assetId ?? null)) {
        return { id: open.id, startsAt: open.startsAt };
      }
      if (open) {
        // Before the count below: the place it held is free again, as with rescheduleBooking.
        await moveAppointment(tx, { appointmentId: open.id, move: "reschedule", now });
        rescheduledFromId ??= open.id;
      }
    }

    // Make sure the row to lock exists (a company without settings uses the defaults).
    await tx.insert(companyCalendars).values({ companyId: input.companyId }).onConflictDoNothing();
    await tx.execute(sql`select 1 from company_calendars where company_id = ${input.companyId} for update`);

    const calendar = await getCalendar(tx, input.companyId);
    const day = localDate(input.startsAt, calendar.timeZone);
    const holidayRows = await tx
      .select({ date: holidays.date })
      .from(holidays)
      .where(and(eq(holidays.companyId, input.companyId), eq(holidays.date, day)));
    const valid = daySlots(calendar, day, {
      timeZone: calendar.timeZone,
      holidays: new Set(holidayRows.map((h) => h.date)),
      now,
    }).some((s) => s.getTime() === input.startsAt.getTime());
    if (!valid) throw new UserError("slot_unavailable");

    const [{ taken }] = await tx
      .select({ taken: sql<number>`count(*)::int` })
      .from(appointments)
      .where(
        and(
          eq(appointments.companyId, input.companyId),
          eq(appointments.startsAt, input.startsAt),
          inArray(appointments.status, [...SLOT_HOLDING_APPOINTMENT_STATUSES]),
        ),
      );
    if (taken >= calendar.capacityPerSlot) throw new UserError("slot_full");

    const row = await createAppointment(tx, {
      companyId: input.companyId,
      customerId: input.customerId,
      assetId: input.assetId ?? null,
      agendaId: input.agendaId ?? null,
      startsAt: input.startsAt,
      service: input.service ?? null,
      source: input.source,
      createdBy: input.userId,
      rescheduledFromId,
    });
    return { id: row.id, startsAt: row.startsAt };
  });
}

/**
 * Books for an agenda and moves it to agendou with its history (`reason`: who booked, how), in one
 * transaction: the card's Agendou, the chatbot's booking and every reschedule.
 */
export async function bookForAgenda(
  db: Db,
  input: BookingInput & { agendaId: string },
  now: Date,
  history: { reason: AgendaReason; note?: string | null },
) {
  return db.transaction(async (tx) => {
    const booked = await bookAppointment(tx, input, now);
    await moveAgenda(tx, { agendaId: input.agendaId, move: "book", reason: history.reason, note: history.note, actorId: input.userId, now });
    return booked;
  });
}

/**
 * Reschedules an open appointment: it becomes `remarcado` (freeing its place) and the new one, of the
 * same customer, asset, service and agenda, must fit its slot; the agenda is agendou again. Locks the
 * agenda before the appointment. Null when the appointment is no longer open.
 */
export async function rescheduleBooking(
  db: Db,
  input: { appointmentId: string; startsAt: Date; source: BookingInput["source"]; userId: string | null; reason: AgendaReason },
  now: Date,
) {
  return db.transaction(async (tx) => {
    await lockAgendaOf(tx, input.appointmentId);
    const [old] = await tx
      .select({ companyId: appointments.companyId, customerId: appointments.customerId, assetId: appointments.assetId, agendaId: appointments.agendaId, service: appointments.service })
      .from(appointments)
      .where(eq(appointments.id, input.appointmentId));
    const moved = old && (await moveAppointment(tx, { appointmentId: input.appointmentId, move: "reschedule", now }));
    if (!moved) return null;
    const booking: BookingInput = {
      companyId: old.companyId,
      customerId: old.customerId,
      assetId: old.assetId,
      agendaId: old.agendaId,
      startsAt: input.startsAt,
      service: old.service,
      source: input.source,
      userId: input.userId,
      rescheduledFromId: moved.id,
    };
    return old.agendaId
      ? bookForAgenda(tx, { ...booking, agendaId: old.agendaId }, now, { reason: input.reason })
      : bookAppointment(tx, booking, now);
  });
}
