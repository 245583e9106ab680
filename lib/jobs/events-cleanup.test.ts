import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "@/db/schema/events";
import { emit } from "@/lib/events/emit";
import { createSandboxProvider } from "@/lib/whatsapp/sandbox-provider";
import { createTestDb, type TestDb } from "@/test/db";
import { run } from "./events-cleanup";

const NOW = new Date("2026-11-23T13:00:00Z");
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

describe("events cleanup", () => {
  it("deletes events older than 48 hours and keeps the newer ones", async () => {
    const event = (agendaId: string) => ({ type: "agenda.changed" as const, audience: { companyId: null }, payload: { agendaId } });
    const seqs = await t.db.transaction((tx) => emit(tx, event("a"), event("b"), event("c"), event("d")));
    expect(seqs).toHaveLength(4);
    const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3_600_000);
    await t.db.update(events).set({ at: at(72) }).where(inArray(events.seq, seqs.slice(0, 2)));
    await t.db.update(events).set({ at: at(49) }).where(inArray(events.seq, [seqs[2]]));
    await t.db.update(events).set({ at: at(47) }).where(inArray(events.seq, [seqs[3]]));

    const report = await run({ db: t.db, gateway: createSandboxProvider() }, { now: NOW, trigger: "test" });
    expect(report.changed).toBe(3);
    // The run's own job_run.changed events are new, so they stay too.
    const left = await t.db.select({ seq: events.seq, payload: events.payload }).from(events).where(eq(events.type, "agenda.changed"));
    expect(left).toEqual([{ seq: seqs[3], payload: { agendaId: "d" } }]);

    const again = await run({ db: t.db, gateway: createSandboxProvider() }, { now: NOW, trigger: "test" });
    expect(again.changed).toBe(0);
  });
});
