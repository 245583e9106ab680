import { findOpenTicket } from "@/lib/tickets/open-ticket";
import { routeInbound } from "@/lib/tickets/route-inbound";
import { MAX_MISSES } from "../state";
import { BOT_TEXTS } from "../texts";
import type { Prompt, Turn } from "../turn";

/** To a human: the message joins (or opens) a ticket in the sender number's queue; the customer gets the protocol. */
export async function handOver(turn: Turn) {
  const { db, inbound, now } = turn;
  await routeInbound(db, [{ messageId: inbound.messageId, conversationId: inbound.conversationId, isNew: true }], now);
  const ticket = await findOpenTicket(db, inbound.conversationId);
  if (ticket) await turn.text(BOT_TEXTS.protocol(ticket.protocol), ticket.id);
  await turn.idle();
}

/** An answer the bot did not understand: help and ask again, or, after MAX_MISSES in a row, a human. */
export async function miss(turn: Turn, prompt: Prompt | null) {
  const misses = turn.state.misses + 1;
  if (misses >= MAX_MISSES || !prompt) return handOver(turn);
  await turn.text(BOT_TEXTS.help);
  await turn.send(prompt.payload);
  await turn.save({ ...turn.state, misses });
}

/** The customer's number is no customer's: say so and hand over. */
export async function notIdentified(turn: Turn) {
  await turn.text(BOT_TEXTS.notIdentified);
  return handOver(turn);
}
