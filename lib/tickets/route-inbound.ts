import { and, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messages } from "@/db/schema/whatsapp";
import { routeTicket } from "@/lib/desk/offers";
import { armOffers } from "@/lib/desk/offer-timers";
import { openTicket } from "./open-ticket";
import { touchTicket } from "./state";

/**
 * After a delivery is stored: each new customer message joins the conversation's open ticket, or
 * opens one in the sender number's queue, and marks it unread for its agent.
 */
export async function routeInbound(db: Db, inbound: { messageId: string; conversationId: string; isNew: boolean }[], now: Date) {
  const fresh = inbound.filter((m) => m.isNew);
  for (const conversationId of new Set(fresh.map((m) => m.conversationId))) {
    const ticket = await openTicket(db, { conversationId }, now);
    const ids = fresh.filter((m) => m.conversationId === conversationId).map((m) => m.messageId);
    await db.transaction(async (tx) => {
      await tx.update(messages).set({ ticketId: ticket.id }).where(and(inArray(messages.id, ids), isNull(messages.ticketId)));
      // The agent's unread dot and the waiting queue read lastMessageAt.
      await touchTicket(tx, ticket.id, now);
    });
    // A ticket waiting in its queue is offered to a Pronto member (the timer is armed in this process).
    if (ticket.status === "aguardando") armOffers([await routeTicket(db, ticket.id, now)]);
  }
}
