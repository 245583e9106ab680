"use server";

import { defineAction } from "@/lib/actions/define-action";
import { recordOutcome } from "@/lib/agendas/record-outcome";
import { cancelAppointmentSchema, outcomeSchema, rescheduleAppointmentSchema, sendInvitationSchema } from "@/lib/agendas/schema";
import { sendInvitationByHand } from "@/lib/agendas/send-invitation";
import { getGateway } from "@/lib/whatsapp/provider";
import { cancelAppointment as cancelCommand, rescheduleAppointment as rescheduleCommand } from "@/lib/appointments/change-appointment";

// The agenda's company and agent are checked inside the commands, in the query that loads it.
export const recordAgendaOutcome = defineAction({
  name: "recordAgendaOutcome",
  schema: outcomeSchema,
  permission: "agendas.view",
  run: (db, input, ctx) =>
    recordOutcome(db, input, {
      userId: ctx.userId,
      companyIds: ctx.companyIds,
      canViewAllAgents: ctx.user.can("agendas.view_all_agents"),
      now: ctx.clock.now(),
    }),
  revalidate: ["/atendimento"],
});

export const cancelAppointment = defineAction({
  name: "cancelAppointment",
  schema: cancelAppointmentSchema,
  permission: "agendas.view",
  run: (db, input, ctx) => cancelCommand(db, input, { userId: ctx.userId, companyIds: ctx.companyIds, now: ctx.clock.now() }),
  revalidate: ["/atendimento", "/recepcao"],
});

export const rescheduleAppointment = defineAction({
  name: "rescheduleAppointment",
  schema: rescheduleAppointmentSchema,
  permission: "agendas.view",
  run: (db, input, ctx) => rescheduleCommand(db, input, { userId: ctx.userId, companyIds: ctx.companyIds, now: ctx.clock.now() }),
  revalidate: ["/atendimento", "/recepcao"],
});

export const sendInvitation = defineAction({
  name: "sendInvitation",
  schema: sendInvitationSchema,
  permission: "agendas.view",
  run: (db, input, ctx) =>
    sendInvitationByHand(db, input, {
      userId: ctx.userId,
      companyIds: ctx.companyIds,
      canViewAllAgents: ctx.user.can("agendas.view_all_agents"),
      now: ctx.clock.now(),
      gateway: getGateway(),
    }),
  revalidate: ["/atendimento"],
});
