import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentPresence } from "@/db/schema/desk";
import { tickets } from "@/db/schema/tickets";
import { routeWaiting, type MadeOffer } from "./offers";
import { setPresence } from "./presence";

/**
 * After an agent finishes (or hands over) a ticket: "Pausar após concluir" takes effect once the last one
 * is done; otherwise the freed seat is offered the oldest waiting ticket of their queues.
 */
export async function afterTicketReleased(db: Db, agentId: string, now: Date): Promise<MadeOffer[]> {
  const [p] = await db
    .select({ pauseAfterFinish: agentPresence.pauseAfterFinish, reasonId: agentPresence.pendingPauseReasonId })
    .from(agentPresence)
    .where(eq(agentPresence.userId, agentId));
  if (p?.pauseAfterFinish) {
    const [open] = await db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.agentId, agentId), eq(tickets.status, "em_atendimento")))
      .limit(1);
    if (!open) await setPresence(db, { userId: agentId, state: "nao_pronto", pauseReasonId: p.reasonId, cause: "paused_after_finish", actorId: null, now });
    return [];
  }
  return routeWaiting(db, { agentId, now });
}
