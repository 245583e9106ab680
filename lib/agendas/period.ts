import { addDaysToDate, DATE_BOUNDS, localDate } from "@/lib/dates";

export const PERIODS = ["hoje", "ontem", "amanha", "ultimos7", "mes", "periodo"] as const;
export type Period = (typeof PERIODS)[number];

/** The contact-date range [from, to] (inclusive calendar days in the company's zone) of a filter. */
export function periodRange(
  period: Period,
  now: Date,
  timeZone: string,
  custom?: { from?: string; to?: string },
): { from: string; to: string } {
  const today = localDate(now, timeZone);
  switch (period) {
    case "hoje":
      return { from: today, to: today };
    case "ontem":
      return { from: addDaysToDate(today, -1), to: addDaysToDate(today, -1) };
    case "amanha":
      return { from: addDaysToDate(today, 1), to: addDaysToDate(today, 1) };
    case "ultimos7":
      return { from: addDaysToDate(today, -6), to: today };
    case "mes": {
      const first = `${today.slice(0, 8)}01`;
      const nextMonthFirst = addDaysToDate(`${today.slice(0, 8)}28`, 4).slice(0, 8) + "01";
      return { from: first, to: addDaysToDate(nextMonthFirst, -1) };
    }
    case "periodo":
      // A blank side is open: "De 20/11" alone is from the 20th on, no dates at all is every day. The
      // bounds are the date rule's own years, so the query keeps its one shape (and its prepared plan).
      // A reversed range is refused before this (parseWorklistParams), never swapped behind the user's back.
      return { from: custom?.from ?? DATE_BOUNDS.first, to: custom?.to ?? DATE_BOUNDS.last };
  }
}
