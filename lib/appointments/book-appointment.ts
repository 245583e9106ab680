import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, companyCalendars, holidays } from "@/db/schema/agendas";
import { UserError } from "@/lib/errors";
import { localDate } from "@/lib/dates";
import { ACTIVE_APPOINTMENT_STATUSES, getCalendar } from "./calendar";
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
 * Call it inside a transaction when it is part of a larger change; it opens one otherwise.
 */
export async function bookAppointment(db: Db, input: BookingInput, now: Date) {
  return db.transaction(async (tx) => {
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
        rescheduledFromId: input.rescheduledFromId ?? null,
      })
      .returning({ id: appointments.id, startsAt: appointments.startsAt });
    return row;
  });
}
