import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/db";
import { emit } from "./emit";
import { startEventListener, type EventListener } from "./listener";

let t: TestDb;
let listener: EventListener;
const heard: number[] = [];
beforeAll(async () => {
  t = await createTestDb();
  listener = await startEventListener(t, (seq) => heard.push(seq));
});
afterAll(async () => {
  await listener?.stop();
  await t?.close();
});

const event = (agendaId: string) => ({ type: "agenda.changed" as const, audience: { companyId: null }, payload: { agendaId } });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe("the event listener", () => {
  it("is connected and hears the highest sequence of each committed transaction, and nothing of a rolled-back one", async () => {
    expect(listener.connected).toBe(true);
    const committed = await t.db.transaction((tx) => emit(tx, event("a"), event("b")));
    await until(() => heard.includes(Number(committed[1])));
    expect(heard).toEqual([Number(committed[1])]);

    await t.db
      .transaction(async (tx) => {
        await emit(tx, event("c"));
        throw new Error("rollback");
      })
      .catch(() => {});
    const after = await t.db.transaction((tx) => emit(tx, event("d")));
    await until(() => heard.includes(Number(after[0])));
    expect(heard).toEqual([Number(committed[1]), Number(after[0])]);
    expect(listener.lastSeq).toBe(Number(after[0]));
  });
});
