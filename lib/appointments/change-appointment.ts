import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaHistory, agendas, appointments } from "@/db/schema/agendas";
import { mayWorkAgenda, type AgendaScope } from "@/lib/agendas/agenda-scope";
import { UserError } from "@/lib/errors";
import { bookAppointment } from "./book-appointment";

type Ctx = AgendaScope & { now: Date };

/**
 * An open appointment the user may change: of an agenda they may work (mayWorkAgenda, the rule of the
 * worklist and of recordOutcome), or, when it has no agenda, only for users who see every agent.
 * Locks the agenda row and then the appointment, the order recordOutcome and bookAppointment take them.
 */
async function loadOpen(db: Db, id: string, ctx: Ctx) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const [found] = await db
    .select({ agendaId: appointments.agendaId })
    .from(appointments)
    .where(and(eq(appointments.id, id), inArray(appointments.companyId, ctx.companyIds)));
  if (!found) throw new UserError("not_found");
  const [agenda] = found.agendaId
    ? await db
        .select({ companyId: agendas.companyId, agentId: agendas.agentId, status: agendas.status })
        .from(agendas)
        .where(eq(agendas.id, found.agendaId))
        .for("update")
    : [];
  if (agenda ? !mayWorkAgenda(agenda, ctx) : !ctx.canViewAllAgents) throw new UserError("not_found");
  const [row] = await db
    .select({
      id: appointments.id,
      companyId: appointments.companyId,
      customerId: appointments.customerId,
      assetId: appointments.assetId,
      agendaId: appointments.agendaId,
      service: appointments.service,
      status: appointments.status,
    })
    .from(appointments)
    .where(eq(appointments.id, id))
    .for("update");
  if (!["agendado", "confirmado"].includes(row.status)) throw new UserError("appointment_closed");
  return { ...row, agendaStatus: agenda?.status ?? null };
}

export async function cancelAppointment(db: Db, input: { appointmentId: string }, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const old = await loadOpen(tx, input.appointmentId, ctx);
    await tx.update(appointments).set({ status: "cancelado", updatedAt: ctx.now }).where(eq(appointments.id, old.id));
    if (old.agendaId) {
      // The customer no longer has a booking: the agenda goes back to the ones to work.
      await tx.update(agendas).set({ status: "pendente", updatedAt: ctx.now }).where(eq(agendas.id, old.agendaId));
      await tx.insert(agendaHistory).values({
        agendaId: old.agendaId,
        at: ctx.now,
        userId: ctx.userId,
        fromStatus: old.agendaStatus,
        toStatus: "pendente",
        reason: "agendamento_cancelado",
      });
    }
    return { id: old.id };
  });
}

/** The old appointment becomes `remarcado` and frees its place; the new one must fit its slot. */
export async function rescheduleAppointment(db: Db, input: { appointmentId: string; slot: string }, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const old = await loadOpen(tx, input.appointmentId, ctx);
    await tx.update(appointments).set({ status: "remarcado", updatedAt: ctx.now }).where(eq(appointments.id, old.id));
    const created = await bookAppointment(
      tx,
      {
        companyId: old.companyId,
        customerId: old.customerId,
        assetId: old.assetId,
        agendaId: old.agendaId,
        startsAt: new Date(input.slot),
        service: old.service,
        source: "phone",
        userId: ctx.userId,
        rescheduledFromId: old.id,
      },
      ctx.now,
    );
    if (old.agendaId) {
      await tx.insert(agendaHistory).values({
        agendaId: old.agendaId,
        at: ctx.now,
        userId: ctx.userId,
        fromStatus: old.agendaStatus,
        toStatus: "agendou",
        reason: "remarcado",
      });
    }
    return created;
  });
}
