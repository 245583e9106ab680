import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendas } from "@/db/schema/agendas";
import { companies } from "@/db/schema/org";
import { UserError } from "@/lib/errors";
import { bookForAgenda } from "@/lib/appointments/book-appointment";
import { zonedInstant } from "@/lib/dates";
import { mayWorkAgenda, type AgendaScope } from "./agenda-scope";
import type { OutcomeInput } from "./schema";
import { moveAgenda, recordAgendaEntries } from "./status";

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
 * so a full slot leaves the agenda untouched. Every outcome writes the history: a refusal's reason is
 * kept on the agenda and, with the agent's note, in the history row's note.
 */
export async function recordOutcome(db: Db, input: OutcomeInput, ctx: Ctx) {
  return db.transaction(async (tx) => {
    // Two outcomes of one agenda at once (a double click, two tabs) run one after the other.
    const agenda = await loadWorkableAgenda(tx, input.agendaId, ctx, { lock: true });
    const who = { agendaId: agenda.id, actorId: ctx.userId, now: ctx.now, note: input.note || null };

    switch (input.outcome) {
      case "agendou": {
        await bookForAgenda(
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
          { reason: "agendou", note: who.note },
        );
        return { status: "agendou" as const };
      }
      case "recusou": {
        const note = [input.reason, who.note].filter(Boolean).join("\n");
        await moveAgenda(tx, { ...who, move: "refuse", reason: "recusou", note, set: { resultReason: input.reason } });
        return { status: "recusou" as const };
      }
      case "pediu_ligar": {
        const [day, time] = input.callbackAt!.split("T");
        const callbackAt = zonedInstant(day, time, agenda.timeZone);
        if (callbackAt <= ctx.now) throw new UserError("invalid_input", { callbackAt: ["callbackFuture"] });
        await moveAgenda(tx, { ...who, move: "ask_callback", reason: "pediu_ligar", set: { callbackAt } });
        return { status: "pediu_ligar" as const };
      }
      case "nao_atendeu":
        await recordAgendaEntries(tx, [agenda.id], { kind: "call_attempt", reason: "nao_atendeu", actorId: ctx.userId, now: ctx.now, note: who.note });
        return { status: agenda.status };
    }
  });
}
