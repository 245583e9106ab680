import { and, eq, inArray, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assets, contacts, customers } from "@/db/schema/customers";
import { callRecords, scriptRuns } from "@/db/schema/phone";
import { contactReasons, ticketEvents, tickets } from "@/db/schema/tickets";
import { conversations } from "@/db/schema/whatsapp";
import { UNREGISTERED_CALLERS } from "@/db/seed-phone";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { closedTickets } from "@/lib/tickets/desk-queries";
import { seeded, type Seeded } from "@/test/fixtures";
import { createTestDb, type TestDb } from "@/test/db";
import { findCalls } from "./call-search";
import { finishAttendance } from "./finish-attendance";
import { scriptAnalytics } from "./script-analytics";
import { scriptVersionById } from "./scripts";
import * as wizard from "./wizard";
import { filterStepSchema, finishStepSchema } from "./wizard-schema";
import { loadWizard } from "./wizard-state";
import { pendingTickets } from "./wizard-view";

const NOW = new Date("2026-12-04T15:00:00.000Z");
let t: TestDb;
let s: Seeded;
let ctx: wizard.WizardCtx;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 12 });
  s = await seeded(t.db);
  ctx = { userId: await s.userId("gisele@atende.dev"), companyId: s.net, now: NOW };
});
afterAll(() => t?.close());

