import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentPresence, pauseReasons } from "@/db/schema/desk";
import { seed } from "@/db/seed";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded } from "@/test/fixtures";
import { afterTicketReleased } from "./after-finish";
import { getPresence, pauseAfterFinish, setPresence } from "./presence";

const NOW = new Date("2026-11-23T13:00:00Z");
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 2 });
});
afterAll(() => t?.close());

describe("Pausar após concluir", () => {
  it("takes no new offers and pauses with the chosen reason once the last ticket is finished", async () => {
    const s = await seeded(t.db);
    const diego = await s.userId("diego@atende.dev");
    const [pause] = await t.db.select({ id: pauseReasons.id }).from(pauseReasons).where(and(eq(pauseReasons.companyId, s.sp), eq(pauseReasons.name, "Pausa")));
    await t.db.execute(sql`update tickets set status = 'finalizado' where status <> 'finalizado'`);
    await setPresence(t.db, { userId: diego, state: "pronto", actorId: diego, now: NOW });
    await pauseAfterFinish(t.db, { userId: diego, pauseReasonId: pause.id, now: NOW });
    const [row] = await t.db.select({ after: agentPresence.pauseAfterFinish }).from(agentPresence).where(eq(agentPresence.userId, diego));
    expect(row.after).toBe(true);
    expect((await getPresence(t.db, diego)).state).toBe("pronto");
    expect(await afterTicketReleased(t.db, diego, NOW)).toEqual([]);
    expect(await getPresence(t.db, diego)).toMatchObject({ state: "nao_pronto", pauseReasonId: pause.id, pauseAfterFinish: false });
  });
});
