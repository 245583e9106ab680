"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  addHoliday as addHolidayCommand,
  removeHoliday as removeHolidayCommand,
  saveCalendar as saveCalendarCommand,
} from "@/lib/appointments/calendar-settings";
import { calendarSchema, holidaySchema, removeHolidaySchema } from "@/lib/appointments/schema";

export const saveCalendar = defineAction({
  name: "saveCalendar",
  schema: calendarSchema,
  permission: "settings.manage",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => saveCalendarCommand(db, input, { companyIds: ctx.companyIds, now: ctx.clock.now() }),
  revalidate: ["/admin/calendar"],
});

export const addHoliday = defineAction({
  name: "addHoliday",
  schema: holidaySchema,
  permission: "settings.manage",
  companyOf: (input) => input.companyId,
  run: (db, input, ctx) => addHolidayCommand(db, input, ctx),
  revalidate: ["/admin/calendar"],
});

// The holiday's company is checked inside the command, in the delete's where clause.
export const removeHoliday = defineAction({
  name: "removeHoliday",
  schema: removeHolidaySchema,
  permission: "settings.manage",
  run: (db, input, ctx) => removeHolidayCommand(db, input, ctx),
  revalidate: ["/admin/calendar"],
});
