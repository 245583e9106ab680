import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { appointments } from "@/db/schema/agendas";
import { createTestDb, type TestDb } from "@/test/db";
import { run } from "./dispatch-confirmations";
import { addAgenda, addAppointment, addCustomer, createWorld, messagesWithKey, NIGHT, NOW, recordingGateway, runsOf, type World } from "./test-world";

let t: TestDb;
let world: World;
beforeEach(async () => {
  t ??= await createTestDb();
  world = await createWorld(t.db);
});
afterAll(async () => t?.close());

const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
const byId = async (id: string) => (await t.db.select().from(appointments).where(eq(appointments.id, id)))[0];

describe("dispatch-confirmations", () => {
  it("sends the confirmation within confirmDaysBefore days, once, with dd/MM HH:mm in the company's time zone", async () => {
    const { db } = t;
    const c = await addCustomer(db, world, { name: "Carlos Lima" });
    const agenda = await addAgenda(db, world, c.customer.id, { status: "agendou" });
    const due = await addAppointment(db, world, c.customer.id, { agendaId: agenda.id, startsAt: new Date("2026-03-12T12:30:00Z") });
    const tooFar = await addAppointment(db, world, c.customer.id, { agendaId: agenda.id, startsAt: hours(24 * 3) });
    const confirmed = await addAppointment(db, world, c.customer.id, { agendaId: agenda.id, startsAt: hours(5), status: "confirmado" });
    // No agenda: default 2 days and the company's standard confirmation template.
    const orphan = await addAppointment(db, world, c.customer.id, { startsAt: hours(3) });

    const gateway = recordingGateway();
    const report = await run({ db, gateway }, { now: NOW, trigger: "test" });
    expect(report).toMatchObject({ considered: 2, sent: 2, skipped: {} });
    expect(gateway.calls.map((c) => c.payload)).toContainEqual(expect.objectContaining({ name: "confirmacao_agendamento", params: ["Carlos", "12/03 09:30"] }));
    expect((await byId(due.id)).confirmationSentAt).toEqual(NOW);
    expect((await byId(orphan.id)).confirmationSentAt).toEqual(NOW);
    for (const other of [tooFar, confirmed]) expect((await byId(other.id)).confirmationSentAt).toBeNull();

    const again = await run({ db, gateway }, { now: NOW, trigger: "test" });
    expect(again.sent).toBe(0);
    expect(gateway.calls).toHaveLength(2);
    expect(await messagesWithKey(db, `confirm:${due.id}`)).toHaveLength(1);
    const [runRow] = (await runsOf(db, "dispatch-confirmations")).filter((r) => r.id === report.runId);
    expect(runRow).toMatchObject({ status: "succeeded", considered: 2, sent: 2 });
  });

  it("waits for the sending hours", async () => {
    const { db } = t;
    const c = await addCustomer(db, world);
    const agenda = await addAgenda(db, world, c.customer.id, { status: "agendou" });
    const appt = await addAppointment(db, world, c.customer.id, { agendaId: agenda.id, startsAt: new Date(NIGHT.getTime() + 12 * 3_600_000) });
    const gateway = recordingGateway();
    const report = await run({ db, gateway }, { now: NIGHT, trigger: "test" });
    expect(report.skipped.fora_do_horario).toBeGreaterThanOrEqual(1);
    expect(gateway.calls).toHaveLength(0);
    expect((await byId(appt.id)).confirmationSentAt).toBeNull();
  });
});
