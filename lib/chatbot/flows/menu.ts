import { ensurePassiveAgenda, openInvitedAgenda, todaysPassiveAgenda } from "../lookups";
import { BOT_TEXTS } from "../texts";
import type { Prompt, Turn } from "../turn";
import { startBooking } from "./booking";
import { handOver } from "./hand-over";
import { invitePrompt } from "./invitation";
import { myOrders } from "./service-orders";

export function menuPrompt(): Prompt {
  const options = [
    { id: "menu:agendar", title: "Agendar serviço" },
    { id: "menu:os", title: "Minhas OS" },
    { id: "menu:atendente", title: "Falar com um atendente" },
  ];
  return { options, payload: { type: "list", body: BOT_TEXTS.menu, buttonText: "Ver opções", rows: options } };
}

/** Outside any flow: the invitation's options while its agenda is open, else the passive menu. */
export async function start(turn: Turn) {
  const { customerId } = turn.conversation;
  const agenda = customerId ? await openInvitedAgenda(turn.db, customerId) : null;
  if (agenda) {
    await turn.send(invitePrompt().payload);
    return turn.save({ flow: "invite", step: "choose", agendaId: agenda.id });
  }
  if (customerId) await ensurePassiveAgenda(turn, customerId);
  await turn.send(menuPrompt().payload);
  await turn.save({ flow: "menu", step: "choose", ...(customerId ? {} : { unidentified: true }) });
}

/** An option of the menu: book, the service orders, or a human. */
export async function onMenu(turn: Turn, id: string) {
  if (id === "menu:agendar") {
    const { customerId } = turn.conversation;
    const agenda = customerId ? ((await openInvitedAgenda(turn.db, customerId)) ?? (await todaysPassiveAgenda(turn, customerId))) : null;
    return startBooking(turn, { agendaId: agenda?.id ?? null });
  }
  if (id === "menu:os") return myOrders(turn);
  return handOver(turn);
}
