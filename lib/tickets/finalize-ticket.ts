import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies } from "@/db/schema/org";
import { contactReasons, tickets } from "@/db/schema/tickets";
import { UserError } from "@/lib/errors";
import type { FinalizeTicketInput } from "./schema";
import { transitionTicket } from "./state";

/**
 * "Finalizar Atendimento" with its qualification. When the company makes the close script mandatory
 * (SPEC §5), the reason, the description and whether it was solved are required.
 */
export async function finalizeTicket(
  db: Db,
  input: FinalizeTicketInput,
  ctx: { userId: string; companyIds: string[]; now: Date },
) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  return db.transaction(async (tx) => {
    const [ticket] = await tx
      .select({ id: tickets.id, companyId: tickets.companyId, agentId: tickets.agentId, status: tickets.status, required: companies.closeScriptRequired })
      .from(tickets)
      .innerJoin(companies, eq(companies.id, tickets.companyId))
      .where(and(eq(tickets.id, input.ticketId), inArray(tickets.companyId, ctx.companyIds)))
      .for("update");
    if (!ticket || ticket.agentId !== ctx.userId) throw new UserError("not_found");
    if (ticket.status === "finalizado") throw new UserError("ticket_closed");
    if (ticket.required) {
      const fieldErrors: Record<string, string[]> = {};
      if (!input.contactReasonId) fieldErrors.contactReasonId = ["reasonRequiredClose"];
      if (!input.description) fieldErrors.description = ["descriptionRequired"];
      if (input.resolved === undefined) fieldErrors.resolved = ["resolvedRequired"];
      if (Object.keys(fieldErrors).length) throw new UserError("invalid_input", fieldErrors);
    }
    if (input.contactReasonId) {
      const [reason] = await tx
        .select({ id: contactReasons.id })
        .from(contactReasons)
        .where(and(eq(contactReasons.id, input.contactReasonId), eq(contactReasons.companyId, ticket.companyId)));
      if (!reason) throw new UserError("invalid_input", { contactReasonId: ["invalid"] });
    }
    await transitionTicket(tx, {
      ticketId: ticket.id,
      move: "close",
      now: ctx.now,
      actorId: ctx.userId,
      reason: "finalizado_pelo_agente",
      set: { contactReasonId: input.contactReasonId ?? null, description: input.description ?? null, resolved: input.resolved ?? null },
    });
    return { id: ticket.id, qualified: !!input.contactReasonId, described: !!input.description };
  });
}
