import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaHistory, agendas } from "@/db/schema/agendas";
import { companies } from "@/db/schema/org";
import { UserError } from "@/lib/errors";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { zonedInstant } from "@/lib/dates";
import type { OutcomeInput } from "./schema";

type Ctx = { userId: string; companyIds: string[]; canViewAllAgents: boolean; now: Date };

/** Loads an agenda the user may work on: their company, and their own unless they see all agents. */
export async function loadWorkableAgenda(db: Db, agendaId: string, ctx: Omit<Ctx, "now">) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const [agenda] = await db
    .select({
      id: agendas.id,
      companyId: agendas.companyId,
      customerId: agendas.customerId,
      agentId: agendas.agentId,
      status: agendas.status,
      timeZone: companies.timeZone,
    })
    .from(agendas)
    .innerJoin(companies, eq(companies.id, agendas.companyId))
    .where(and(eq(agendas.id, agendaId), inArray(agendas.companyId, ctx.companyIds)));
  if (!agenda || (!ctx.canViewAllAgents && agenda.agentId !== ctx.userId)) throw new UserError("not_found");
  return agenda;
}

/**
 * What the agent records after a call (SPEC §3.3). Agendou books the slot in the same transaction,
 * so a full slot leaves the agenda untouched. Every outcome writes the history.
 */
export async function recordOutcome(db: Db, input: OutcomeInput, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const agenda = await loadWorkableAgenda(tx, input.agendaId, ctx);
    let toStatus = agenda.status;
    const changes: Partial<typeof agendas.$inferInsert> = { updatedAt: ctx.now };

    switch (input.outcome) {
      case "agendou": {
        await bookAppointment(
          tx,
          {
            companyId: agenda.companyId,
            customerId: agenda.customerId,
            assetId: input.assetId ?? null,
            agendaId: agenda.id,
            startsAt: new Date(input.slot!),
            source: "phone",
            userId: ctx.userId,
          },
          ctx.now,
        );
        toStatus = "agendou";
        break;
      }
      case "recusou":
        toStatus = "recusou";
        changes.resultReason = input.reason;
        break;
      case "pediu_ligar": {
        const [day, time] = input.callbackAt!.split("T");
        const callbackAt = zonedInstant(day, time, agenda.timeZone);
        if (callbackAt <= ctx.now) throw new UserError("invalid_input", { callbackAt: ["callbackFuture"] });
        toStatus = "pediu_ligar";
        changes.callbackAt = callbackAt;
        break;
      }
      case "nao_atendeu":
        break;
    }

    changes.status = toStatus;
    await tx.update(agendas).set(changes).where(eq(agendas.id, agenda.id));
    await tx.insert(agendaHistory).values({
      agendaId: agenda.id,
      at: ctx.now,
      userId: ctx.userId,
      kind: input.outcome === "nao_atendeu" ? "call_attempt" : "status",
      fromStatus: agenda.status,
      toStatus,
      reason: input.outcome === "recusou" ? input.reason : input.outcome,
      note: input.note || null,
    });
    return { status: toStatus };
  });
}
