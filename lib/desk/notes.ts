import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { internalNotes } from "@/db/schema/desk";
import { users } from "@/db/schema/org";
import { tickets } from "@/db/schema/tickets";
import { emit } from "@/lib/events/emit";
import { UserError } from "@/lib/errors";
import { ticketEvent } from "@/lib/tickets/state";

/** Adds an internal note to a ticket of the user's companies (staff only: never a message, never sent). */
export async function addNote(db: Db, input: { ticketId: string; body: string }, ctx: { userId: string; companyIds: string[]; now: Date }) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  return db.transaction(async (tx) => {
    const [ticket] = await tx
      .select({ id: tickets.id, companyId: tickets.companyId, conversationId: tickets.conversationId, queueId: tickets.queueId, agentId: tickets.agentId })
      .from(tickets)
      .where(and(eq(tickets.id, input.ticketId), inArray(tickets.companyId, ctx.companyIds)));
    if (!ticket) throw new UserError("not_found");
    const [note] = await tx
      .insert(internalNotes)
      .values({ ticketId: ticket.id, companyId: ticket.companyId, authorId: ctx.userId, body: input.body, createdAt: ctx.now })
      .returning({ id: internalNotes.id });
    // The open chat re-reads on ticket.changed, so colleagues see the note live.
    await emit(tx, ticketEvent(ticket));
    return note;
  });
}

/** A ticket's notes in order, with their author, for the timeline. */
export function ticketNotes(db: Db, ticketId: string) {
  return db
    .select({ id: internalNotes.id, body: internalNotes.body, createdAt: internalNotes.createdAt, authorName: users.name })
    .from(internalNotes)
    .innerJoin(users, eq(users.id, internalNotes.authorId))
    .where(eq(internalNotes.ticketId, ticketId))
    .orderBy(asc(internalNotes.createdAt));
}
