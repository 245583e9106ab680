import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

export const DEFAULT_TIME_ZONE = "America/Sao_Paulo";

/** The years a date from a form or a URL may fall in: outside them it is a typo or a probe, not a plan. */
const YEARS = { min: 2000, max: 2100 };
/** The first and last days of YEARS: the ends of a date range left open. */
export const DATE_BOUNDS = { first: `${YEARS.min}-01-01`, last: `${YEARS.max}-12-31` } as const;

/** "2026-11-22" naming a real calendar day (no 2026-02-31, no month 13) within YEARS. */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= YEARS.min && y <= YEARS.max && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "2026-11-22T14:30", what <input type="datetime-local"> sends: a real day (isCalendarDay) at 00:00–23:59. */
export function isLocalDateTime(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/.exec(value);
  return !!match && isCalendarDay(match[1]);
}

/** The calendar day ("2026-11-22") of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return format(new TZDate(at, timeZone), "yyyy-MM-dd");
}

/** "2026-11-22" + n days, as a calendar day (no time zone involved). */
export function addDaysToDate(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return format(addDays(new Date(y, m - 1, d), days), "yyyy-MM-dd");
}

/** The instant of a wall-clock time ("08:30") on a calendar day in a time zone. */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, timeZone).getTime());
}

/** Day of week (0 = Sunday) of a calendar day. */
export function weekday(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** "dd/MM/yyyy HH:mm" in the company's time zone. */
export function formatDateTime(at: Date, timeZone: string): string {
  return format(new TZDate(at, timeZone), "dd/MM/yyyy HH:mm");
}

/** "dd/MM HH:mm" in the company's time zone: a time within the weeks around today, where the year is noise. */
export function formatDayTimeShort(at: Date, timeZone: string): string {
  return format(new TZDate(at, timeZone), "dd/MM HH:mm");
}

export function formatTime(at: Date, timeZone: string): string {
  return format(new TZDate(at, timeZone), "HH:mm");
}

/** "2026-11-22" → "22/11/2026". */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}
