import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queueMembers } from "@/db/schema/org";
import { tickets } from "@/db/schema/tickets";
import { UserError } from "@/lib/errors";
import { transitionTicket } from "./state";

/**
 * Takes a waiting ticket. One conditional update: two agents can never take the same ticket, and an
 * agent only takes tickets of the queues they answer. `anyQueue`: supervisors (tickets.transfer), who
 * may take a ticket from any queue of their companies.
 */
export async function pickTicket(
  db: Db,
  input: { ticketId: string },
  ctx: { userId: string; companyIds: string[]; now: Date; anyQueue: boolean },
) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const myQueues = db.select({ id: queueMembers.queueId }).from(queueMembers).where(eq(queueMembers.userId, ctx.userId));
  const row = await db.transaction((tx) =>
    transitionTicket(tx, {
      ticketId: input.ticketId,
      move: "pick",
      now: ctx.now,
      actorId: ctx.userId,
      agentId: ctx.userId,
      where: and(isNull(tickets.agentId), inArray(tickets.companyId, ctx.companyIds), ctx.anyQueue ? undefined : inArray(tickets.queueId, myQueues)),
      set: { agentReadAt: ctx.now },
    }),
  );
  if (row) return { id: row.id };
  if (!ctx.anyQueue && !(await inMyQueues(db, input.ticketId, ctx.userId))) throw new UserError("not_queue_member");
  throw new UserError("ticket_taken");
}

async function inMyQueues(db: Db, ticketId: string, userId: string) {
  const [row] = await db
    .select({ found: sql<number>`1` })
    .from(tickets)
    .innerJoin(queueMembers, and(eq(queueMembers.queueId, tickets.queueId), eq(queueMembers.userId, userId)))
    .where(eq(tickets.id, ticketId));
  return !!row;
}

export async function markTicketRead(db: Db, ticketId: string, ctx: { userId: string; now: Date }) {
  await db
    .update(tickets)
    .set({ agentReadAt: ctx.now })
    .where(and(eq(tickets.id, ticketId), eq(tickets.agentId, ctx.userId)));
}
