import type { Db } from "@/db/client";
import { handleInbound } from "@/lib/chatbot/handle-inbound";
import { routeInbound } from "@/lib/tickets/route-inbound";
import type { WhatsappGateway } from "./gateway";
import type { DeliveryResult } from "./process-delivery";
import { getGateway } from "./provider";

/**
 * Runs after the webhook has answered 200 (`after()` from next/server), once per delivery whose messages
 * are already stored: each new customer message goes to the chatbot first (SPEC §3.6); what the bot does
 * not take (a conversation with an open human ticket, or a bot failure) goes to its conversation's ticket
 * (or opens one in the sender number's queue). A repeated delivery triggers nothing (`isNew` is false).
 */
export async function followUpDelivery(db: Db, result: DeliveryResult, now: Date, gateway?: WhatsappGateway): Promise<void> {
  const fresh = result.inbound.filter((m) => m.isNew && m.messageId);
  const human: { messageId: string; conversationId: string; isNew: true }[] = [];
  for (const m of fresh) {
    let outcome: "handled" | "human";
    try {
      outcome = await handleInbound(db, gateway ?? getGateway(), m, now);
    } catch (error) {
      console.error("[chatbot] failed; routing to a human", m.messageId, error);
      outcome = "human";
    }
    if (outcome === "human") human.push({ messageId: m.messageId!, conversationId: m.conversationId, isNew: true });
  }
  if (human.length) await routeInbound(db, human, now);
}
