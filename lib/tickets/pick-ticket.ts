import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tickets } from "@/db/schema/tickets";
import { UserError } from "@/lib/errors";
import { transitionTicket } from "./state";

/** Takes a waiting ticket. One conditional update: two agents can never take the same ticket. */
export async function pickTicket(db: Db, input: { ticketId: string }, ctx: { userId: string; companyIds: string[]; now: Date }) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const row = await db.transaction((tx) =>
    transitionTicket(tx, {
      ticketId: input.ticketId,
      move: "pick",
      now: ctx.now,
      actorId: ctx.userId,
      agentId: ctx.userId,
      where: and(isNull(tickets.agentId), inArray(tickets.companyId, ctx.companyIds)),
      set: { agentReadAt: ctx.now },
    }),
  );
  if (!row) throw new UserError("ticket_taken");
  return { id: row.id };
}

export async function markTicketRead(db: Db, ticketId: string, ctx: { userId: string; now: Date }) {
  await db
    .update(tickets)
    .set({ agentReadAt: ctx.now })
    .where(and(eq(tickets.id, ticketId), eq(tickets.agentId, ctx.userId)));
}
