import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema/customers";
import { callRecords, scriptRuns } from "@/db/schema/phone";
import { contactReasons } from "@/db/schema/tickets";
import { conversations, senderNumbers } from "@/db/schema/whatsapp";
import { UserError } from "@/lib/errors";
import { nextProtocol } from "@/lib/tickets/protocol";
import { createTicket, transitionTicket } from "@/lib/tickets/state";
import { currentQuestion, scriptReport, startRun, type ScriptReport } from "./script-engine";
import { scriptVersionById } from "./scripts";
import type { FinishStepInput } from "./wizard-schema";
import { loadWizard, saveWizard } from "./wizard-state";
import type { WizardCtx } from "./wizard";

const EMPTY_REPORT: ScriptReport = { items: [], completed: false, outcome: null };

/**
 * Primeiro Contato → Finalizar: the ticket of the call, opened by the agent and closed at once with the
 * first-contact answer (channel phone, through lib/tickets/state.ts), the script report kept with the
 * version that ran, and the call record linked. A phone ticket lives in the conversation of the company's
 * service number with the caller, so Histórico and the number's history show it with the WhatsApp ones;
 * when that conversation has an open ticket, the agent finishes that one first (phone_conversation_busy).
 */
export async function finishAttendance(db: Db, ctx: WizardCtx, input: FinishStepInput) {
  return db.transaction(async (tx) => {
    const state = await loadWizard(tx, ctx.userId, ctx.companyId);
    if (state.step !== 8 || !state.callId || !state.customerId) throw new UserError("wizard_stale");
    const [reason] = await tx
      .select({ id: contactReasons.id })
      .from(contactReasons)
      .where(and(eq(contactReasons.id, input.contactReasonId), eq(contactReasons.companyId, ctx.companyId), eq(contactReasons.active, true)));
    if (!reason) throw new UserError("invalid_input", { contactReasonId: ["optionGone"] });
    const [call] = await tx
      .select({ id: callRecords.id, caller: callRecords.caller })
      .from(callRecords)
      .where(and(eq(callRecords.id, state.callId), eq(callRecords.companyId, ctx.companyId)))
      .for("update");
    if (!call) throw new UserError("wizard_stale");
    const [line] = await tx
      .select({ id: senderNumbers.id, queueId: senderNumbers.queueId })
      .from(senderNumbers)
      .where(and(eq(senderNumbers.companyId, ctx.companyId), eq(senderNumbers.active, true)))
      .orderBy(asc(senderNumbers.displayName))
      .limit(1);
    if (!line) throw new UserError("no_phone_line");
    const [contact] = state.contactId
      ? await tx.select({ name: contacts.name }).from(contacts).where(and(eq(contacts.id, state.contactId), eq(contacts.customerId, state.customerId)))
      : [];

    // The agent linked the number to this customer: the conversation of the number says so from now on.
    const [conversation] = await tx
      .insert(conversations)
      .values({ companyId: ctx.companyId, senderNumberId: line.id, customerPhone: call.caller, customerId: state.customerId, contactName: contact?.name ?? null, createdAt: ctx.now })
      .onConflictDoUpdate({
        target: [conversations.senderNumberId, conversations.customerPhone],
        set: { customerId: state.customerId, contactName: sql`coalesce(${contact?.name ?? null}, ${conversations.contactName})` },
      })
      .returning({ id: conversations.id });

    const version = state.script?.versionId ? await scriptVersionById(tx, ctx.companyId, state.script.versionId) : null;
    const run = state.script?.run ?? startRun();
    const report = version ? scriptReport(version.definition, run) : EMPTY_REPORT;

    const protocol = await nextProtocol(tx, ctx.now);
    const ticket = await createTicket(tx, {
      companyId: ctx.companyId,
      conversationId: conversation.id,
      protocol,
      queueId: line.queueId,
      agentId: ctx.userId,
      subject: version?.name ?? null,
      channel: "phone",
      now: ctx.now,
    });
    if (!ticket) throw new UserError("phone_conversation_busy");
    await transitionTicket(tx, {
      ticketId: ticket.id,
      move: "close",
      now: ctx.now,
      actorId: ctx.userId,
      set: { contactReasonId: reason.id, description: input.description, resolved: input.resolved },
      reason: "finalizado_pelo_agente",
    });
    await tx.insert(scriptRuns).values({
      companyId: ctx.companyId,
      ticketId: ticket.id,
      scriptVersionId: version?.versionId ?? null,
      report,
      answers: version ? run.answers : [],
      endedAtQuestion: version ? (currentQuestion(version.definition, run)?.id ?? null) : null,
      outcome: report.outcome,
      completed: report.completed,
      createdAt: ctx.now,
    });
    await tx.update(callRecords).set({ ticketId: ticket.id }).where(eq(callRecords.id, call.id));
    await saveWizard(tx, ctx.userId, ctx.companyId, { ...state, step: 9, done: { ticketId: ticket.id, protocol } }, ctx.now);
    return { ticketId: ticket.id, protocol };
  });
}

/** The script report of a ticket (Histórico), within the user's companies. */
export async function ticketScriptReport(db: Db, companyIds: string[], ticketId: string) {
  if (!companyIds.length) return null;
  const [row] = await db
    .select({ report: scriptRuns.report, companyId: scriptRuns.companyId })
    .from(scriptRuns)
    .where(eq(scriptRuns.ticketId, ticketId));
  if (!row || !companyIds.includes(row.companyId)) return null;
  return row.report as ScriptReport;
}
