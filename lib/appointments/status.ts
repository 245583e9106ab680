import { and, desc, eq, inArray, isNull, ne, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { anyUuid } from "@/db/any-of";
import { APPOINTMENT_STATUSES, agendaHistory, agendas, appointments } from "@/db/schema/agendas";
import { moveAgenda, recordAgendaEntries, type AgendaReason, type AgendaStatus } from "@/lib/agendas/status";
import { UserError } from "@/lib/errors";
import { emit } from "@/lib/events/emit";

export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Appointments still to happen: an agenda has at most one of them. */
export const OPEN_APPOINTMENT_STATUSES = ["agendado", "confirmado"] as const satisfies readonly AppointmentStatus[];
/** Appointments that hold a place in their slot (a customer who came used it). */
export const SLOT_HOLDING_APPOINTMENT_STATUSES = ["agendado", "confirmado", "compareceu"] as const satisfies readonly AppointmentStatus[];
/** What the front desk lists for a day: still to come, and marked (so a mark can be undone). */
export const FRONT_DESK_APPOINTMENT_STATUSES = ["agendado", "confirmado", "compareceu", "no_show"] as const satisfies readonly AppointmentStatus[];

type OpenStatus = (typeof OPEN_APPOINTMENT_STATUSES)[number];

/** The allowed moves of an appointment; the undos go back to the open status it had (given by the caller). */
export const APPOINTMENT_MOVES = {
  confirm: { from: ["agendado"], to: "confirmado" },
  cancel: { from: OPEN_APPOINTMENT_STATUSES, to: "cancelado" },
  reschedule: { from: OPEN_APPOINTMENT_STATUSES, to: "remarcado" },
  check_in: { from: OPEN_APPOINTMENT_STATUSES, to: "compareceu" },
  no_show: { from: OPEN_APPOINTMENT_STATUSES, to: "no_show" },
  undo_check_in: { from: ["compareceu"], to: null },
  undo_no_show: { from: ["no_show"], to: null },
} as const satisfies Record<string, { from: readonly AppointmentStatus[]; to: AppointmentStatus | null }>;

export type AppointmentMove = keyof typeof APPOINTMENT_MOVES;

export type MovedAppointment = { id: string; companyId: string; agendaId: string | null; startsAt: Date; from: AppointmentStatus; to: AppointmentStatus };

function appointmentEvent(row: { id: string; companyId: string; agendaId: string | null }) {
  return {
    type: "appointment.changed" as const,
    audience: { companyId: row.companyId, queueId: null, userId: null },
    payload: { appointmentId: row.id, agendaId: row.agendaId },
  };
}

/**
 * The one way to change an appointment's status: locks the row, a conditional update from the move's
 * statuses and its `appointment.changed` event, in the caller's transaction. Null when the appointment
 * was not in a status the move starts from. Callers that also move the agenda lock it first
 * (lockAgendaOf): an agenda before its appointment, in every path.
 */
export async function moveAppointment(
  tx: Db,
  input: {
    appointmentId: string;
    move: AppointmentMove;
    to?: OpenStatus;
    now: Date;
    set?: Partial<Pick<typeof appointments.$inferInsert, "noShowMarkedBy">>;
    where?: SQL;
  },
): Promise<MovedAppointment | null> {
  const move = APPOINTMENT_MOVES[input.move];
  const to = move.to ?? input.to;
  if (!to) throw new Error(`${input.move} needs the status to go to`);
  const [before] = await tx.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, input.appointmentId)).for("update");
  if (!before) return null;
  const [moved] = await tx
    .update(appointments)
    .set({ ...input.set, status: to, updatedAt: input.now })
    .where(and(eq(appointments.id, input.appointmentId), inArray(appointments.status, [...move.from]), input.where))
    .returning({ id: appointments.id, companyId: appointments.companyId, agendaId: appointments.agendaId, startsAt: appointments.startsAt });
  if (!moved) return null;
  await emit(tx, appointmentEvent(moved));
  return { ...moved, from: before.status, to };
}

