import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaHistory, agendas } from "@/db/schema/agendas";
import { companies } from "@/db/schema/org";
import { UserError } from "@/lib/errors";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { zonedInstant } from "@/lib/dates";
import { mayWorkAgenda, type AgendaScope } from "./agenda-scope";
import type { OutcomeInput } from "./schema";

type Ctx = AgendaScope & { now: Date };

/**
 * Loads an agenda the user may work on (mayWorkAgenda), else not_found. `lock`: FOR UPDATE on the agenda
 * row, which serialises the changes of one agenda (its outcomes and bookings) until the transaction ends.
 */
export async function loadWorkableAgenda(db: Db, agendaId: string, ctx: AgendaScope, opts: { lock?: boolean } = {}) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const query = db
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
  const [agenda] = opts.lock ? await query.for("update", { of: agendas }) : await query;
  if (!agenda || !mayWorkAgenda(agenda, ctx)) throw new UserError("not_found");
  return agenda;
}

/**
 * What the agent records after a call (SPEC §3.3). Agendou books the slot in the same transaction,
 * so a full slot leaves the agenda untouched. Every outcome writes the history.
 */
export async function recordOutcome(db: Db, input: OutcomeInput, ctx: Ctx) {
  return db.transaction(async (tx) => {
    // Two outcomes of one agenda at once (a double click, two tabs) run one after the other.
    const agenda = await loadWorkableAgenda(tx, input.agendaId, ctx, { lock: true });
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
