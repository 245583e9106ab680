import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { agendaHistory, agendas } from "@/db/schema/agendas";
import { messages } from "@/db/schema/whatsapp";
import { companies } from "@/db/schema/org";
import { createTestDb, type TestDb } from "@/test/db";
import { createSandboxProvider } from "@/lib/whatsapp/sandbox-provider";
import { run } from "./dispatch-invitations";
import { addAgenda, addCustomer, agendaById, createWorld, fakeTime, messagesWithKey, NIGHT, NOW, recordingGateway, runsOf, type World } from "./test-world";

let t: TestDb;
let world: World;

beforeEach(async () => {
  t ??= await createTestDb();
  world = await createWorld(t.db);
});
afterAll(async () => t?.close());

const inviteRows = (db: TestDb["db"], companyId: string) =>
  db
    .select({ key: messages.idempotencyKey, status: messages.status })
    .from(messages)
    .innerJoin(agendas, eq(messages.idempotencyKey, sqlConcat(agendas.id)))
    .where(and(eq(agendas.companyId, companyId), like(messages.idempotencyKey, "invite:%")));
// Keys are "invite:<agendaId>".
const sqlConcat = (col: typeof agendas.id) => sql`'invite:' || ${col}::text`;

describe("dispatch-invitations", () => {
  it("sends the invitation to due automatic agendas and records each state with its reason", async () => {
    const { db } = t;
    const ok = await addCustomer(db, world, { name: "Joana Prado", model: "Tracker 1.2" });
    const optOut = await addCustomer(db, world, { optOut: true });
    const invalid = await addCustomer(db, world, { contact: "invalid" });
    const none = await addCustomer(db, world, { contact: "none" });
    const sent = await addAgenda(db, world, ok.customer.id);
    const a2 = await addAgenda(db, world, optOut.customer.id);
    const a3 = await addAgenda(db, world, invalid.customer.id);
    const a4 = await addAgenda(db, world, none.customer.id);
    // Never sent: manual, future contact date, already tried, not pendente.
    const manual = await addAgenda(db, world, ok.customer.id, { origin: "manual", programId: null });
    const future = await addAgenda(db, world, ok.customer.id, { contactDate: "2026-03-11" });
    const tried = await addAgenda(db, world, ok.customer.id, { whatsappReason: "erro_envio" });
    const refused = await addAgenda(db, world, ok.customer.id, { status: "recusou" });

    const gateway = recordingGateway();
    const report = await run({ db, gateway }, { now: NOW, trigger: "test" });

    expect(report).toMatchObject({ considered: 4, sent: 1, failed: 0, skipped: { optout: 1, celular_invalido: 2 } });
    expect(gateway.calls).toHaveLength(1);
    expect(gateway.calls[0].to).toBe(ok.mobile);
    expect(gateway.calls[0].payload).toMatchObject({ type: "template", name: "convite_revisao", params: ["Joana", "Tracker 1.2"] });

    expect(await agendaById(db, sent.id)).toMatchObject({ whatsappState: "enviado", whatsappReason: null, whatsappAt: NOW, status: "pendente" });
    expect(await agendaById(db, a2.id)).toMatchObject({ whatsappState: "nao_enviado", whatsappReason: "optout" });
    expect(await agendaById(db, a3.id)).toMatchObject({ whatsappState: "nao_enviado", whatsappReason: "celular_invalido" });
    expect(await agendaById(db, a4.id)).toMatchObject({ whatsappState: "nao_enviado", whatsappReason: "celular_invalido" });
    for (const untouched of [manual, future, tried, refused]) {
      expect(await agendaById(db, untouched.id)).toMatchObject({ whatsappState: untouched.whatsappState, whatsappReason: untouched.whatsappReason });
    }
    const history = await db.select().from(agendaHistory).where(eq(agendaHistory.agendaId, a2.id));
    expect(history).toEqual([expect.objectContaining({ kind: "whatsapp", reason: "optout", userId: null })]);
    expect(await messagesWithKey(db, `invite:${sent.id}`)).toEqual([expect.objectContaining({ status: "sent", author: "system", templateName: "convite_revisao" })]);

    const [runRow] = (await runsOf(db, "dispatch-invitations")).filter((r) => r.id === report.runId);
    expect(runRow).toMatchObject({ status: "succeeded", trigger: "test", considered: 4, sent: 1, failed: 0, skipped: { optout: 1, celular_invalido: 2 } });
    expect(runRow.finishedAt).not.toBeNull();
  });

  it("marks a number the provider rejects as falhou with its reason, and other failures as erro_envio", async () => {
    const { db } = t;
    const rejected = await addCustomer(db, world);
    const flaky = await addCustomer(db, world);
    const a1 = await addAgenda(db, world, rejected.customer.id);
    const a2 = await addAgenda(db, world, flaky.customer.id);
    const gateway = recordingGateway((_n, to) =>
      to === rejected.mobile
        ? { ok: false, code: 131026, title: "Mensagem não entregue: o número não está no WhatsApp", retryable: false }
        : { ok: false, code: 131000, title: "Erro desconhecido no envio", retryable: true },
    );
    const report = await run({ db, gateway }, { now: NOW, trigger: "test" });
    expect(report).toMatchObject({ considered: 2, sent: 0, failed: 2 });
    expect(report.errors).toHaveLength(2);
    expect(await agendaById(db, a1.id)).toMatchObject({ whatsappState: "falhou", whatsappReason: "131026 · Mensagem não entregue: o número não está no WhatsApp" });
    expect(await agendaById(db, a2.id)).toMatchObject({ whatsappState: "nao_enviado", whatsappReason: "erro_envio" });
    const [runRow] = (await runsOf(db, "dispatch-invitations")).filter((r) => r.id === report.runId);
    expect(runRow).toMatchObject({ status: "succeeded", failed: 2 });
  });

  it("outside the company's sending hours skips everything and changes nothing", async () => {
    const { db } = t;
    const c = await addCustomer(db, world);
    const agenda = await addAgenda(db, world, c.customer.id, { contactDate: "2026-03-10" });
    const gateway = recordingGateway();
    const report = await run({ db, gateway }, { now: NIGHT, trigger: "test" });
    expect(report.skipped.fora_do_horario).toBeGreaterThanOrEqual(1);
    expect(report.sent).toBe(0);
    expect(gateway.calls).toHaveLength(0);
    expect(await agendaById(db, agenda.id)).toMatchObject({ whatsappState: "nao_enviado", whatsappReason: null });

    // A company that sends around the clock (end before start spans midnight) is not held back.
    await db.update(companies).set({ sendingStartsAt: "22:00", sendingEndsAt: "06:00" }).where(eq(companies.id, world.company.id));
    const night = await run({ db, gateway }, { now: NIGHT, trigger: "test" });
    expect(gateway.calls.map((c) => c.to)).toContain(c.mobile);
    expect(night.sent).toBeGreaterThanOrEqual(1);
    expect(await agendaById(db, agenda.id)).toMatchObject({ whatsappState: "enviado" });
  });

  it("paces sends to the sender's ratePerSecond", async () => {
    const { db } = t;
    const paced = await createWorld(db, { ratePerSecond: 2 });
    for (let i = 0; i < 5; i++) await addAgenda(db, paced, (await addCustomer(db, paced)).customer.id);
    const time = fakeTime();
    const gateway = recordingGateway(undefined, time.now);
    const report = await run({ db, gateway, sleep: time.sleep, monotonicNow: time.now }, { now: NOW, trigger: "test" });
    const mine = gateway.calls.length;
    expect(report.sent).toBe(mine);
    expect(mine).toBeGreaterThanOrEqual(5);
    // At most 2 sends in any one-second window: consecutive sends ≥ 500 ms apart.
    const at = gateway.calls.map((c) => c.at);
    for (let i = 2; i < at.length; i++) expect(at[i] - at[i - 2]).toBeGreaterThanOrEqual(1000);
    expect(time.sleeps.length).toBe(mine - 1);
    for (const ms of time.sleeps) expect(ms).toBeCloseTo(500, 5);
  });

  it("is idempotent: a second run sends nothing", async () => {
    const { db } = t;
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await addAgenda(db, world, (await addCustomer(db, world)).customer.id)).id);
    const gateway = recordingGateway();
    const first = await run({ db, gateway }, { now: NOW, trigger: "test" });
    const second = await run({ db, gateway }, { now: NOW, trigger: "test" });
    expect(first.sent).toBeGreaterThanOrEqual(3);
    expect(second).toMatchObject({ considered: 0, sent: 0 });
    for (const id of ids) expect(await messagesWithKey(db, `invite:${id}`)).toHaveLength(1);
    expect(gateway.calls.length).toBe(first.sent);
  });

  it("two concurrent runs send each invitation once", async () => {
    const { db } = t;
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await addAgenda(db, world, (await addCustomer(db, world)).customer.id)).id);
    const gateway = recordingGateway(async () => {
      await new Promise((r) => setTimeout(r, 2));
      return { ok: true, wamid: "x" };
    });
    const [a, b] = await Promise.all([run({ db, gateway }, { now: NOW, trigger: "test" }), run({ db, gateway }, { now: NOW, trigger: "test" })]);
    for (const id of ids) {
      expect(await messagesWithKey(db, `invite:${id}`)).toHaveLength(1);
      expect(await agendaById(db, id)).toMatchObject({ whatsappState: "enviado" });
      const history = await db.select().from(agendaHistory).where(eq(agendaHistory.agendaId, id));
      expect(history).toHaveLength(1);
    }
    const toMine = gateway.calls.filter((c) => c.payload.type === "template").length;
    expect(a.sent + b.sent).toBe(toMine);
    expect(new Set(gateway.calls.map((c) => c.to)).size).toBe(gateway.calls.length);
  });

  it("a gateway that throws half-way: those become erro_envio, a rerun sends nothing twice", async () => {
    const { db } = t;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await addAgenda(db, world, (await addCustomer(db, world)).customer.id)).id);
    const pending = ids.length;
    const half = Math.floor(pending / 2);
    const gateway = recordingGateway((n) => {
      if (n >= half) throw new Error("connection reset");
      return { ok: true, wamid: "x" };
    });
    const first = await run({ db, gateway }, { now: NOW, trigger: "test" });
    expect(first.failed).toBeGreaterThan(0);
    const again = await run({ db, gateway: recordingGateway() }, { now: NOW, trigger: "test" });
    expect(again.sent).toBe(0);
    for (const id of ids) {
      expect(await messagesWithKey(db, `invite:${id}`)).toHaveLength(1);
      expect(["enviado", "nao_enviado"]).toContain((await agendaById(db, id)).whatsappState);
    }
  });

  it("a run killed mid-send loses nothing: the rerun finishes it and each agenda has exactly one invitation", async () => {
    const { db } = t;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await addAgenda(db, world, (await addCustomer(db, world)).customer.id)).id);
    const pending = ids.length;
    const half = Math.floor(pending / 2);
    // The process dies while the provider call of send number `half` is in flight: that promise never settles.
    const dying = recordingGateway((n) => (n >= half ? new Promise<never>(() => {}) : { ok: true, wamid: "x" }));
    // One send at a time, so "half-way" is exact.
    const killed = run({ db, gateway: dying, concurrency: 1 }, { now: NOW, trigger: "test" });
    void killed.catch(() => {});
    await waitUntil(() => dying.calls.length > half);
    expect(dying.calls.length).toBe(half + 1);
    const [stuck] = (await runsOf(db, "dispatch-invitations")).filter((r) => r.status === "running");
    expect(stuck).toBeDefined();

    // Right after the crash the batch's unrecorded rows are still leased — the in-flight send may have
    // reached the customer, and the run cannot tell it from those not yet tried — so the rerun leaves
    // them; the sends recorded before the crash are only settled on their agendas.
    const rerun = recordingGateway();
    const soon = await run({ db, gateway: rerun }, { now: new Date(NOW.getTime() + 30_000), trigger: "test" });
    expect(soon.skipped.em_andamento).toBe(pending - half);
    expect(soon.skipped.ja_enviado).toBe(half);
    expect(rerun.calls).toHaveLength(0);
    // After the lease (2 min) the abandoned send is claimed and completed.
    const later = await run({ db, gateway: rerun }, { now: new Date(NOW.getTime() + 5 * 60_000), trigger: "test" });
    expect(later.considered).toBe(pending - half);
    expect(rerun.calls.length).toBe(pending - half);

    for (const id of ids) {
      expect(await messagesWithKey(db, `invite:${id}`)).toEqual([expect.objectContaining({ status: "sent" })]);
      expect(await agendaById(db, id)).toMatchObject({ whatsappState: "enviado" });
    }
    const all = await inviteRows(db, world.company.id);
    expect(new Set(all.map((m) => m.key)).size).toBe(all.length);
  });

  it("a message sent before a crash but not yet recorded on the agenda is recorded by the rerun, not resent", async () => {
    const { db } = t;
    const agenda = await addAgenda(db, world, (await addCustomer(db, world)).customer.id);
    const gateway = recordingGateway();
    await run({ db, gateway }, { now: NOW, trigger: "test" });
    const calls = gateway.calls.length;
    // Undo the agenda update, as if the process died right after the provider accepted the message.
    await db.update(agendas).set({ whatsappState: "nao_enviado", whatsappReason: null, whatsappAt: null }).where(eq(agendas.id, agenda.id));
    const rerun = await run({ db, gateway }, { now: NOW, trigger: "test" });
    expect(gateway.calls.length).toBe(calls);
    expect(rerun.skipped.ja_enviado).toBe(1);
    expect(await agendaById(db, agenda.id)).toMatchObject({ whatsappState: "enviado" });
  });

  it("works with the sandbox provider and honours limit", async () => {
    const { db } = t;
    for (let i = 0; i < 3; i++) await addAgenda(db, world, (await addCustomer(db, world)).customer.id);
    const report = await run({ db, gateway: createSandboxProvider() }, { now: NOW, trigger: "manual", limit: 2 });
    expect(report.considered).toBe(2);
  });
});

async function waitUntil(check: () => boolean, ms = 5_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 5));
  }
}