async function refused(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return { code: error.code, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}
const state = () => loadWizard(t.db, ctx.userId, ctx.companyId);

describe("the phone wizard, step by step on the server", () => {
  it("validates the Filtros fields of each mode", () => {
    const base = { quantity: "10" };
    const issues = (input: Record<string, unknown>) => {
      const r = filterStepSchema.safeParse({ ...base, ...input });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(issues({ mode: "period", days: "0" })).toEqual(["days:days"]);
    expect(issues({ mode: "range", from: "2026-02-31", to: "2026-03-01" })).toEqual(["from:dateInvalid"]);
    expect(issues({ mode: "range", from: "2026-03-10", to: "2026-03-01" })).toEqual(["to:periodOrder"]);
    expect(issues({ mode: "phone" })).toEqual(["selected:numbersRequired"]);
    expect(issues({ mode: "period", days: "7", quantity: "0" })).toEqual(["quantity:quantity"]);
    expect(issues({ mode: "period", days: "30" })).toEqual([]);
  });

  it("runs the eight steps: a prefix search, an unticked number, an unidentified call linked, a branch changed, the ticket", async () => {
    await wizard.chooseOrigin(t.db, ctx);
    expect((await state()).step).toBe(2);
    // A second tab still showing step 1.
    expect((await refused(wizard.chooseOrigin(t.db, ctx))).code).toBe("wizard_stale");

    // Only numbers the search offered can be ticked.
    expect((await refused(wizard.applyFilter(t.db, ctx, { mode: "phone", quantity: 10, days: 7, from: null, to: null, phone: "", selected: ["5511999999999"] }))).fieldErrors).toEqual({ selected: ["optionGone"] });
    await wizard.searchNumbers(t.db, ctx, { phone: "1195551", quantity: 10 });
    const searched = (await state()).filter!;
    expect([...searched.found].sort()).toEqual(UNREGISTERED_CALLERS.slice(0, 3));
    expect(searched.selected).toEqual(searched.found);
    const kept = UNREGISTERED_CALLERS.slice(0, 2);
    await wizard.applyFilter(t.db, ctx, { mode: "phone", quantity: 10, days: 7, from: null, to: null, phone: "1195551", selected: kept });
    const s3 = await state();
    expect(s3.step).toBe(3);
    const calls = await findCalls(t.db, ctx.companyId, s3.filter!, NOW);
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls.map((c) => c.caller))).toEqual(new Set(kept));
    expect(calls.every((c) => c.customerId === null)).toBe(true);

    // A call of another company is not in this listing.
    const [spCall] = await t.db.select({ id: callRecords.id }).from(callRecords).where(eq(callRecords.companyId, s.sp)).limit(1);
    expect((await refused(wizard.chooseCall(t.db, ctx, { callId: spCall.id }))).fieldErrors).toEqual({ callId: ["optionGone"] });
    await wizard.chooseCall(t.db, ctx, { callId: calls[0].id });
    expect(await state()).toMatchObject({ step: 4, callId: calls[0].id, customerId: null });

    expect((await refused(wizard.chooseContact(t.db, ctx, { contactId: null }))).fieldErrors).toEqual({ customerId: ["customerRequired"] });
    const [spCustomer] = await t.db.select({ id: customers.id }).from(customers).where(eq(customers.companyId, s.sp)).limit(1);
    expect((await refused(wizard.linkCustomer(t.db, ctx, { customerId: spCustomer.id }))).code).toBe("not_found");
    // The Conecta Fibra customer with a ticket still waiting.
    const [pending] = await t.db
      .select({ customerId: conversations.customerId })
      .from(tickets)
      .innerJoin(conversations, eq(conversations.id, tickets.conversationId))
      .where(and(eq(tickets.companyId, s.net), ne(tickets.status, "finalizado")));
    const customerId = pending.customerId!;
    await wizard.linkCustomer(t.db, ctx, { customerId });
    const [other] = await t.db.select({ id: contacts.id }).from(contacts).where(ne(contacts.customerId, customerId)).limit(1);
    expect((await refused(wizard.chooseContact(t.db, ctx, { contactId: other.id }))).fieldErrors).toEqual({ contactId: ["optionGone"] });
    const [own] = await t.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.customerId, customerId)).limit(1);
    await wizard.chooseContact(t.db, ctx, { contactId: own.id });
    expect((await state()).step).toBe(5);

    expect(await pendingTickets(t.db, s.net, customerId)).toHaveLength(1);
    const [otherAsset] = await t.db.select({ id: assets.id }).from(assets).where(ne(assets.customerId, customerId)).limit(1);
    expect((await refused(wizard.choosePlan(t.db, ctx, { assetId: otherAsset.id }))).fieldErrors).toEqual({ assetId: ["assetInvalid"] });
    const [plan] = await t.db.select({ id: assets.id }).from(assets).where(eq(assets.customerId, customerId));
    await wizard.choosePlan(t.db, ctx, { assetId: plan.id });
    const s6 = await state();
    expect(s6.step).toBe(6);
    expect(s6.script?.versionId).toBeTruthy();

    expect((await refused(wizard.answerScript(t.db, ctx, { optionId: "verdes" }))).fieldErrors).toEqual({ optionId: ["optionGone"] });
    await wizard.answerScript(t.db, ctx, { optionId: "sem" });
    await wizard.answerScript(t.db, ctx, { optionId: "verdes" });
    await wizard.previousQuestion(t.db, ctx);
    await wizard.previousQuestion(t.db, ctx);
    await wizard.answerScript(t.db, ctx, { optionId: "lenta" });
    expect((await state()).script?.run.answers).toEqual([{ questionId: "tipo", optionId: "lenta" }]);
    await wizard.closeScript(t.db, ctx);
    // Voltar from the report reopens the script where it was.
    await wizard.stepBack(t.db, ctx, { step: 7 });
    expect((await state()).step).toBe(6);
    await wizard.closeScript(t.db, ctx);
    await wizard.acceptReport(t.db, ctx);
    expect((await state()).step).toBe(8);

    const [spReason] = await t.db.select({ id: contactReasons.id }).from(contactReasons).where(eq(contactReasons.companyId, s.sp)).limit(1);
    const finish = finishStepSchema.parse({ resolved: "sim", contactReasonId: spReason.id, description: "Orientado a trocar o canal do Wi-Fi." });
    expect((await refused(finishAttendance(t.db, ctx, finish))).fieldErrors).toEqual({ contactReasonId: ["optionGone"] });
    const [reason] = await t.db.select({ id: contactReasons.id }).from(contactReasons).where(eq(contactReasons.companyId, s.net)).limit(1);
    const done = await finishAttendance(t.db, ctx, { ...finish, contactReasonId: reason.id });
    expect(done.protocol).toMatch(/^20261204\d{6}$/);

    const [ticket] = await t.db
      .select({ status: tickets.status, resolved: tickets.resolved, agentId: tickets.agentId, customerId: conversations.customerId, phone: conversations.customerPhone })
      .from(tickets)
      .innerJoin(conversations, eq(conversations.id, tickets.conversationId))
      .where(eq(tickets.id, done.ticketId));
    expect(ticket).toEqual({ status: "finalizado", resolved: true, agentId: ctx.userId, customerId, phone: calls[0].caller });
    const kinds = await t.db.select({ kind: ticketEvents.kind, channel: ticketEvents.channel }).from(ticketEvents).where(eq(ticketEvents.ticketId, done.ticketId));
    expect(kinds).toEqual(expect.arrayContaining([{ kind: "opened", channel: "phone" }, { kind: "closed", channel: null }]));
    const [run] = await t.db.select({ report: scriptRuns.report, completed: scriptRuns.completed }).from(scriptRuns).where(eq(scriptRuns.ticketId, done.ticketId));
    expect(run).toEqual({ report: { items: [{ question: "O cliente está sem conexão ou com lentidão?", answer: "Lentidão" }], completed: false, outcome: null }, completed: false });
    const [linked] = await t.db.select({ ticketId: callRecords.ticketId }).from(callRecords).where(eq(callRecords.id, calls[0].id));
    expect(linked.ticketId).toBe(done.ticketId);
    expect(await state()).toMatchObject({ step: 9, done });
    // The analytics see the run: it reached the first question and was closed at the Wi-Fi one.
    const version = await scriptVersionById(t.db, s.net, s6.script!.versionId!);
    const stats = await scriptAnalytics(t.db, version!.scriptId);
    expect(stats.runs).toBe(1);
    expect(stats.perQuestion.get("tipo")).toMatchObject({ reached: 1, abandoned: 0 });
    expect(stats.perQuestion.get("wifi")).toMatchObject({ reached: 1, abandoned: 1 });
    expect(stats.perQuestion.has("luzes")).toBe(false);
    const history = await closedTickets(t.db, [s.net], {});
    expect(history.map((h) => h.protocol)).toContain(done.protocol);

    await wizard.cancelWizard(t.db, ctx);
    expect((await state()).step).toBe(1);
  });

  it("refuses to open a phone ticket on a number whose conversation has an open one", async () => {
    const [open] = await t.db
      .select({ phone: conversations.customerPhone, customerId: conversations.customerId })
      .from(tickets)
      .innerJoin(conversations, eq(conversations.id, tickets.conversationId))
      .where(and(eq(tickets.companyId, s.net), inArray(tickets.status, ["aguardando", "em_atendimento"])));
    const [call] = await t.db
      .insert(callRecords)
      .values({ companyId: s.net, pbxId: "busy-1", caller: open.phone, called: "551130002000", startedAt: new Date(NOW.getTime() - 60_000), endedAt: NOW, durationSeconds: 60, billedSeconds: 50, disposition: "ANSWERED" })
      .returning({ id: callRecords.id });
    await wizard.chooseOrigin(t.db, ctx);
    await wizard.applyFilter(t.db, ctx, { mode: "period", quantity: 100, days: 1, from: null, to: null, phone: "", selected: [] });
    await wizard.chooseCall(t.db, ctx, { callId: call.id });
    // A registered number brings its customer along.
    expect((await state()).customerId).toBe(open.customerId);
    await wizard.chooseContact(t.db, ctx, { contactId: (await state()).contactId });
    await wizard.choosePlan(t.db, ctx, { assetId: null });
    await wizard.closeScript(t.db, ctx);
    await wizard.acceptReport(t.db, ctx);
    const [reason] = await t.db.select({ id: contactReasons.id }).from(contactReasons).where(eq(contactReasons.companyId, s.net)).limit(1);
    const error = await refused(finishAttendance(t.db, ctx, { resolved: false, contactReasonId: reason.id, description: "x" }));
    expect(error.code).toBe("phone_conversation_busy");
    // Nothing half-stored: the draft is still on the last step and the call unlinked.
    expect((await state()).step).toBe(8);
    const [still] = await t.db.select({ ticketId: callRecords.ticketId }).from(callRecords).where(eq(callRecords.id, call.id));
    expect(still.ticketId).toBeNull();
  });
});