/** A new appointment (agendado, the column's default) and its event; the slot rules are bookAppointment's. */
export async function createAppointment(tx: Db, values: Omit<typeof appointments.$inferInsert, "status" | "id">) {
  const [row] = await tx
    .insert(appointments)
    .values(values)
    .returning({ id: appointments.id, companyId: appointments.companyId, agendaId: appointments.agendaId, startsAt: appointments.startsAt });
  await emit(tx, appointmentEvent(row));
  return row;
}

/**
 * Locks the appointment's agenda (FOR UPDATE) before anything touches the appointment, so every path
 * takes the two rows in the same order. The agenda of an appointment never changes, so reading it first
 * without a lock is safe. Null when the appointment does not exist (or is outside `where`).
 */
export async function lockAgendaOf(tx: Db, appointmentId: string, where?: SQL) {
  const [row] = await tx
    .select({ id: appointments.id, agendaId: appointments.agendaId, companyId: appointments.companyId })
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), where));
  if (!row) return null;
  if (row.agendaId) await tx.select({ id: agendas.id }).from(agendas).where(eq(agendas.id, row.agendaId)).for("update");
  return row;
}

type Who = { actorId: string | null; now: Date };

/** The customer confirms (the chatbot's answer to the confirmation). */
export async function confirmAppointment(tx: Db, input: { appointmentId: string } & Who) {
  return moveAppointment(tx, { appointmentId: input.appointmentId, move: "confirm", now: input.now });
}

/** Cancels an open appointment; its agenda goes back to the ones to work (pendente). */
export async function cancelAppointment(tx: Db, input: { appointmentId: string; reason: AgendaReason } & Who) {
  await lockAgendaOf(tx, input.appointmentId);
  const moved = await moveAppointment(tx, { appointmentId: input.appointmentId, move: "cancel", now: input.now });
  if (moved?.agendaId) {
    await moveAgenda(tx, { agendaId: moved.agendaId, move: "cancel_booking", reason: input.reason, actorId: input.actorId, now: input.now });
  }
  return moved;
}

/** The customer came. The agenda's status stays; its history records the check-in. */
export async function checkIn(tx: Db, input: { appointmentId: string } & Who) {
  await lockAgendaOf(tx, input.appointmentId);
  const moved = await moveAppointment(tx, { appointmentId: input.appointmentId, move: "check_in", now: input.now, set: { noShowMarkedBy: null } });
  if (moved?.agendaId) {
    await recordAgendaEntries(tx, [moved.agendaId], {
      kind: "appointment",
      fromStatus: moved.from,
      toStatus: moved.to,
      reason: "compareceu",
      actorId: input.actorId,
      now: input.now,
    });
  }
  return moved;
}

/**
 * The customer did not come: never before the appointment's start (no_show_before_start). The agenda
 * goes back to scheduling with status no_show. A no-show by hand also records the appointment's status
 * before it, which is where undoAttendance returns it.
 */
export async function markNoShow(tx: Db, input: { appointmentId: string; by: "manual" | "automatic" } & Who) {
  const found = await lockAgendaOf(tx, input.appointmentId);
  if (!found) return null;
  const [row] = await tx.select({ startsAt: appointments.startsAt }).from(appointments).where(eq(appointments.id, input.appointmentId));
  if (row.startsAt > input.now) throw new UserError("no_show_before_start");
  const moved = await moveAppointment(tx, { appointmentId: input.appointmentId, move: "no_show", now: input.now, set: { noShowMarkedBy: input.by } });
  if (moved?.agendaId) {
    const reason = input.by === "manual" ? "no_show_manual" : "no_show_automatico";
    await moveAgenda(tx, { agendaId: moved.agendaId, move: "no_show", reason, actorId: input.actorId, now: input.now });
    if (input.by === "manual") {
      await recordAgendaEntries(tx, [moved.agendaId], { kind: "appointment", fromStatus: moved.from, toStatus: moved.to, reason, actorId: input.actorId, now: input.now });
    }
  }
  return moved;
}

