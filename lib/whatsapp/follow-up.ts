import type { Db } from "@/db/client";
import { routeInbound } from "@/lib/tickets/route-inbound";
import type { DeliveryResult } from "./process-delivery";

/**
 * Runs after the webhook has answered 200 (`after()` from next/server), once per delivery whose messages
 * are already stored: new customer messages go to their conversation's ticket (or open one in the
 * sender number's queue). A repeated delivery triggers nothing (`isNew` is false).
 */
export async function followUpDelivery(db: Db, result: DeliveryResult, now: Date): Promise<void> {
  const fresh = result.inbound.flatMap((m) => (m.isNew && m.messageId ? [{ messageId: m.messageId, conversationId: m.conversationId, isNew: true }] : []));
  if (fresh.length) await routeInbound(db, fresh, now);
}
