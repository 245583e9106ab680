import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contactReasons, tickets } from "@/db/schema/tickets";
import { conversations } from "@/db/schema/whatsapp";
import { getCustomerDetail } from "@/lib/customers/customers";
import { OPEN_TICKET_STATUSES } from "@/lib/tickets/state";
import { findCalls } from "./call-search";
import { currentAnswer, currentQuestion, scriptReport, startRun } from "./script-engine";
import { scriptVersionById } from "./scripts";
import type { WizardState } from "./wizard-state";

/** The customer's tickets still open (any channel): the notice of Dados do Atendimento. */
export async function pendingTickets(db: Db, companyId: string, customerId: string) {
  return db
    .select({ id: tickets.id, protocol: tickets.protocol, status: tickets.status, openedAt: tickets.openedAt, subject: tickets.subject })
    .from(tickets)
    .innerJoin(conversations, eq(conversations.id, tickets.conversationId))
    .where(and(eq(tickets.companyId, companyId), eq(conversations.customerId, customerId), inArray(tickets.status, [...OPEN_TICKET_STATUSES])))
    .orderBy(desc(tickets.openedAt));
}

/** What the step shown needs, read for the draft's company only. */
export async function wizardView(db: Db, companyId: string, state: WizardState, now: Date) {
  const call = state.callId && state.filter ? ((await findCalls(db, companyId, state.filter, now, state.callId))[0] ?? null) : null;
  const customer = state.customerId && state.step >= 4 && state.step <= 5 ? await getCustomerDetail(db, [companyId], state.customerId) : null;
  const view = {
    calls: state.step === 3 && state.filter ? await findCalls(db, companyId, state.filter, now) : [],
    call,
    customer,
    pending: state.step === 5 && state.customerId ? await pendingTickets(db, companyId, state.customerId) : [],
    script: null as null | {
      name: string;
      version: number;
      question: ReturnType<typeof currentQuestion>;
      answer: string | null;
      position: number;
      answered: number;
    },
    report: null as null | ReturnType<typeof scriptReport>,
    reasons:
      state.step === 8
        ? await db
            .select({ id: contactReasons.id, name: contactReasons.name })
            .from(contactReasons)
            .where(and(eq(contactReasons.companyId, companyId), eq(contactReasons.active, true)))
            .orderBy(asc(contactReasons.name))
        : [],
  };
  if ((state.step === 6 || state.step === 7) && state.script?.versionId) {
    const version = await scriptVersionById(db, companyId, state.script.versionId);
    if (version) {
      const run = state.script.run ?? startRun();
      view.script = {
        name: version.name,
        version: version.version,
        question: currentQuestion(version.definition, run),
        answer: currentAnswer(run),
        position: run.position,
        answered: run.answers.length,
      };
      view.report = scriptReport(version.definition, run);
    }
  }
  if (state.step === 7 && !view.report) view.report = { items: [], completed: false, outcome: null };
  return view;
}
export type WizardView = Awaited<ReturnType<typeof wizardView>>;
