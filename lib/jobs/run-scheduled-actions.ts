import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { customers } from "@/db/schema/customers";
import { companies } from "@/db/schema/org";
import { scheduledActions, type SCHEDULED_ACTION_FAILURES } from "@/db/schema/scheduled-actions";
import { tickets } from "@/db/schema/tickets";
import { messageTemplates } from "@/db/schema/whatsapp";
import { formatDateTime } from "@/lib/dates";
import { notify } from "@/lib/notifications/notifications";
import { nextProtocol } from "@/lib/tickets/protocol";
import { createTicket, OPEN_TICKET_STATUSES } from "@/lib/tickets/state";
import { findOrCreateConversation } from "@/lib/whatsapp/conversations";
import type { OutboundPayload } from "@/lib/whatsapp/gateway";
import { sendMessage } from "@/lib/whatsapp/outbox/send-one";
import { firstSender } from "@/lib/whatsapp/reachability";
import { fillTemplate } from "@/lib/whatsapp/template-text";
import { isWindowOpen } from "@/lib/whatsapp/window";
import { recordRun } from "./record-run";
import { batchSize, errorText, fail, skip, type JobDeps, type JobOptions, type JobReport } from "./types";

export const JOB = "scheduled-actions";
/** The job runs every minute: a run later than this is "late" (the app was down) and its history says so. */
export const LATE_AFTER_MINUTES = 2;

type Failure = (typeof SCHEDULED_ACTION_FAILURES)[number];
type Due = typeof scheduledActions.$inferSelect;

const FAILURE_TEXT: Record<Failure, string> = {
  chamado_aberto: "o contato já tem um chamado aberto; a mensagem não foi enviada",
  janela_fechada: "a janela de 24 horas fechou e não há modelo aprovado; a mensagem não foi enviada",
  erro_envio: "o WhatsApp recusou a mensagem",
  sem_numero_envio: "a empresa não tem número de WhatsApp ativo",
};

/**
 * Agendamentos (seed 002): runs the pending actions whose time has come. Each is taken FOR UPDATE SKIP
 * LOCKED and finished in its own steps; the ticket is recorded on the action with its creation and the
 * message goes through the outbox under `scheduled:<id>`, so a rerun (or a crash between steps) never
 * opens a second ticket nor sends twice.
 */
export async function run(deps: JobDeps, opts: JobOptions) {
  return recordRun(deps.db, JOB, opts, async (report) => {
    for (;;) {
      const size = batchSize(opts, report);
      if (size <= 0) break;
      const due = await deps.db
        .select({ id: scheduledActions.id })
        .from(scheduledActions)
        .where(and(eq(scheduledActions.status, "pendente"), lte(scheduledActions.scheduledAt, opts.now)))
        .orderBy(asc(scheduledActions.scheduledAt), asc(scheduledActions.id))
        .limit(size);
      for (const { id } of due) {
        report.considered++;
        try {
          await runOne(deps, opts, report, id);
        } catch (error) {
          fail(report, `agendamento ${id}: ${errorText(error)}`);
        }
      }
      if (due.length < size) break;
      // Every action taken above left "pendente" (or failed and will be reported); avoid spinning on errors.
      if (report.failed >= due.length) break;
    }
  });
}

