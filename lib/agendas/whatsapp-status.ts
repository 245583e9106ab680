import { and, inArray, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendas, type WHATSAPP_STATES } from "@/db/schema/agendas";
import { recordAgendaEntries, type AgendaReason } from "./status";

type WhatsappState = (typeof WHATSAPP_STATES)[number];

/** A provider status of an invitation message (idempotency key `invite:<agendaId>` or `invite-manual:<agendaId>:…`). */
export type InvitationStatus = {
  idempotencyKey: string;
  status: "delivered" | "read" | "failed";
  errorCode: number | null;
  errorTitle: string | null;
};

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const INVITATION_KEY = new RegExp(`^invite(?:-manual)?:(${UUID})(?::|$)`, "i");

/** The agenda an outbound message invites to, from its outbox key; null for any other message. */
export function invitationAgendaId(idempotencyKey: string | null | undefined): string | null {
  return idempotencyKey ? (INVITATION_KEY.exec(idempotencyKey)?.[1] ?? null) : null;
}

/**
 * Where each status moves the agenda's WhatsApp state from. Never backwards and never over `respondido`
 * (the customer's answer is what counts). `nao_enviado`: a status can arrive before the job that sent
 * the invitation settles its agenda (the job's own guard then leaves it alone).
 */
const MOVES: Record<InvitationStatus["status"], { to: WhatsappState; from: WhatsappState[]; reason: AgendaReason }> = {
  delivered: { to: "entregue", from: ["nao_enviado", "enviado"], reason: "convite_entregue" },
  read: { to: "lido", from: ["nao_enviado", "enviado", "entregue"], reason: "convite_lido" },
  failed: { to: "falhou", from: ["nao_enviado", "enviado"], reason: "convite_falhou" },
};

/**
 * Moves the WhatsApp state of invited agendas with the provider's statuses (entregue, lido, falhou with
 * "<code> · <title>"), each with its history row and event, so the Ligar rule (call-advice.ts) sees
 * them: a failed invitation is a call to make, not a customer who "did not answer". Idempotent: an agenda
 * already in the state (or past it) is left alone, so a repeated delivery writes nothing twice.
 */
export async function applyInvitationStatuses(db: Db, statuses: InvitationStatus[], now: Date): Promise<number> {
  let moved = 0;
  for (const s of statuses) {
    const agendaId = invitationAgendaId(s.idempotencyKey);
    if (!agendaId) continue;
    const move = MOVES[s.status];
    const failure = s.status === "failed" ? `${s.errorCode ?? "?"} · ${s.errorTitle ?? ""}`.trim() : null;
    const where: SQL | undefined = and(inArray(agendas.whatsappState, move.from));
    const ids = await db.transaction((tx) =>
      recordAgendaEntries(
        tx,
        [agendaId],
        { kind: "whatsapp", reason: move.reason, actorId: null, now, note: failure },
        {
          set: failure ? { whatsappState: move.to, whatsappReason: failure, whatsappAt: now } : { whatsappState: move.to, whatsappReason: null },
          where,
        },
      ),
    );
    moved += ids.length;
  }
  return moved;
}
