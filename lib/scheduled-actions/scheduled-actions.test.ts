import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { queueMembers, queues } from "@/db/schema/org";
import { scheduledActions } from "@/db/schema/scheduled-actions";
import { tickets } from "@/db/schema/tickets";
import { conversations, messageTemplates } from "@/db/schema/whatsapp";
import { notifications } from "@/db/schema/notifications";
import { run } from "@/lib/jobs/run-scheduled-actions";
import { addCustomer, createWorld, messagesWithKey, NOW, recordingGateway, runsOf, type World } from "@/lib/jobs/test-world";
import { zonedInstant } from "@/lib/dates";
import { UserError } from "@/lib/errors";
import { createTicket } from "@/lib/tickets/state";
import { createTestDb, type TestDb } from "@/test/db";
import { cancelScheduledAction, saveScheduledAction } from "./save";
import { scheduledActionSchema } from "./schema";

let t: TestDb;
let world: World;
let queueId: string;
beforeEach(async () => {
  t ??= await createTestDb();
  world = await createWorld(t.db);
  const [queue] = await t.db.insert(queues).values({ companyId: world.company.id, name: `Pós-venda ${Math.random()}` }).returning();
  queueId = queue.id;
  await t.db.insert(queueMembers).values({ queueId, userId: world.agents.ana.id });
});
afterAll(async () => t?.close());

const ctx = () => ({ userId: world.agents.bruno.id, companyIds: [world.company.id], now: NOW });
const input = (over: Record<string, unknown>) =>
  scheduledActionSchema.parse({
    companyId: world.company.id,
    queueId,
    agentId: world.agents.ana.id,
    kind: "abrir_chamado",
    scheduledAt: "2026-03-11T10:00",
    phone: "11 98888-0001",
    comment: "Retornar sobre o orçamento",
    ...over,
  });
const save = (over: Record<string, unknown>) => saveScheduledAction(t.db, input(over), ctx());
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof UserError ? { code: error.code, fieldErrors: error.fieldErrors } : error;
};
const sp = (local: string) => zonedInstant(local.slice(0, 10), local.slice(11, 16), "America/Sao_Paulo");

