import { weekday, zonedInstant } from "@/lib/dates";

export type CalendarRules = {
  openDays: number[];
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  capacityPerSlot: number;
};

export const DEFAULT_CALENDAR: CalendarRules = {
  openDays: [1, 2, 3, 4, 5],
  opensAt: "08:00",
  closesAt: "18:00",
  slotMinutes: 30,
  capacityPerSlot: 2,
};

function minutes(time: string) {
  const [h, m] = time.split(":").map(Number);
  return h * 60 + m;
}

/**
 * The slots of a calendar day: open days only, never on a holiday, each slot ending by closing time,
 * none already begun. Times are wall-clock in the company's zone, returned as instants.
 */
export function daySlots(
  calendar: CalendarRules,
  day: string,
  opts: { timeZone: string; holidays: Set<string>; now: Date },
): Date[] {
  if (!calendar.openDays.includes(weekday(day)) || opts.holidays.has(day)) return [];
  const out: Date[] = [];
  const close = minutes(calendar.closesAt);
  for (let start = minutes(calendar.opensAt); start + calendar.slotMinutes <= close; start += calendar.slotMinutes) {
    const hhmm = `${String(Math.floor(start / 60)).padStart(2, "0")}:${String(start % 60).padStart(2, "0")}`;
    const at = zonedInstant(day, hhmm, opts.timeZone);
    if (at > opts.now) out.push(at);
  }
  return out;
}
