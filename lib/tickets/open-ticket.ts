import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, senderNumbers, tickets } from "@/db/schema/whatsapp";
import { nextProtocol } from "./protocol";

/**
 * The conversation's open ticket, or a new one in the sender number's queue. At most one ticket per
 * conversation is open (a partial unique index), so a race returns the winner's ticket.
 */
export async function openTicket(
  db: Db,
  input: { conversationId: string; agentId?: string | null; subject?: string | null },
  now: Date,
) {
  const existing = await findOpenTicket(db, input.conversationId);
  if (existing) return { ...existing, created: false };
  const [conversation] = await db
    .select({ companyId: conversations.companyId, queueId: senderNumbers.queueId })
    .from(conversations)
    .innerJoin(senderNumbers, eq(senderNumbers.id, conversations.senderNumberId))
    .where(eq(conversations.id, input.conversationId));
  if (!conversation) throw new Error(`conversation ${input.conversationId} not found`);
  const protocol = await nextProtocol(db, now);
  const [row] = await db
    .insert(tickets)
    .values({
      companyId: conversation.companyId,
      conversationId: input.conversationId,
      protocol,
      queueId: conversation.queueId,
      agentId: input.agentId ?? null,
      status: input.agentId ? "em_atendimento" : "aguardando",
      subject: input.subject ?? null,
      openedAt: now,
      lastMessageAt: now,
      agentReadAt: input.agentId ? now : null,
    })
    .onConflictDoNothing()
    .returning({ id: tickets.id, protocol: tickets.protocol, agentId: tickets.agentId, status: tickets.status });
  if (row) return { ...row, created: true };
  const winner = await findOpenTicket(db, input.conversationId);
  if (!winner) throw new Error("open ticket vanished");
  return { ...winner, created: false };
}

export async function findOpenTicket(db: Db, conversationId: string) {
  const [row] = await db
    .select({ id: tickets.id, protocol: tickets.protocol, agentId: tickets.agentId, status: tickets.status })
    .from(tickets)
    .where(and(eq(tickets.conversationId, conversationId), ne(tickets.status, "finalizado")));
  return row ?? null;
}
