"use server";

import { defineAction, type ActionContext } from "@/lib/actions/define-action";
import { recordCall } from "@/lib/agendas/record-call";
import { cancelAppointmentSchema, outcomeSchema, rescheduleAppointmentSchema, sendInvitationSchema } from "@/lib/agendas/schema";
import { sendInvitationByHand } from "@/lib/agendas/send-invitation";
import { getGateway } from "@/lib/whatsapp/provider";
import { cancelAppointment as cancelCommand, rescheduleAppointment as rescheduleCommand } from "@/lib/appointments/change-appointment";

/** Who may work which agenda (lib/agendas/agenda-scope.ts): the same for outcomes, appointments and invitations. */
const agendaScope = (ctx: ActionContext) => ({
  userId: ctx.userId,
  companyIds: ctx.companyIds,
  canViewAllAgents: ctx.user.can("agendas.view_all_agents"),
  now: ctx.clock.now(),
});

// The agenda's company and agent are checked inside the commands, in the query that loads it.
export const recordAgendaOutcome = defineAction({
  name: "recordAgendaOutcome",
  schema: outcomeSchema,
  permission: "agendas.view",
  run: (db, input, ctx) => recordCall(db, input, agendaScope(ctx)),
  revalidate: ["/atendimento"],
});

export const cancelAppointment = defineAction({
  name: "cancelAppointment",
  schema: cancelAppointmentSchema,
  permission: "agendas.view",
  run: (db, input, ctx) => cancelCommand(db, input, agendaScope(ctx)),
  revalidate: ["/atendimento", "/recepcao"],
});

export const rescheduleAppointment = defineAction({
  name: "rescheduleAppointment",
  schema: rescheduleAppointmentSchema,
  permission: "agendas.view",
  run: (db, input, ctx) => rescheduleCommand(db, input, agendaScope(ctx)),
  revalidate: ["/atendimento", "/recepcao"],
});

export const sendInvitation = defineAction({
  name: "sendInvitation",
  schema: sendInvitationSchema,
  permission: "agendas.view",
  run: (db, input, ctx) =>
    sendInvitationByHand(db, input, { ...agendaScope(ctx), gateway: getGateway() }),
  revalidate: ["/atendimento"],
});
