import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { agendaHistory, appointments } from "@/db/schema/agendas";
import { createTestDb, type TestDb } from "@/test/db";
import { run } from "./no-show-sweep";
import { addAgenda, addAppointment, addCustomer, agendaById, createWorld, messagesWithKey, NIGHT, NOW, recordingGateway, runsOf, type World } from "./test-world";

let t: TestDb;
let world: World;
beforeEach(async () => {
  t ??= await createTestDb();
  world = await createWorld(t.db);
});
afterAll(async () => t?.close());

const minutes = (at: Date, m: number) => new Date(at.getTime() + m * 60_000);
const byId = async (id: string) => (await t.db.select().from(appointments).where(eq(appointments.id, id)))[0];

describe("no-show-sweep", () => {
  it("marks appointments past the tolerance as no_show, sends the agenda back and invites to reschedule, once", async () => {
    const { db } = t;
    const c = await addCustomer(db, world, { name: "Rita Alves" });
    const agenda = await addAgenda(db, world, c.customer.id, { status: "agendou" });
    const late = await addAppointment(db, world, c.customer.id, { agendaId: agenda.id, startsAt: minutes(NOW, -61), status: "confirmado" });
    const within = await addAppointment(db, world, c.customer.id, { agendaId: agenda.id, startsAt: minutes(NOW, -59) });
    const came = await addAppointment(db, world, c.customer.id, { agendaId: agenda.id, startsAt: minutes(NOW, -120), status: "compareceu" });

    const gateway = recordingGateway();
    const report = await run({ db, gateway }, { now: NOW, trigger: "test" });
    expect(report).toMatchObject({ sent: 1, changed: 1, failed: 0 });
    expect(await byId(late.id)).toMatchObject({ status: "no_show", noShowMarkedBy: "automatic" });
    expect(await byId(within.id)).toMatchObject({ status: "agendado", noShowMarkedBy: null });
    expect(await byId(came.id)).toMatchObject({ status: "compareceu" });
    expect(await agendaById(db, agenda.id)).toMatchObject({ status: "no_show" });
    const history = await db.select().from(agendaHistory).where(eq(agendaHistory.agendaId, agenda.id));
    expect(history).toEqual([expect.objectContaining({ kind: "status", fromStatus: "agendou", toStatus: "no_show", reason: "no_show_automatico", userId: null })]);
    expect(gateway.calls[0].payload).toMatchObject({ name: "reagendar_no_show", params: ["Rita"] });
    expect(await messagesWithKey(db, `noshow:${late.id}`)).toHaveLength(1);

    const again = await run({ db, gateway }, { now: NOW, trigger: "test" });
    expect(again).toMatchObject({ sent: 0, changed: 0 });
    expect(gateway.calls).toHaveLength(1);
    const [runRow] = (await runsOf(db, "no-show-sweep")).filter((r) => r.id === report.runId);
    expect(runRow).toMatchObject({ status: "succeeded", sent: 1 });
  });

  it("at night the status changes but the message waits for the first run within the sending hours", async () => {
    const { db } = t;
    const c = await addCustomer(db, world);
    const agenda = await addAgenda(db, world, c.customer.id, { status: "agendou" });
    const appt = await addAppointment(db, world, c.customer.id, { agendaId: agenda.id, startsAt: minutes(NIGHT, -90) });
    const gateway = recordingGateway();
    const night = await run({ db, gateway }, { now: NIGHT, trigger: "test" });
    expect(night.skipped.fora_do_horario).toBeGreaterThanOrEqual(1);
    expect(gateway.calls).toHaveLength(0);
    expect(await byId(appt.id)).toMatchObject({ status: "no_show" });
    expect(await agendaById(db, agenda.id)).toMatchObject({ status: "no_show" });

    const morning = new Date("2026-03-11T11:05:00Z");
    const report = await run({ db, gateway }, { now: morning, trigger: "test" });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    expect(await messagesWithKey(db, `noshow:${appt.id}`)).toHaveLength(1);
  });
});
