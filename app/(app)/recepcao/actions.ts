"use server";

import { defineAction } from "@/lib/actions/define-action";
import { markAttendance as markAttendanceCommand } from "@/lib/appointments/reception";
import { attendanceSchema } from "@/lib/appointments/schema";

// The appointment's company is checked inside the command, in the query that locks the appointment.
export const markAttendance = defineAction({
  name: "markAttendance",
  schema: attendanceSchema,
  permission: "reception.checkin",
  run: (db, input, ctx) => markAttendanceCommand(db, input, { userId: ctx.userId, companyIds: ctx.companyIds, now: ctx.clock.now() }),
  revalidate: ["/recepcao"],
});
