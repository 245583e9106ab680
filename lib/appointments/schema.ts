import { z } from "zod";
import { isCalendarDay } from "@/lib/dates";

const id = z.string().uuid("invalid");
const companyId = z.string().uuid("companyRequired");

/** Reception: check-in or no-show by hand. */
export const attendanceSchema = z.object({
  appointmentId: id,
  outcome: z.enum(["compareceu", "no_show"], "invalid"),
});

/** Reception: undo a Compareceu or a No-show marked by mistake. */
export const undoAttendanceSchema = z.object({ appointmentId: id });

const time = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "timeFormat");

function minutes(hhmm: string) {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/** Checkbox values "0" (Sunday) … "6" (Saturday): absent, one string, or a list. */
const openDays = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.coerce.number().int("invalid").min(0, "invalid").max(6, "invalid"))
    .min(1, "openDaysRequired")
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
);

export const calendarSchema = z
  .object({
    companyId,
    openDays,
    opensAt: time,
    closesAt: time,
    slotMinutes: z.coerce.number("slotMinutes").int("slotMinutes").min(5, "slotMinutes").max(240, "slotMinutes"),
    capacityPerSlot: z.coerce
      .number("capacityPerSlot")
      .int("capacityPerSlot")
      .min(1, "capacityPerSlot")
      .max(100, "capacityPerSlot"),
  })
  .superRefine((v, ctx) => {
    if (minutes(v.closesAt) <= minutes(v.opensAt)) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "closesAfterOpens" });
    } else if (minutes(v.closesAt) - minutes(v.opensAt) < v.slotMinutes) {
      ctx.addIssue({ code: "custom", path: ["slotMinutes"], message: "slotFitsDay" });
    }
  });

/** A calendar day as "yyyy-MM-dd" (what <input type="date"> sends), and a real one (isCalendarDay). */
export const calendarDay = z.string().trim().refine(isCalendarDay, "dateInvalid");

export const holidaySchema = z.object({
  companyId,
  date: calendarDay,
  name: z.string().trim().min(1, "nameRequired").max(120, "invalid"),
});

export const removeHolidaySchema = z.object({ id });

export type AttendanceInput = z.output<typeof attendanceSchema>;
export type UndoAttendanceInput = z.output<typeof undoAttendanceSchema>;
export type CalendarInput = z.output<typeof calendarSchema>;
export type HolidayInput = z.output<typeof holidaySchema>;
export type RemoveHolidayInput = z.output<typeof removeHolidaySchema>;
