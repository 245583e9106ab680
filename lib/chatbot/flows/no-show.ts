import { missedAppointment, openInvitedAgenda } from "../lookups";
import type { Turn } from "../turn";
import { startBooking } from "./booking";
import { flowAgendaId } from "./invitation";

/** "Quero remarcar" after a no-show: the new time is for the missed appointment — its agenda and vehicle/plan, whatever else is open. */
export async function rebookMissed(turn: Turn, customerId: string) {
  const missed = await missedAppointment(turn, customerId);
  const agenda = missed?.agendaId ? null : await openInvitedAgenda(turn.db, customerId);
  return startBooking(turn, { agendaId: missed?.agendaId ?? agenda?.id ?? flowAgendaId(turn.state), assetId: missed?.assetId ?? null });
}
