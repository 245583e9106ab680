import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { anyUuid } from "@/db/any-of";
import { AGENDA_STATUSES, agendaHistory, agendas } from "@/db/schema/agendas";
import { companies } from "@/db/schema/org";
import { emit } from "@/lib/events/emit";

export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

/** Agendas somebody still has to work: the card offers the invitation, a program does not open another. */
export const OPEN_AGENDA_STATUSES = ["pendente", "nao_respondeu", "pediu_ligar", "no_show"] as const satisfies readonly AgendaStatus[];

/**
 * Open agendas still waiting for the customer's answer to the invitation: what the chatbot applies an
 * answer to. Not pediu_ligar: the customer already answered, an agent calls.
 */
export const AWAITING_ANSWER_AGENDA_STATUSES = ["pendente", "nao_respondeu", "no_show"] as const satisfies readonly AgendaStatus[];

const ANY: readonly AgendaStatus[] = AGENDA_STATUSES;
const NOT_NO_SHOW = AGENDA_STATUSES.filter((s) => s !== "no_show");

/**
 * The allowed moves of an agenda. An agent records what a call gave whatever the agenda's status (the
 * card offers the outcomes on every agenda); the jobs move only the agendas their rule is about.
 * `undo_no_show` goes back to the status the agenda had before (given by the caller).
 */
export const AGENDA_MOVES = {
  book: { from: ANY, to: "agendou" },
  refuse: { from: ANY, to: "recusou" },
  ask_callback: { from: ANY, to: "pediu_ligar" },
  cancel_booking: { from: ANY, to: "pendente" },
  no_show: { from: NOT_NO_SHOW, to: "no_show" },
  no_reply: { from: ["pendente"], to: "nao_respondeu" },
  undo_no_show: { from: ["no_show"], to: null },
} as const satisfies Record<string, { from: readonly AgendaStatus[]; to: AgendaStatus | null }>;

export type AgendaMove = keyof typeof AGENDA_MOVES;

/**
 * Why an agenda_history row was written: one code each, shown through the catalog (`agendaReasons.<code>`).
 * Rows written before these codes hold prose or other codes: `agendaReasonLabel` shows them as they are.
 */
export const AGENDA_REASONS = [
  // The card (an agent)
  "agendou",
  "recusou",
  "pediu_ligar",
  "nao_atendeu",
  "agendamento_cancelado",
  "remarcado",
  // The chatbot (the customer on WhatsApp)
  "agendou_whatsapp",
  "recusou_whatsapp",
  "pediu_ligar_whatsapp",
  "passivo_whatsapp",
  "agendamento_cancelado_whatsapp",
  "agendamento_confirmado_whatsapp",
  "remarcado_whatsapp",
  // Reception and the no-show sweep
  "compareceu",
  "compareceu_desfeito",
  "no_show_manual",
  "no_show_automatico",
  "no_show_desfeito",
  // The window checks
  "sem_resposta",
  // Invitations (kind whatsapp)
  "convite_enviado",
  "convite_enviado_manual",
  "convite_falhou",
  "convite_entregue",
  "convite_lido",
  "optout",
  "celular_invalido",
  "erro_envio",
] as const;

export type AgendaReason = (typeof AGENDA_REASONS)[number];

const KNOWN_REASONS = new Set<string>(AGENDA_REASONS);

export function isAgendaReason(reason: string | null | undefined): reason is AgendaReason {
  return !!reason && KNOWN_REASONS.has(reason);
}

/** History kinds: a status change, a call attempt, a WhatsApp send, a note, or a change of the agenda's appointment. */
export type HistoryKind = (typeof agendaHistory.$inferInsert)["kind"];

export type MovedAgenda = { id: string; companyId: string; from: AgendaStatus; to: AgendaStatus };

export type MoveAgendaInput = {
  agendaId: string;
  move: AgendaMove;
  /** undo_no_show: the status to go back to. */
  to?: AgendaStatus;
  reason: AgendaReason;
  /** Who moves it; null: the system (a job or the chatbot). */
  actorId: string | null;
  now: Date;
  note?: string | null;
  /** History kind of the row; `status` unless said otherwise. */
  kind?: HistoryKind;
  /** Columns written with the move (the refusal reason, the call-back time). */
  set?: Partial<Pick<typeof agendas.$inferInsert, "resultReason" | "callbackAt">>;
  /** Extra conditions on the current row. */
  where?: SQL;
};

function agendaEvent(agenda: { id: string; companyId: string }) {
  return { type: "agenda.changed" as const, audience: { companyId: agenda.companyId, queueId: null, userId: null }, payload: { agendaId: agenda.id } };
}

/**
 * The one way to change an agenda's status: locks the row, a conditional update from the move's
 * statuses, its agenda_history row and its `agenda.changed` event, all in the caller's transaction.
 * Returns the move, or null when the agenda was not in a status the move starts from.
 * Lock order: an agenda before its appointment, everywhere (lib/appointments/status.ts).
 */
