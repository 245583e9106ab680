import { cancelAppointment, confirmAppointment } from "@/lib/appointments/status";
import { nextAppointment } from "../lookups";
import { BOT_TEXTS } from "../texts";
import type { Turn } from "../turn";
import { startBooking } from "./booking";
import { start } from "./menu";

/** The confirmation template's answers about the customer's next appointment: Confirmar, Remarcar or Cancelar. */
export async function answerConfirmation(turn: Turn, customerId: string, intent: "confirmar" | "remarcar" | "cancelar") {
  const { db, now } = turn;
  const appointment = await nextAppointment(turn, customerId);
  if (!appointment) {
    await turn.text(BOT_TEXTS.noAppointment);
    return start(turn);
  }
  const when = turn.when(appointment.startsAt);
  if (intent === "remarcar") {
    return startBooking(turn, { agendaId: appointment.agendaId, appointmentId: appointment.id, assetId: appointment.assetId });
  }
  if (intent === "confirmar") {
    await db.transaction((tx) => confirmAppointment(tx, { appointmentId: appointment.id, actorId: null, now }));
    await turn.text(`Agendamento confirmado para ${when}. Até lá!`);
    return turn.idle();
  }
  // The customer no longer has a booking: the agenda goes back to the ones to work.
  await db.transaction((tx) => cancelAppointment(tx, { appointmentId: appointment.id, reason: "agendamento_cancelado_whatsapp", actorId: null, now }));
  await turn.text(`Seu agendamento de ${when} foi cancelado. Se quiser marcar outra data, é só mandar uma mensagem.`);
  return turn.idle();
}
