import { aliasedTable, and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaHistory, agendas, appointments } from "@/db/schema/agendas";
import { assets, customers } from "@/db/schema/customers";
import { companies } from "@/db/schema/org";
import { UserError } from "@/lib/errors";
import { addDaysToDate, zonedInstant } from "@/lib/dates";

/** A day's appointments of a company, by time, for the front desk. */
export async function dayAppointments(db: Db, companyId: string, day: string, timeZone: string) {
  return db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      status: appointments.status,
      service: appointments.service,
      customerName: customers.name,
      plate: assets.plate,
      model: assets.model,
      planName: assets.planName,
    })
    .from(appointments)
    .innerJoin(customers, eq(customers.id, appointments.customerId))
    .leftJoin(assets, eq(assets.id, appointments.assetId))
    .where(
      and(
        eq(appointments.companyId, companyId),
        gte(appointments.startsAt, zonedInstant(day, "00:00", timeZone)),
        lt(appointments.startsAt, zonedInstant(addDaysToDate(day, 1), "00:00", timeZone)),
        inArray(appointments.status, ["agendado", "confirmado", "compareceu", "no_show"]),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(customers.name));
}

const company = aliasedTable(companies, "company");

/**
 * Check-in or no-show by hand. A no-show sends the agenda back to scheduling with status `no_show`
 * (seed 000), where the worklist's No-Show totalizer counts it.
 */
export async function markAttendance(
  db: Db,
  input: { appointmentId: string; outcome: "compareceu" | "no_show" },
  ctx: { userId: string; companyIds: string[]; now: Date },
) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  return db.transaction(async (tx) => {
    const [appointment] = await tx
      .select({ id: appointments.id, status: appointments.status, agendaId: appointments.agendaId, companyId: company.id })
      .from(appointments)
      .innerJoin(company, eq(company.id, appointments.companyId))
      .where(and(eq(appointments.id, input.appointmentId), inArray(appointments.companyId, ctx.companyIds)))
      .for("update");
    if (!appointment) throw new UserError("not_found");
    if (!["agendado", "confirmado"].includes(appointment.status)) throw new UserError("already_marked");

    await tx
      .update(appointments)
      .set({
        status: input.outcome,
        updatedAt: ctx.now,
        noShowMarkedBy: input.outcome === "no_show" ? "manual" : null,
      })
      .where(eq(appointments.id, appointment.id));

    if (input.outcome === "no_show" && appointment.agendaId) {
      const [agenda] = await tx
        .select({ status: agendas.status })
        .from(agendas)
        .where(eq(agendas.id, appointment.agendaId));
      await tx.update(agendas).set({ status: "no_show", updatedAt: ctx.now }).where(eq(agendas.id, appointment.agendaId));
      await tx.insert(agendaHistory).values({
        agendaId: appointment.agendaId,
        at: ctx.now,
        userId: ctx.userId,
        fromStatus: agenda?.status ?? null,
        toStatus: "no_show",
        reason: "no_show_manual",
      });
    }
    return { status: input.outcome };
  });
}