/**
 * Undoes a check-in or a no-show marked by hand: the appointment goes back to the open status it had
 * (its history row of the mark says which; agendado when there is none), and after a no-show the agenda
 * goes back to its status before it. Both steps are in the history. Refused (attendance_not_undoable)
 * for an appointment not marked, a no-show of the sweep, or an agenda booked again since.
 */
export async function undoAttendance(tx: Db, input: { appointmentId: string; where?: SQL } & Who) {
  const found = await lockAgendaOf(tx, input.appointmentId, input.where);
  if (!found) throw new UserError("not_found");
  const [row] = await tx
    .select({ status: appointments.status, noShowMarkedBy: appointments.noShowMarkedBy })
    .from(appointments)
    .where(eq(appointments.id, input.appointmentId))
    .for("update");
  const move = row.status === "compareceu" ? "undo_check_in" : row.status === "no_show" && row.noShowMarkedBy === "manual" ? "undo_no_show" : null;
  if (!move) throw new UserError("attendance_not_undoable");
  const agendaId = found.agendaId;
  if (agendaId) {
    const [other] = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.agendaId, agendaId), ne(appointments.id, input.appointmentId), inArray(appointments.status, [...OPEN_APPOINTMENT_STATUSES])));
    // Its agenda was booked again: two open appointments for one agenda would follow.
    if (other) throw new UserError("attendance_not_undoable");
  }
  const mark = agendaId ? await lastMark(tx, agendaId, "appointment", row.status) : null;
  const back: OpenStatus = mark?.fromStatus === "confirmado" ? "confirmado" : "agendado";
  const moved = await moveAppointment(tx, { appointmentId: input.appointmentId, move, to: back, now: input.now, set: { noShowMarkedBy: null } });
  if (!moved) throw new UserError("attendance_not_undoable");
  if (agendaId) {
    const reason = move === "undo_no_show" ? "no_show_desfeito" : "compareceu_desfeito";
    if (move === "undo_no_show") {
      const agendaMark = await lastMark(tx, agendaId, "status", "no_show");
      const agendaBack = (agendaMark?.fromStatus ?? "agendou") as AgendaStatus;
      await moveAgenda(tx, { agendaId, move: "undo_no_show", to: agendaBack === "no_show" ? "agendou" : agendaBack, reason, actorId: input.actorId, now: input.now });
    }
    await recordAgendaEntries(tx, [agendaId], { kind: "appointment", fromStatus: moved.from, toStatus: moved.to, reason, actorId: input.actorId, now: input.now });
  }
  return moved;
}

/** The agenda's latest history row of a mark (to `status`): what an undo returns to. */
async function lastMark(tx: Db, agendaId: string, kind: "appointment" | "status", status: string) {
  const [row] = await tx
    .select({ fromStatus: agendaHistory.fromStatus })
    .from(agendaHistory)
    .where(
      and(
        eq(agendaHistory.agendaId, agendaId),
        eq(agendaHistory.kind, kind),
        eq(agendaHistory.toStatus, status),
        inArray(agendaHistory.reason, ["compareceu", "no_show_manual"]),
      ),
    )
    .orderBy(desc(agendaHistory.at), desc(agendaHistory.id))
    .limit(1);
  return row ?? null;
}

/** The confirmation message went out (dispatch-confirmations): once per appointment. Returns the ids marked. */
export async function markConfirmationSent(tx: Db, appointmentIds: string[], now: Date): Promise<string[]> {
  if (!appointmentIds.length) return [];
  const marked = await tx
    .update(appointments)
    .set({ confirmationSentAt: now, updatedAt: now })
    .where(and(anyUuid(appointments.id, appointmentIds), isNull(appointments.confirmationSentAt)))
    .returning({ id: appointments.id, companyId: appointments.companyId, agendaId: appointments.agendaId });
  await emit(tx, ...marked.map(appointmentEvent));
  return marked.map((m) => m.id);
}