export async function moveAgenda(tx: Db, input: MoveAgendaInput): Promise<MovedAgenda | null> {
  const move = AGENDA_MOVES[input.move];
  const to = move.to ?? input.to;
  if (!to) throw new Error(`${input.move} needs the status to go to`);
  const [before] = await tx
    .select({ status: agendas.status })
    .from(agendas)
    .where(eq(agendas.id, input.agendaId))
    .for("update");
  if (!before) return null;
  const [moved] = await tx
    .update(agendas)
    .set({ ...input.set, status: to, updatedAt: input.now })
    .where(and(eq(agendas.id, input.agendaId), inArray(agendas.status, [...move.from]), input.where))
    .returning({ id: agendas.id, companyId: agendas.companyId });
  if (!moved) return null;
  await tx.insert(agendaHistory).values({
    agendaId: moved.id,
    at: input.now,
    userId: input.actorId,
    kind: input.kind ?? "status",
    fromStatus: before.status,
    toStatus: to,
    reason: input.reason,
    note: input.note ?? null,
  });
  await emit(tx, agendaEvent(moved));
  return { ...moved, from: before.status, to };
}

export type AgendaEntryInput = {
  kind: Exclude<HistoryKind, "status">;
  reason: AgendaReason;
  actorId: string | null;
  now: Date;
  note?: string | null;
  /** kind appointment: the appointment's statuses before and after (the agenda's own status does not change). */
  fromStatus?: string | null;
  toStatus?: string | null;
};

/**
 * A history row that does not change the agenda's status (a call attempt, an invitation sent, a change
 * of its appointment) with its `agenda.changed` event. `set`: the agenda's columns written with it,
 * guarded by `where`; the rows are written only for the agendas that matched. Returns their ids.
 */
export async function recordAgendaEntries(
  tx: Db,
  agendaIds: string[],
  entry: AgendaEntryInput,
  opts: { set?: Partial<Pick<typeof agendas.$inferInsert, "whatsappState" | "whatsappReason" | "whatsappAt">>; where?: SQL } = {},
): Promise<string[]> {
  if (!agendaIds.length) return [];
  const touched = await tx
    .update(agendas)
    .set({ ...opts.set, updatedAt: entry.now })
    .where(and(anyUuid(agendas.id, agendaIds), opts.where))
    .returning({ id: agendas.id, companyId: agendas.companyId, status: agendas.status });
  if (!touched.length) return [];
  await tx.insert(agendaHistory).values(
    touched.map((a) => ({
      agendaId: a.id,
      at: entry.now,
      userId: entry.actorId,
      kind: entry.kind,
      fromStatus: entry.kind === "appointment" ? (entry.fromStatus ?? null) : a.status,
      toStatus: entry.kind === "appointment" ? (entry.toStatus ?? null) : a.status,
      reason: entry.reason,
      note: entry.note ?? null,
    })),
  );
  await emit(tx, ...touched.map(agendaEvent));
  return touched.map((a) => a.id);
}

/** The `agenda.changed` events of agendas created in bulk (the agenda generator), in the caller's transaction. */
export async function announceNewAgendas(tx: Db, rows: { id: string; companyId: string }[]) {
  await emit(tx, ...rows.map(agendaEvent));
}

/** A new agenda (pendente, the column's default) with its first history row and its event. */
export async function createAgenda(
  tx: Db,
  values: Omit<typeof agendas.$inferInsert, "status" | "id">,
  entry: { reason: AgendaReason; actorId: string | null; now: Date },
): Promise<{ id: string }> {
  const [row] = await tx.insert(agendas).values(values).returning({ id: agendas.id, companyId: agendas.companyId });
  await tx.insert(agendaHistory).values({
    agendaId: row.id,
    at: entry.now,
    userId: entry.actorId,
    kind: "status",
    fromStatus: null,
    toStatus: "pendente",
    reason: entry.reason,
  });
  await emit(tx, agendaEvent(row));
  return { id: row.id };
}

/** The customer answered on WhatsApp: an invitation sent, delivered or read becomes respondido, with its event. */
export async function markAgendaAnswered(tx: Db, agendaId: string, now: Date) {
  const [moved] = await tx
    .update(agendas)
    .set({ whatsappState: "respondido", whatsappAt: now, updatedAt: now })
    .where(and(eq(agendas.id, agendaId), inArray(agendas.whatsappState, ["enviado", "entregue", "lido"])))
    .returning({ id: agendas.id, companyId: agendas.companyId });
  if (moved) await emit(tx, agendaEvent(moved));
}

/**
 * A call-back asked for files the agenda under the call-back's day, in the company's time zone: the
 * worklist's Agenda filter and its index work on the contact date, so that is where the agent looks for it.
 */
export async function fileUnderCallbackDay(tx: Db, agendaId: string) {
  const zone = tx.select({ zone: companies.timeZone }).from(companies).where(eq(companies.id, agendas.companyId));
  const [moved] = await tx
    .update(agendas)
    .set({ contactDate: sql`(${agendas.callbackAt} at time zone (${zone}))::date` })
    .where(and(eq(agendas.id, agendaId), eq(agendas.status, "pediu_ligar"), isNotNull(agendas.callbackAt)))
    .returning({ id: agendas.id, companyId: agendas.companyId });
  if (moved) await emit(tx, agendaEvent(moved));
}