describe("spacing between scheduled actions", () => {
  it("with 10:00 taken refuses 09:57 and 10:03 naming 10:00, and accepts 09:56 and 10:04", async () => {
    await save({ scheduledAt: "2026-03-11T10:00" });
    for (const at of ["2026-03-11T09:57", "2026-03-11T10:03", "2026-03-11T10:00"]) {
      expect(await refusal(save({ scheduledAt: at })), at).toEqual({
        code: "scheduling_conflict",
        fieldErrors: { scheduledAt: ["schedulingConflict"], conflictAt: ["11/03/2026 10:00"] },
      });
    }
    await expect(save({ scheduledAt: "2026-03-11T09:56" })).resolves.toHaveProperty("id");
    await expect(save({ scheduledAt: "2026-03-11T10:04" })).resolves.toHaveProperty("id");
  });

  it("counts across midnight in the company's time zone, ignores cancelled ones and other companies", async () => {
    const late = await save({ scheduledAt: "2026-03-11T23:59" });
    expect(await refusal(save({ scheduledAt: "2026-03-12T00:02" }))).toMatchObject({ fieldErrors: { conflictAt: ["11/03/2026 23:59"] } });
    await expect(save({ scheduledAt: "2026-03-12T00:03" })).resolves.toHaveProperty("id");

    await cancelScheduledAction(t.db, late.id, ctx());
    await expect(save({ scheduledAt: "2026-03-11T23:59" })).resolves.toHaveProperty("id");
  });

  it("two creations at once in the same window: one passes, the other is refused", async () => {
    const results = await Promise.allSettled([save({ scheduledAt: "2026-03-11T15:00" }), save({ scheduledAt: "2026-03-11T15:02" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect((rejected.reason as UserError).code).toBe("scheduling_conflict");
    const rows = await t.db.select({ id: scheduledActions.id }).from(scheduledActions).where(eq(scheduledActions.companyId, world.company.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses a past time, an agent outside the queue and a missing comment for Abrir chamado", async () => {
    expect(await refusal(save({ scheduledAt: "2026-03-10T10:59" }))).toMatchObject({ fieldErrors: { scheduledAt: ["dateTimeFuture"] } });
    expect(await refusal(save({ agentId: world.agents.bruno.id }))).toMatchObject({ fieldErrors: { agentId: ["agentNotInQueue"] } });
    expect(scheduledActionSchema.safeParse({ ...input({}), comment: "" }).success).toBe(false);
    expect(scheduledActionSchema.safeParse({ ...input({}), kind: "notificar", comment: "" }).success).toBe(true);
  });
});

describe("the scheduled-actions job", () => {
  // The job spans the deployment: earlier tests' pending actions (other companies) must not come due here.
  beforeEach(async () => {
    await t.db.update(scheduledActions).set({ status: "cancelado" }).where(eq(scheduledActions.status, "pendente"));
  });
  async function contactWithWindow(lastInboundAt: Date | null) {
    const c = await addCustomer(t.db, world, { name: "Rita Alves" });
    if (lastInboundAt) {
      await t.db.insert(conversations).values({ companyId: world.company.id, senderNumberId: world.sender.id, customerPhone: c.mobile, customerId: c.customer.id, lastInboundAt });
    }
    return c;
  }
  const notesOf = (userId: string) =>
    t.db.select({ kind: notifications.kind, title: notifications.title, body: notifications.body, ticketId: notifications.ticketId }).from(notifications).where(eq(notifications.userId, userId));
  const actionById = async (id: string) => (await t.db.select().from(scheduledActions).where(eq(scheduledActions.id, id)))[0];

  it("sends the message, opens a ticket for the agent in the queue and notifies; a rerun sends nothing twice", async () => {
    const at = sp("2026-03-11T10:00");
    const c = await contactWithWindow(new Date(at.getTime() - 60 * 60_000));
    const { id } = await save({ phone: c.mobile, customerId: c.customer.id, kind: "abrir_chamado_notificar", message: "Olá Rita, seu orçamento está pronto." });
    const gateway = recordingGateway();

    const early = await run({ db: t.db, gateway }, { now: new Date(at.getTime() - 60_000), trigger: "test" });
    expect(early.considered).toBe(0);

    const report = await run({ db: t.db, gateway }, { now: at, trigger: "test" });
    expect(report).toMatchObject({ considered: 1, sent: 1, failed: 0 });
    expect(gateway.calls).toEqual([expect.objectContaining({ to: c.mobile, payload: { type: "text", body: "Olá Rita, seu orçamento está pronto." } })]);
    const action = await actionById(id);
    expect(action).toMatchObject({ status: "concluido", failure: null, lateMinutes: null });
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.id, action.ticketId!));
    expect(ticket).toMatchObject({ queueId, agentId: world.agents.ana.id, status: "em_atendimento", subject: "Retornar sobre o orçamento" });
    expect(await notesOf(world.agents.ana.id)).toEqual([expect.objectContaining({ kind: "scheduled_action", title: "Agendamento: Rita Alves", ticketId: ticket.id })]);

    const again = await run({ db: t.db, gateway }, { now: new Date(at.getTime() + 60_000), trigger: "test" });
    expect(again).toMatchObject({ considered: 0, sent: 0 });
    // Even an action put back to pending (a crash after the send) reuses its ticket and message.
    await t.db.update(scheduledActions).set({ status: "pendente" }).where(eq(scheduledActions.id, id));
    await run({ db: t.db, gateway }, { now: new Date(at.getTime() + 60_000), trigger: "test" });
    expect(gateway.calls).toHaveLength(1);
    expect(await messagesWithKey(t.db, `scheduled:${id}`)).toHaveLength(1);
    expect(await t.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.conversationId, ticket.conversationId))).toHaveLength(1);
    const [runRow] = (await runsOf(t.db, "scheduled-actions")).filter((r) => r.id === report.runId);
    expect(runRow).toMatchObject({ status: "succeeded", considered: 1, sent: 1 });
  });

  it("with an open ticket sends nothing, fails with the reason and notifies the agent of the error", async () => {
    const at = sp("2026-03-11T11:00");
    const c = await contactWithWindow(new Date(at.getTime() - 60 * 60_000));
    const [conversation] = await t.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.customerPhone, c.mobile));
    const open = await t.db.transaction((tx) =>
      createTicket(tx, { companyId: world.company.id, conversationId: conversation.id, protocol: `P${Date.now()}`, queueId, agentId: null, subject: null, channel: "whatsapp", now: NOW }),
    );
    const { id } = await save({ scheduledAt: "2026-03-11T11:00", phone: c.mobile, customerId: c.customer.id, message: "Olá!" });
    const gateway = recordingGateway();
    const report = await run({ db: t.db, gateway }, { now: at, trigger: "test" });
    expect(report.skipped).toEqual({ chamado_aberto: 1 });
    expect(gateway.calls).toHaveLength(0);
    expect(await actionById(id)).toMatchObject({ status: "falhou", failure: "chamado_aberto" });
    const notes = await notesOf(world.agents.ana.id);
    expect(notes).toEqual([expect.objectContaining({ kind: "scheduled_action_failed", title: "Erro de agendamento: Rita Alves", ticketId: open!.id })]);
    expect(notes[0].body).toContain("já tem um chamado aberto");
  });

  it("outside the 24 h window the form asks for a template and the run sends it", async () => {
    const c = await contactWithWindow(null);
    expect(await refusal(save({ phone: c.mobile, message: "Olá!" }))).toMatchObject({ code: "window_closed_template_required" });
    const [template] = await t.db
      .select({ id: messageTemplates.id })
      .from(messageTemplates)
      .where(and(eq(messageTemplates.companyId, world.company.id), eq(messageTemplates.name, "convite_revisao")));
    expect(await refusal(save({ phone: c.mobile, message: "Olá!", templateId: template.id, templateParams: ["Rita"] }))).toMatchObject({
      fieldErrors: { templateParams: ["templateParamsRequired"] },
    });
    const { id } = await save({ phone: c.mobile, message: "Olá!", templateId: template.id, templateParams: ["Rita", "Onix"] });
    const gateway = recordingGateway();
    await run({ db: t.db, gateway }, { now: sp("2026-03-11T10:00"), trigger: "test" });
    expect(gateway.calls[0].payload).toMatchObject({ type: "template", name: "convite_revisao", params: ["Rita", "Onix"] });
    expect(await actionById(id)).toMatchObject({ status: "concluido" });
  });

  it("a late run (the app was down) still runs and says how late; Notificar atendente only notifies", async () => {
    const c = await contactWithWindow(null);
    const { id } = await save({ phone: c.mobile, customerId: c.customer.id, kind: "notificar", comment: "Ligar para a Rita" });
    const gateway = recordingGateway();
    await run({ db: t.db, gateway }, { now: sp("2026-03-11T10:45"), trigger: "test" });
    expect(gateway.calls).toHaveLength(0);
    expect(await actionById(id)).toMatchObject({ status: "concluido", lateMinutes: 45, ticketId: null });
    const [note] = await notesOf(world.agents.ana.id);
    expect(note).toMatchObject({ kind: "scheduled_action", ticketId: null });
    expect(note.body).toContain("Ligar para a Rita");
    expect(note.body).toContain("45 min de atraso");
    expect(await t.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.companyId, world.company.id))).toHaveLength(0);
  });
});
