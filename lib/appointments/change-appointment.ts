import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaHistory, agendas, appointments } from "@/db/schema/agendas";
import { UserError } from "@/lib/errors";
import { bookAppointment } from "./book-appointment";

type Ctx = { userId: string; companyIds: string[]; now: Date };

async function loadOpen(db: Db, id: string, ctx: Ctx) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
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
    .where(and(eq(appointments.id, id), inArray(appointments.companyId, ctx.companyIds)));
  if (!row) throw new UserError("not_found");
  if (!["agendado", "confirmado"].includes(row.status)) throw new UserError("appointment_closed");
  return row;
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
        fromStatus: "agendou",
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
        fromStatus: "agendou",
        toStatus: "agendou",
        reason: "remarcado",
      });
    }
    return created;
  });
}
