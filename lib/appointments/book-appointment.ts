import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendas, appointments, companyCalendars, holidays } from "@/db/schema/agendas";
import { assets } from "@/db/schema/customers";
import { UserError } from "@/lib/errors";
import { localDate } from "@/lib/dates";
import { ACTIVE_APPOINTMENT_STATUSES, getCalendar, OPEN_APPOINTMENT_STATUSES } from "./calendar";
import { daySlots } from "./slots";

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
        // Before the count below: the place it held is free again, as with rescheduleAppointment.
        await tx
          .update(appointments)
          .set({ status: "remarcado", updatedAt: now })
          .where(and(eq(appointments.agendaId, input.agendaId), inArray(appointments.status, [...OPEN_APPOINTMENT_STATUSES])));
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
          inArray(appointments.status, [...ACTIVE_APPOINTMENT_STATUSES]),
        ),
      );
    if (taken >= calendar.capacityPerSlot) throw new UserError("slot_full");

    const [row] = await tx
      .insert(appointments)
      .values({
        companyId: input.companyId,
        customerId: input.customerId,
        assetId: input.assetId ?? null,
        agendaId: input.agendaId ?? null,
        startsAt: input.startsAt,
        service: input.service ?? null,
        source: input.source,
        createdBy: input.userId,
        rescheduledFromId,
      })
      .returning({ id: appointments.id, startsAt: appointments.startsAt });
    return row;
  });
}
