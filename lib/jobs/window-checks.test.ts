import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { agendaHistory } from "@/db/schema/agendas";
import { conversations } from "@/db/schema/whatsapp";
import { createTestDb, type TestDb } from "@/test/db";
import { run } from "./window-checks";
import { addAgenda, addCustomer, agendaById, createWorld, NOW, recordingGateway, runsOf, type World } from "./test-world";

let t: TestDb;
let world: World;
beforeEach(async () => {
  t ??= await createTestDb();
  world = await createWorld(t.db);
});
afterAll(async () => t?.close());

const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);

describe("window-checks", () => {
  it("moves sent agendas without an answer after noReplyDays to nao_respondeu", async () => {
    const { db } = t;
    const c = await addCustomer(db, world);
    const old = await addAgenda(db, world, c.customer.id, { whatsappState: "entregue", whatsappAt: daysAgo(3.1) });
    const recent = await addAgenda(db, world, c.customer.id, { whatsappState: "enviado", whatsappAt: daysAgo(2.9) });
    const answered = await addAgenda(db, world, c.customer.id, { whatsappState: "respondido", whatsappAt: daysAgo(10) });
    const handled = await addAgenda(db, world, c.customer.id, { whatsappState: "lido", whatsappAt: daysAgo(10), status: "agendou" });

    const report = await run({ db, gateway: recordingGateway() }, { now: NOW, trigger: "test" });
    expect(report.changed).toBeGreaterThanOrEqual(1);
    expect(await agendaById(db, old.id)).toMatchObject({ status: "nao_respondeu" });
    for (const a of [recent, answered, handled]) expect((await agendaById(db, a.id)).status).toBe(a.status);
    const history = await db.select().from(agendaHistory).where(eq(agendaHistory.agendaId, old.id));
    expect(history).toEqual([expect.objectContaining({ fromStatus: "pendente", toStatus: "nao_respondeu", userId: null })]);

    const again = await run({ db, gateway: recordingGateway() }, { now: NOW, trigger: "test" });
    expect(again.changed).toBe(0);
    const [runRow] = (await runsOf(db, "window-checks")).filter((r) => r.id === report.runId);
    expect(runRow).toMatchObject({ status: "succeeded", considered: report.considered });
  });

  it("marks conversations whose 24-hour window closed, once per customer message", async () => {
    const { db } = t;
    const mk = async (phone: string, lastInboundAt: Date | null, windowClosedMarkedAt: Date | null = null) =>
      (
        await db
          .insert(conversations)
          .values({ companyId: world.company.id, senderNumberId: world.sender.id, customerPhone: phone, lastInboundAt, windowClosedMarkedAt })
          .returning()
      )[0];
    const closed = await mk("5511911110001", hoursAgo(25));
    const open = await mk("5511911110002", hoursAgo(23));
    const marked = await mk("5511911110003", hoursAgo(30), hoursAgo(5));
    const reopened = await mk("5511911110004", hoursAgo(26), hoursAgo(40));
    const never = await mk("5511911110005", null);

    await run({ db, gateway: recordingGateway() }, { now: NOW, trigger: "test" });
    const get = async (id: string) => (await db.select().from(conversations).where(eq(conversations.id, id)))[0].windowClosedMarkedAt;
    expect(await get(closed.id)).toEqual(NOW);
    expect(await get(open.id)).toBeNull();
    expect(await get(marked.id)).toEqual(hoursAgo(5));
    expect(await get(reopened.id)).toEqual(NOW);
    expect(await get(never.id)).toBeNull();
  });
});
