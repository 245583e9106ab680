import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, companyCalendars, holidays } from "@/db/schema/agendas";
import { companies } from "@/db/schema/org";
import { addDaysToDate, zonedInstant } from "@/lib/dates";
import { DEFAULT_CALENDAR, daySlots, type CalendarRules } from "./slots";
import { SLOT_HOLDING_APPOINTMENT_STATUSES } from "./status";

export async function getCalendar(db: Db, companyId: string): Promise<CalendarRules & { timeZone: string }> {
  const [row] = await db
    .select({
      timeZone: companies.timeZone,
      openDays: companyCalendars.openDays,
      opensAt: companyCalendars.opensAt,
      closesAt: companyCalendars.closesAt,
      slotMinutes: companyCalendars.slotMinutes,
      capacityPerSlot: companyCalendars.capacityPerSlot,
    })
    .from(companies)
    .leftJoin(companyCalendars, eq(companyCalendars.companyId, companies.id))
    .where(eq(companies.id, companyId));
  if (!row) throw new Error(`company ${companyId} not found`);
  return {
    timeZone: row.timeZone,
    openDays: row.openDays ?? DEFAULT_CALENDAR.openDays,
    opensAt: row.opensAt ?? DEFAULT_CALENDAR.opensAt,
    closesAt: row.closesAt ?? DEFAULT_CALENDAR.closesAt,
    slotMinutes: row.slotMinutes ?? DEFAULT_CALENDAR.slotMinutes,
    capacityPerSlot: row.capacityPerSlot ?? DEFAULT_CALENDAR.capacityPerSlot,
  };
}

export async function listHolidays(db: Db, companyId: string, from?: string, to?: string) {
  const conditions = [eq(holidays.companyId, companyId)];
  if (from) conditions.push(gte(holidays.date, from));
  if (to) conditions.push(lte(holidays.date, to));
  return db
    .select({ id: holidays.id, date: holidays.date, name: holidays.name })
    .from(holidays)
    .where(and(...conditions))
    .orderBy(asc(holidays.date));
}

export type FreeSlot = { startsAt: Date; free: number };

/** Free places per slot over the next `days` calendar days (today included), only slots with room. */
export async function freeSlots(
  db: Db,
  companyId: string,
  opts: { from: string; days: number; now: Date },
): Promise<{ day: string; slots: FreeSlot[] }[]> {
  const calendar = await getCalendar(db, companyId);
  const to = addDaysToDate(opts.from, opts.days - 1);
  const holidayRows = await listHolidays(db, companyId, opts.from, to);
  const holidaySet = new Set(holidayRows.map((h) => h.date));
  const booked = await db
    .select({ startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.companyId, companyId),
        inArray(appointments.status, [...SLOT_HOLDING_APPOINTMENT_STATUSES]),
        gte(appointments.startsAt, zonedInstant(opts.from, "00:00", calendar.timeZone)),
        lte(appointments.startsAt, zonedInstant(addDaysToDate(to, 1), "00:00", calendar.timeZone)),
      ),
    );
  const used = new Map<number, number>();
  for (const b of booked) used.set(b.startsAt.getTime(), (used.get(b.startsAt.getTime()) ?? 0) + 1);
  const out: { day: string; slots: FreeSlot[] }[] = [];
  for (let i = 0; i < opts.days; i++) {
    const day = addDaysToDate(opts.from, i);
    const slots = daySlots(calendar, day, { timeZone: calendar.timeZone, holidays: holidaySet, now: opts.now })
      .map((startsAt) => ({ startsAt, free: calendar.capacityPerSlot - (used.get(startsAt.getTime()) ?? 0) }))
      .filter((s) => s.free > 0);
    if (slots.length) out.push({ day, slots });
  }
  return out;
}
