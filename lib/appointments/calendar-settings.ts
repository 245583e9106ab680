import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companyCalendars, holidays } from "@/db/schema/agendas";
import { UserError } from "@/lib/errors";
import type { CalendarInput, HolidayInput, RemoveHolidayInput } from "./schema";

type Scope = { companyIds: string[] };

/** The company's opening days and hours, slot length and capacity: one row per company, upserted. */
export async function saveCalendar(db: Db, input: CalendarInput, ctx: Scope & { now: Date }) {
  if (!ctx.companyIds.includes(input.companyId)) throw new UserError("forbidden");
  const values = {
    openDays: input.openDays,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    slotMinutes: input.slotMinutes,
    capacityPerSlot: input.capacityPerSlot,
    updatedAt: ctx.now,
  };
  await db
    .insert(companyCalendars)
    .values({ companyId: input.companyId, ...values })
    .onConflictDoUpdate({ target: companyCalendars.companyId, set: values });
  return { companyId: input.companyId };
}

/** One holiday per company and day: a second one on the same day is refused. */
export async function addHoliday(db: Db, input: HolidayInput, scope: Scope) {
  if (!scope.companyIds.includes(input.companyId)) throw new UserError("forbidden");
  const [row] = await db
    .insert(holidays)
    .values({ companyId: input.companyId, date: input.date, name: input.name })
    .onConflictDoNothing({ target: [holidays.companyId, holidays.date] })
    .returning({ id: holidays.id });
  if (!row) throw new UserError("holiday_exists", { date: ["holidayExists"] });
  return { id: row.id };
}

export async function removeHoliday(db: Db, input: RemoveHolidayInput, scope: Scope) {
  if (!scope.companyIds.length) throw new UserError("not_found");
  const removed = await db
    .delete(holidays)
    .where(and(eq(holidays.id, input.id), inArray(holidays.companyId, scope.companyIds)))
    .returning({ id: holidays.id });
  if (!removed.length) throw new UserError("not_found");
  return { id: input.id };
}
