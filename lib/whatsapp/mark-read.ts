import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { senderNumbers, conversations, messages } from "@/db/schema/whatsapp";
import { tickets } from "@/db/schema/tickets";
import type { WhatsappGateway } from "./gateway";

/**
 * The agent opened a ticket's chat: tell WhatsApp the customer's messages were read (the blue ticks).
 * Meta marks every earlier message read with the newest one, so one call for the newest inbound message.
 * Nothing is written here: repeating it is harmless, and a failure only costs the ticks.
 */
export async function markChatRead(db: Db, gateway: WhatsappGateway, input: { ticketId: string }, scope: { companyIds: string[] }) {
  const [row] = await db
    .select({ wamid: messages.wamid, providerPhoneId: senderNumbers.providerPhoneId })
    .from(tickets)
    .innerJoin(conversations, eq(conversations.id, tickets.conversationId))
    .innerJoin(senderNumbers, eq(senderNumbers.id, conversations.senderNumberId))
    .innerJoin(messages, and(eq(messages.conversationId, conversations.id), eq(messages.direction, "in"), isNotNull(messages.wamid)))
    .where(and(eq(tickets.id, input.ticketId), inArray(tickets.companyId, scope.companyIds)))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  if (!row?.wamid || !gateway.markRead) return { marked: false };
  try {
    await gateway.markRead({ providerPhoneId: row.providerPhoneId }, row.wamid);
    return { marked: true };
  } catch (error) {
    console.warn("[whatsapp] could not mark the chat read", error instanceof Error ? error.message : error);
    return { marked: false };
  }
}