async function runOne(deps: JobDeps, opts: JobOptions, report: JobReport, id: string) {
  const { db } = deps;
  const now = opts.now;
  const [action] = await db.select().from(scheduledActions).where(and(eq(scheduledActions.id, id), eq(scheduledActions.status, "pendente")));
  if (!action) return;
  const [company] = await db.select({ timeZone: companies.timeZone }).from(companies).where(eq(companies.id, action.companyId));
  const timeZone = company?.timeZone ?? "America/Sao_Paulo";
  const lateMinutes = Math.max(0, Math.floor((now.getTime() - action.scheduledAt.getTime()) / 60_000));
  const late = lateMinutes > LATE_AFTER_MINUTES ? lateMinutes : 0;
  const when = formatDateTime(action.scheduledAt, timeZone);
  const who = await customerName(db, action);

  if (action.kind === "notificar") {
    await finish(db, action, { now, late, failure: null, ticketId: null }, {
      kind: "scheduled_action",
      title: `Agendamento: ${who}`,
      body: [action.comment, `Agendado para ${when}`].filter(Boolean).join("\n"),
    });
    report.changed++;
    return;
  }

  const sender = await firstSender(db, action.companyId);
  if (!sender) return failAction(db, report, action, { now, late, when, who, failure: "sem_numero_envio" });
  const conversation = await findOrCreateConversation(db, sender, action.phone);

  let ticketId = action.ticketId;
  if (!ticketId) {
    const [open] = await db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.conversationId, conversation.id), inArray(tickets.status, [...OPEN_TICKET_STATUSES])));
    if (open) return failAction(db, report, action, { now, late, when, who, failure: "chamado_aberto", ticketId: open.id });

    const payload = await payloadOf(db, action, conversation.lastInboundAt, now);
    if (payload === "janela_fechada") return failAction(db, report, action, { now, late, when, who, failure: "janela_fechada" });

    const protocol = await nextProtocol(db, now, timeZone);
    ticketId = await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ status: scheduledActions.status, ticketId: scheduledActions.ticketId })
        .from(scheduledActions)
        .where(eq(scheduledActions.id, action.id))
        .for("update");
      if (locked?.status !== "pendente") return null;
      if (locked.ticketId) return locked.ticketId;
      const ticket = await createTicket(tx, {
        companyId: action.companyId,
        conversationId: conversation.id,
        protocol,
        queueId: action.queueId,
        agentId: action.agentId,
        subject: action.comment || null,
        channel: "whatsapp",
        now,
      });
      if (!ticket) return null;
      await tx.update(scheduledActions).set({ ticketId: ticket.id, updatedAt: now }).where(eq(scheduledActions.id, action.id));
      return ticket.id;
    });
    if (!ticketId) return skip(report, "em_andamento");
  }

  const payload = await payloadOf(db, action, conversation.lastInboundAt, now);
  if (payload && payload !== "janela_fechada") {
    const result = await sendMessage(
      db,
      deps.gateway,
      { conversationId: conversation.id, ticketId, author: "system", idempotencyKey: `scheduled:${action.id}`, payload },
      now,
    );
    if (result.status === "failed") return failAction(db, report, action, { now, late, when, who, failure: "erro_envio", ticketId });
    if (!result.duplicate) report.sent++;
  }
  await finish(
    db,
    action,
    { now, late, failure: null, ticketId },
    action.kind === "abrir_chamado_notificar"
      ? { kind: "scheduled_action", title: `Agendamento: ${who}`, body: [action.comment, `Chamado aberto em ${when}`].filter(Boolean).join("\n") }
      : null,
  );
  report.changed++;
}

/** The message to send: the text inside the 24 h window, the chosen template outside it, nothing when both are empty. */
async function payloadOf(db: Db, action: Due, lastInboundAt: Date | null, now: Date): Promise<OutboundPayload | null | "janela_fechada"> {
  if (isWindowOpen(lastInboundAt, now) && action.message) return { type: "text", body: action.message };
  if (action.templateId) {
    const [template] = await db
      .select({ name: messageTemplates.name, language: messageTemplates.language, body: messageTemplates.body, buttons: messageTemplates.buttons })
      .from(messageTemplates)
      .where(and(eq(messageTemplates.id, action.templateId), eq(messageTemplates.status, "APPROVED")));
    if (template) {
      const params = action.templateParams;
      return { type: "template", name: template.name, language: template.language, params, renderedBody: fillTemplate(template.body, params), buttons: template.buttons };
    }
  }
  return action.message ? "janela_fechada" : null;
}

async function customerName(db: Db, action: Due): Promise<string> {
  if (!action.customerId) return action.phone;
  const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, action.customerId));
  return row?.name ?? action.phone;
}

type Outcome = { now: Date; late: number; failure: Failure | null; ticketId: string | null };
type Note = { kind: "scheduled_action" | "scheduled_action_failed"; title: string; body: string } | null;

/** Closes the action (only if still pending) and notifies its agent in the same transaction. */
async function finish(db: Db, action: Due, outcome: Outcome, note: Note) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(scheduledActions)
      .set({
        status: outcome.failure ? "falhou" : "concluido",
        failure: outcome.failure,
        executedAt: outcome.now,
        lateMinutes: outcome.late || null,
        ticketId: outcome.ticketId ?? action.ticketId,
        updatedAt: outcome.now,
      })
      .where(and(eq(scheduledActions.id, action.id), eq(scheduledActions.status, "pendente")))
      .returning({ id: scheduledActions.id });
    if (!row || !note) return;
    const late = outcome.late ? `\nExecutado com ${outcome.late} min de atraso` : "";
    await notify(tx, {
      companyId: action.companyId,
      userId: action.agentId,
      kind: note.kind,
      title: note.title,
      body: note.body + late,
      ticketId: outcome.ticketId ?? action.ticketId,
      customerId: action.customerId,
      at: outcome.now,
    });
  });
}

async function failAction(
  db: Db,
  report: JobReport,
  action: Due,
  o: { now: Date; late: number; when: string; who: string; failure: Failure; ticketId?: string | null },
) {
  skip(report, o.failure);
  await finish(db, action, { now: o.now, late: o.late, failure: o.failure, ticketId: o.ticketId ?? null }, {
    kind: "scheduled_action_failed",
    title: `Erro de agendamento: ${o.who}`,
    body: `Agendamento de ${o.when}: ${FAILURE_TEXT[o.failure]}.`,
  });
}
