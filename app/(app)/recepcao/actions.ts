"use server";

import { defineAction } from "@/lib/actions/define-action";
import { markAttendance as markAttendanceCommand, undoMarkAttendance } from "@/lib/appointments/reception";
import { attendanceSchema, undoAttendanceSchema } from "@/lib/appointments/schema";

// The appointment's company is checked inside the command, in the query that locks the appointment.
export const markAttendance = defineAction({
  name: "markAttendance",
  schema: attendanceSchema,
  permission: "reception.checkin",
  run: (db, input, ctx) => markAttendanceCommand(db, input, { userId: ctx.userId, companyIds: ctx.companyIds, now: ctx.clock.now() }),
  revalidate: ["/recepcao"],
});

// The same company check as markAttendance, inside the command.
export const undoAttendance = defineAction({
  name: "undoAttendance",
  schema: undoAttendanceSchema,
  permission: "reception.checkin",
  run: (db, input, ctx) => undoMarkAttendance(db, input, { userId: ctx.userId, companyIds: ctx.companyIds, now: ctx.clock.now() }),
  revalidate: ["/recepcao"],
});
