import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tickets } from "@/db/schema/whatsapp";
import { UserError } from "@/lib/actions/result";

/** Takes a waiting ticket. One conditional update: two agents can never take the same ticket. */
export async function pickTicket(db: Db, input: { ticketId: string }, ctx: { userId: string; companyIds: string[]; now: Date }) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const [row] = await db
    .update(tickets)
    .set({ agentId: ctx.userId, status: "em_atendimento", agentReadAt: ctx.now })
    .where(
      and(
        eq(tickets.id, input.ticketId),
        eq(tickets.status, "aguardando"),
        isNull(tickets.agentId),
        inArray(tickets.companyId, ctx.companyIds),
      ),
    )
    .returning({ id: tickets.id });
  if (!row) throw new UserError("ticket_taken");
  return row;
}

export async function markTicketRead(db: Db, ticketId: string, ctx: { userId: string; now: Date }) {
  await db
    .update(tickets)
    .set({ agentReadAt: ctx.now })
    .where(and(eq(tickets.id, ticketId), eq(tickets.agentId, ctx.userId)));
}
