import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, senderNumbers } from "@/db/schema/whatsapp";
import { tickets } from "@/db/schema/tickets";
import { nextProtocol } from "./protocol";
import { createTicket, OPEN_TICKET_STATUSES } from "./state";

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
  const row = await db.transaction((tx) =>
    createTicket(tx, {
      companyId: conversation.companyId,
      conversationId: input.conversationId,
      protocol,
      queueId: conversation.queueId,
      agentId: input.agentId ?? null,
      subject: input.subject ?? null,
      channel: "whatsapp",
      now,
    }),
  );
  if (row) return { id: row.id, protocol, agentId: row.agentId, status: row.status, created: true };
  const winner = await findOpenTicket(db, input.conversationId);
  if (!winner) throw new Error("open ticket vanished");
  return { ...winner, created: false };
}

export async function findOpenTicket(db: Db, conversationId: string) {
  const [row] = await db
    .select({ id: tickets.id, protocol: tickets.protocol, agentId: tickets.agentId, status: tickets.status })
    .from(tickets)
    .where(and(eq(tickets.conversationId, conversationId), inArray(tickets.status, [...OPEN_TICKET_STATUSES])));
  return row ?? null;
}
