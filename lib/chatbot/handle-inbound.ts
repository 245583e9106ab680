import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations } from "@/db/schema/whatsapp";
import { markAgendaAnswered } from "@/lib/agendas/status";
import { getCalendar } from "@/lib/appointments/calendar";
import { findOpenTicket } from "@/lib/tickets/open-ticket";
import type { WhatsappGateway } from "@/lib/whatsapp/gateway";
import { askTimes, bookingPrompt, onBooking } from "./flows/booking";
import { answerConfirmation } from "./flows/confirmation";
import { miss, notIdentified } from "./flows/hand-over";
import { invitePrompt, onInvite, refuses, wantsACall, wantsToBook } from "./flows/invitation";
import { menuPrompt, onMenu, start } from "./flows/menu";
import { rebookMissed } from "./flows/no-show";
import { openInvitedAgenda } from "./lookups";
import { currentState, readReply, templateIntent, type CustomerReply, type TemplateIntent } from "./state";
import { BOT_TEXTS } from "./texts";
import { choose, Turn, type ChatbotInbound, type Prompt } from "./turn";

// The bot's texts live in ./texts.ts; callers and tests read them from here, beside the entry point.
export { BOT_TEXTS } from "./texts";
export type { ChatbotInbound } from "./turn";

export type ChatbotOutcome = "handled" | "human";

const NOT_FOR_THE_BOT = new Set(["reaction", "system"]);

/**
 * The chatbot (SPEC §3.6): answers one new customer message of a conversation, or says it belongs to a
 * human (the conversation has an open ticket). Runs after the message is stored; a repeated call for the
 * same message does nothing (the state remembers the last message handled, and every send has a key).
 * This file claims the message and dispatches it; each flow is in ./flows/ and writes agendas and
 * appointments through their transitions (lib/agendas/status.ts, lib/appointments/status.ts).
 */
export async function handleInbound(db: Db, gateway: WhatsappGateway, inbound: ChatbotInbound, now: Date): Promise<ChatbotOutcome> {
  if (!inbound.messageId) return "human";
  const messageId = inbound.messageId;
  const [conversation] = await db
    .select({ id: conversations.id, companyId: conversations.companyId, customerId: conversations.customerId })
    .from(conversations)
    .where(eq(conversations.id, inbound.conversationId));
  if (!conversation) return "human";

  // A reaction or a `system` notice (the customer changed number …) is not a message to the bot: no menu,
  // no reply to an invitation; an open ticket still gets it.
  if (NOT_FOR_THE_BOT.has(inbound.type)) return (await findOpenTicket(db, conversation.id)) ? "human" : "handled";

  // Any answer of the customer counts as a reply to the invitation.
  if (conversation.customerId) {
    const agenda = await openInvitedAgenda(db, conversation.customerId);
    if (agenda && agenda.whatsappState !== "respondido") await markAgendaAnswered(db, agenda.id, now);
  }

  if (await findOpenTicket(db, conversation.id)) return "human";

  // Claim the message: a second follow-up of the same one finds it taken and does nothing.
  const claimed = await db
    .update(conversations)
    .set({ botState: sql`coalesce(${conversations.botState}, '{}'::jsonb) || jsonb_build_object('lastMessageId', ${messageId}::text)` })
    .where(
      and(
        eq(conversations.id, conversation.id),
        sql`coalesce(${conversations.botState}->>'lastMessageId', '') <> ${messageId}`,
        // Every answer of the bot sends at least one message: its first key marks the message as handled.
        sql`not exists (select 1 from messages m where m.idempotency_key = ${`bot:${messageId}:0`})`,
      ),
    )
    .returning({ botState: conversations.botState });
  if (!claimed.length) return "handled";

  const { timeZone } = await getCalendar(db, conversation.companyId);
  const turn = new Turn(db, gateway, { ...inbound, messageId }, conversation, timeZone, now, currentState(claimed[0].botState, now));
  await dispatch(turn, readReply(inbound));
  return "handled";
}

async function dispatch(turn: Turn, reply: CustomerReply) {
  const intent = templateIntent(reply);
  if (intent) return onTemplate(turn, intent);

  const { state } = turn;
  if (state.flow === "idle") {
    // A tap on an old menu or invitation still works; anything else gets the way in.
    if (reply.kind === "tap" && reply.id?.startsWith("menu:")) return onMenu(turn, reply.id);
    if (reply.kind === "tap" && reply.id?.startsWith("invite:")) return onInviteTap(turn, reply.id);
    return start(turn);
  }

  const prompt = await promptFor(turn);
  const chosen = prompt ? choose(prompt.options, reply) : null;
  if (state.flow === "menu" && chosen) return onMenu(turn, chosen);
  if (state.flow === "invite" && chosen) return onInviteTap(turn, chosen);
  if (state.flow === "booking") {
    if (chosen) return onBooking(turn, state, chosen);
    // A time tapped on a list while it filled up.
    if (state.step === "time" && reply.kind === "tap" && reply.id?.startsWith("time:")) {
      await turn.text(BOT_TEXTS.slotTaken);
      return askTimes(turn, state.day ?? turn.today, 0);
    }
  }
  return miss(turn, prompt);
}

/** The current step's prompt (to read an answer against, or to send again). */
async function promptFor(turn: Turn): Promise<Prompt | null> {
  const { state } = turn;
  switch (state.flow) {
    case "menu":
      return menuPrompt();
    case "invite":
      return invitePrompt();
    case "booking":
      return bookingPrompt(turn, state);
    case "idle":
      return null;
  }
}

async function onInviteTap(turn: Turn, id: string) {
  const { customerId } = turn.conversation;
  if (!customerId) return notIdentified(turn);
  return onInvite(turn, customerId, id);
}

/** A template's quick reply (invitation, confirmation, no-show), whatever the flow. */
async function onTemplate(turn: Turn, intent: TemplateIntent) {
  const { customerId } = turn.conversation;
  if (!customerId) return notIdentified(turn);
  switch (intent) {
    case "agendar":
      return wantsToBook(turn, customerId);
    case "remarcar_no_show":
      return rebookMissed(turn, customerId);
    case "ligar":
      return wantsACall(turn, customerId);
    case "recusar":
      return refuses(turn, customerId);
    case "confirmar":
    case "remarcar":
    case "cancelar":
      return answerConfirmation(turn, customerId, intent);
  }
}
