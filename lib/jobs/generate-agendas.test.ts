import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { agendas, cycleEvents } from "@/db/schema/agendas";
import { assets } from "@/db/schema/customers";
import { createTestDb, type TestDb } from "@/test/db";
import { run } from "./generate-agendas";
import { addAgenda, addCustomer, createWorld, NOW, recordingGateway, runsOf, TODAY, type World } from "./test-world";

let t: TestDb;
let world: World;
beforeEach(async () => {
  t ??= await createTestDb();
  world = await createWorld(t.db);
});
afterAll(async () => t?.close());

const deps = () => ({ db: t.db, gateway: recordingGateway() });
const agendasOf = (companyId: string) => t.db.select().from(agendas).where(eq(agendas.companyId, companyId)).orderBy(agendas.createdAt, agendas.id);

describe("generate-agendas", () => {
  it("creates due cycle events and groups a customer's events into one automatic agenda, round robin over the PA team", async () => {
    const { db } = t;
    // Due 2026-03-20 (within 15 days), due 2026-03-01 (overdue), due 2026-05-01 (too early), sale-based due 2026-03-15.
    const two = await addCustomer(db, world, { lastServiceAt: "2025-03-20" });
    await db.insert(assets).values({ customerId: two.customer.id, kind: "vehicle", model: "S10", lastServiceAt: "2025-03-01" });
    const early = await addCustomer(db, world, { lastServiceAt: "2025-05-01" });
    const sold = await addCustomer(db, world, { saleDate: "2025-03-15" });
    const neverDue = await addCustomer(db, world, {});

    const report = await run(deps(), { now: NOW, trigger: "test" });
    expect(report).toMatchObject({ considered: 2, changed: 2, failed: 0 });

    const rows = await agendasOf(world.company.id);
    expect(rows.map((r) => r.customerId).sort()).toEqual([two.customer.id, sold.customer.id].sort());
    for (const r of rows) {
      expect(r).toMatchObject({
        origin: "automatica",
        direction: "ativo",
        status: "pendente",
        whatsappState: "nao_enviado",
        whatsappReason: null,
        contactDate: TODAY,
        programId: world.program.id,
        campaignId: world.campaign.id,
        teamId: world.pa.id,
      });
    }
    // Round robin in (team, name) order: Ana, then Bruno; the non-PA member never gets one.
    expect(rows.map((r) => r.agentId).sort()).toEqual([world.agents.ana.id, world.agents.bruno.id].sort());
    const events = await db.select().from(cycleEvents).where(eq(cycleEvents.companyId, world.company.id));
    expect(events).toHaveLength(3);
    const twoAgenda = rows.find((r) => r.customerId === two.customer.id)!;
    expect(events.filter((e) => e.agendaId === twoAgenda.id).map((e) => e.dueDate).sort()).toEqual(["2026-03-01", "2026-03-20"]);
    expect(events.some((e) => e.customerId === early.customer.id || e.customerId === neverDue.customer.id)).toBe(false);

    const [runRow] = (await runsOf(db, "generate-agendas")).filter((r) => r.id === report.runId);
    expect(runRow).toMatchObject({ status: "succeeded", considered: 2 });
  });

  it("is idempotent and never opens a second agenda while one is open", async () => {
    const { db } = t;
    const c = await addCustomer(db, world, { lastServiceAt: "2025-03-20" });
    const open = await addAgenda(db, world, c.customer.id, { status: "nao_respondeu", contactDate: "2026-02-01" });
    const first = await run(deps(), { now: NOW, trigger: "test" });
    expect(first.skipped.agenda_aberta).toBe(1);
    const again = await run(deps(), { now: NOW, trigger: "test" });
    expect(again.considered).toBe(0);
    const rows = await agendasOf(world.company.id);
    expect(rows.map((r) => r.id)).toEqual([open.id]);
    const [event] = await db.select().from(cycleEvents).where(eq(cycleEvents.customerId, c.customer.id));
    expect(event.agendaId).toBe(open.id);

    // A later service makes a new due date: once the old agenda is closed, a new agenda opens.
    await db.update(agendas).set({ status: "concluido" }).where(eq(agendas.id, open.id));
    await db.update(assets).set({ lastServiceAt: "2025-03-22" }).where(eq(assets.id, c.asset.id));
    await run(deps(), { now: NOW, trigger: "test" });
    expect(await agendasOf(world.company.id)).toHaveLength(2);
  });

  it("two concurrent runs create one agenda per customer", async () => {
    const { db } = t;
    for (let i = 0; i < 5; i++) await addCustomer(db, world, { lastServiceAt: "2025-03-20" });
    await Promise.all([run(deps(), { now: NOW, trigger: "test" }), run(deps(), { now: NOW, trigger: "test" })]);
    const rows = await agendasOf(world.company.id);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.customerId)).size).toBe(5);
    // Deterministic rotation: Ana and Bruno alternate.
    const counts = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.agentId!]: (acc[r.agentId!] ?? 0) + 1 }), {});
    expect(Object.values(counts).sort()).toEqual([2, 3]);
  });
});
