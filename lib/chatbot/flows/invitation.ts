import { moveAgenda } from "@/lib/agendas/status";
import { openInvitedAgenda } from "../lookups";
import type { BotState } from "../state";
import { BOT_TEXTS } from "../texts";
import type { Prompt, Turn } from "../turn";
import { startBooking } from "./booking";

export function invitePrompt(): Prompt {
  const options = [
    { id: "invite:agendar", title: "Quero agendar" },
    { id: "invite:ligar", title: "Prefiro que me liguem" },
    { id: "invite:recusar", title: "Não tenho interesse" },
  ];
  return { options, payload: { type: "list", body: BOT_TEXTS.invite, buttonText: "Ver opções", rows: options } };
}

/** The agenda the current flow is about, if any. */
export function flowAgendaId(state: BotState): string | null {
  return state.flow === "invite" || state.flow === "booking" ? state.agendaId : null;
}

/** "Quero agendar": books for the invited agenda. */
export async function wantsToBook(turn: Turn, customerId: string) {
  const agenda = await openInvitedAgenda(turn.db, customerId);
  return startBooking(turn, { agendaId: agenda?.id ?? flowAgendaId(turn.state) });
}

/** "Prefiro que me liguem": the agenda becomes pediu_ligar, and an agent calls. */
export async function wantsACall(turn: Turn, customerId: string) {
  const { db, now } = turn;
  const agenda = await openInvitedAgenda(db, customerId);
  if (agenda) await db.transaction((tx) => moveAgenda(tx, { agendaId: agenda.id, move: "ask_callback", reason: "pediu_ligar_whatsapp", actorId: null, now }));
  await turn.text(BOT_TEXTS.callMe);
  return turn.idle();
}

/** "Não tenho interesse": the agenda becomes recusou. */
export async function refuses(turn: Turn, customerId: string) {
  const { db, now } = turn;
  const agenda = await openInvitedAgenda(db, customerId);
  if (agenda) {
    await db.transaction((tx) =>
      moveAgenda(tx, { agendaId: agenda.id, move: "refuse", reason: "recusou_whatsapp", actorId: null, now, set: { resultReason: "Cliente recusou pelo WhatsApp" } }),
    );
  }
  await turn.text(BOT_TEXTS.refused);
  return turn.idle();
}

/** An option of the invitation's list (the same answers as the template's quick replies). */
export async function onInvite(turn: Turn, customerId: string, id: string) {
  if (id === "invite:agendar") return wantsToBook(turn, customerId);
  if (id === "invite:ligar") return wantsACall(turn, customerId);
  return refuses(turn, customerId);
}
