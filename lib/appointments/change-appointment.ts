import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendas, appointments } from "@/db/schema/agendas";
import { mayWorkAgenda, type AgendaScope } from "@/lib/agendas/agenda-scope";
import { UserError } from "@/lib/errors";
import { rescheduleBooking } from "./book-appointment";
import { cancelAppointment as cancel, OPEN_APPOINTMENT_STATUSES } from "./status";

type Ctx = AgendaScope & { now: Date };

/**
 * An open appointment the user may change: of an agenda they may work (mayWorkAgenda, the rule of the
 * worklist and of recordOutcome), or, when it has no agenda, only for users who see every agent.
 * Locks the agenda row and then the appointment, the order of every path (lib/appointments/status.ts).
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
        .select({ companyId: agendas.companyId, agentId: agendas.agentId })
        .from(agendas)
        .where(eq(agendas.id, found.agendaId))
        .for("update")
    : [];
  if (agenda ? !mayWorkAgenda(agenda, ctx) : !ctx.canViewAllAgents) throw new UserError("not_found");
  const [row] = await db.select({ id: appointments.id, status: appointments.status }).from(appointments).where(eq(appointments.id, id)).for("update");
  if (!(OPEN_APPOINTMENT_STATUSES as readonly string[]).includes(row.status)) throw new UserError("appointment_closed");
  return row;
}

export async function cancelAppointment(db: Db, input: { appointmentId: string }, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const old = await loadOpen(tx, input.appointmentId, ctx);
    await cancel(tx, { appointmentId: old.id, reason: "agendamento_cancelado", actorId: ctx.userId, now: ctx.now });
    return { id: old.id };
  });
}

/** The old appointment becomes `remarcado` and frees its place; the new one must fit its slot. */
export async function rescheduleAppointment(db: Db, input: { appointmentId: string; slot: string }, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const old = await loadOpen(tx, input.appointmentId, ctx);
    const created = await rescheduleBooking(tx, { appointmentId: old.id, startsAt: new Date(input.slot), source: "phone", userId: ctx.userId, reason: "remarcado" }, ctx.now);
    if (!created) throw new UserError("appointment_closed");
    return created;
  });
}
