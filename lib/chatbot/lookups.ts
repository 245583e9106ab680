import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendas, appointments } from "@/db/schema/agendas";
import { assets } from "@/db/schema/customers";
import { AWAITING_ANSWER_AGENDA_STATUSES, createAgenda } from "@/lib/agendas/status";
import { OPEN_APPOINTMENT_STATUSES } from "@/lib/appointments/status";
import type { Turn } from "./turn";

/** WhatsApp states of an invited agenda: with AWAITING_ANSWER_AGENDA_STATUSES, what an invitation's answer applies to. */
const INVITED_STATES = ["enviado", "entregue", "lido", "respondido"] as const;

/**
 * The customer's open agenda whose invitation went out most recently — automatic, or manual when an
 * agent sent the invitation by hand (SPEC §3.1).
 */
export async function openInvitedAgenda(db: Db, customerId: string) {
  const [row] = await db
    .select({ id: agendas.id, status: agendas.status, whatsappState: agendas.whatsappState })
    .from(agendas)
    .where(
      and(
        eq(agendas.customerId, customerId),
        // Passive agendas are the customer's own contact, not an invitation.
        eq(agendas.direction, "ativo"),
        inArray(agendas.status, [...AWAITING_ANSWER_AGENDA_STATUSES]),
        inArray(agendas.whatsappState, [...INVITED_STATES]),
      ),
    )
    .orderBy(sql`${agendas.whatsappAt} desc nulls last`, desc(agendas.contactDate), desc(agendas.createdAt))
    .limit(1);
  return row ?? null;
}

export async function todaysPassiveAgenda(turn: Turn, customerId: string, db: Db = turn.db) {
  const [row] = await db
    .select({ id: agendas.id })
    .from(agendas)
    .where(and(eq(agendas.customerId, customerId), eq(agendas.direction, "passivo"), eq(agendas.contactDate, turn.today)))
    .limit(1);
  return row ?? null;
}

/** "Cliente Passivo": one passive agenda per customer and day. */
export async function ensurePassiveAgenda(turn: Turn, customerId: string, db: Db = turn.db) {
  const existing = await todaysPassiveAgenda(turn, customerId, db);
  if (existing) return existing;
  return createAgenda(
    db,
    {
      companyId: turn.conversation.companyId,
      customerId,
      contactDate: turn.today,
      origin: "manual",
      direction: "passivo",
      whatsappState: "respondido",
      whatsappAt: turn.now,
      createdAt: turn.now,
      updatedAt: turn.now,
    },
    { reason: "passivo_whatsapp", actorId: null, now: turn.now },
  );
}

/** The customer's next open appointment (the one a confirmation template is about). */
export async function nextAppointment(turn: Turn, customerId: string) {
  const [row] = await turn.db
    .select({ id: appointments.id, agendaId: appointments.agendaId, assetId: appointments.assetId, startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.customerId, customerId),
        inArray(appointments.status, [...OPEN_APPOINTMENT_STATUSES]),
        gt(appointments.startsAt, turn.now),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  return row ?? null;
}

/** The customer's latest no-show still waiting for a new time (its agenda not rebooked since): what "Quero remarcar" answers. */
export async function missedAppointment(turn: Turn, customerId: string) {
  const [row] = await turn.db
    .select({ agendaId: appointments.agendaId, assetId: appointments.assetId })
    .from(appointments)
    .leftJoin(agendas, eq(agendas.id, appointments.agendaId))
    .where(
      and(
        eq(appointments.customerId, customerId),
        eq(appointments.status, "no_show"),
        or(isNull(appointments.agendaId), eq(agendas.status, "no_show")),
      ),
    )
    .orderBy(desc(appointments.startsAt))
    .limit(1);
  return row ?? null;
}

export async function customerAssets(turn: Turn) {
  if (!turn.conversation.customerId) return [];
  return turn.db
    .select({ id: assets.id, kind: assets.kind, plate: assets.plate, model: assets.model, planName: assets.planName })
    .from(assets)
    .where(eq(assets.customerId, turn.conversation.customerId))
    .orderBy(asc(assets.createdAt), asc(assets.id));
}
