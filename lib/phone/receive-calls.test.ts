import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRecords } from "@/db/schema/phone";
import { seed } from "@/db/seed";
import { seeded, type Seeded } from "@/test/fixtures";
import { createTestDb, type TestDb } from "@/test/db";
import { rotatePbxKey } from "./pbx-keys";
import { MAX_PBX_BODY_BYTES, receiveCalls } from "./receive-calls";

const NOW = new Date("2026-12-04T15:00:00.000Z");
let t: TestDb;
let s: Seeded;
let spKey: string;
let netKey: string;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 12 });
  s = await seeded(t.db);
  const admin = await s.userId("admin@atende.dev");
  spKey = (await rotatePbxKey(t.db, { companyId: s.sp, userId: admin, now: NOW })).key;
  netKey = (await rotatePbxKey(t.db, { companyId: s.net, userId: admin, now: NOW })).key;
});
afterAll(() => t?.close());

const call = (id: string, over: Record<string, unknown> = {}) => ({
  uniqueid: id,
  src: "(11) 98765-4321",
  dst: "1140001000",
  start: "2026-12-04T10:00:00-03:00",
  answer: "2026-12-04T10:00:12-03:00",
  end: "2026-12-04T10:03:12-03:00",
  duration: 192,
  billsec: 180,
  disposition: "ANSWERED",
  queue: "oficina",
  ...over,
});
const post = (body: unknown, key: string | null) =>
  receiveCalls(new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body)), key === null ? null : `Bearer ${key}`, { db: t.db, now: NOW });
const countOf = async (companyId: string) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(callRecords).where(eq(callRecords.companyId, companyId)))[0].n;

describe("POST /api/pbx/calls", () => {
  it("stores a batch under the key's company, numbers in E.164, and a repeat stores nothing twice", async () => {
    const seededCalls = await countOf(s.sp);
    const first = await post({ calls: [call("1733300000.1"), call("1733300000.2", { disposition: "NO ANSWER", answer: null, billsec: 0 })] }, spKey);
    expect(first).toEqual({ status: 200, body: { ok: true, received: 2, stored: 2, duplicates: 0 } });
    const again = await post({ calls: [call("1733300000.1"), call("1733300000.3")] }, spKey);
    expect(again.body).toEqual({ ok: true, received: 2, stored: 1, duplicates: 1 });
    const [row] = await t.db
      .select({ caller: callRecords.caller, called: callRecords.called, billed: callRecords.billedSeconds, answeredAt: callRecords.answeredAt })
      .from(callRecords)
      .where(and(eq(callRecords.companyId, s.sp), eq(callRecords.pbxId, "1733300000.1")));
    expect(row).toEqual({ caller: "5511987654321", called: "551140001000", billed: 180, answeredAt: new Date("2026-12-04T13:00:12.000Z") });
    expect(await countOf(s.sp)).toBe(seededCalls + 3);
  });

  it("the same PBX id from another company's key is that company's own call", async () => {
    const before = await countOf(s.net);
    const res = await post({ calls: [call("1733300000.1")] }, netKey);
    expect(res.body).toMatchObject({ ok: true, stored: 1 });
    expect(await countOf(s.net)).toBe(before + 1);
  });

  it("answers 401 without a key, with a wrong one, and with a rotated-away one", async () => {
    const before = await countOf(s.sp);
    expect((await post({ calls: [call("x1")] }, null)).status).toBe(401);
    expect((await post({ calls: [call("x1")] }, "atk_wrong")).status).toBe(401);
    const admin = await s.userId("admin@atende.dev");
    const rotated = await rotatePbxKey(t.db, { companyId: s.sp, userId: admin, now: NOW });
    expect((await post({ calls: [call("x1")] }, spKey)).status).toBe(401);
    expect((await post({ calls: [call("x1")] }, rotated.key)).status).toBe(200);
    spKey = rotated.key;
    expect(await countOf(s.sp)).toBe(before + 1);
  });

  it("refuses the whole batch (400, nothing stored) when one record is bad, naming it", async () => {
    const before = await countOf(s.sp);
    const res = await post({ calls: [call("ok-1"), call("bad-1", { end: "2026-12-04T09:00:00-03:00" }), call("bad-2", { disposition: "HUNG" })] }, spKey);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, error: "malformed" });
    const paths = "issues" in res.body ? res.body.issues!.map((i) => i.path) : [];
    expect(paths).toEqual(expect.arrayContaining(["calls.1.end", "calls.2.disposition"]));
    expect((await post("{not json", spKey)).status).toBe(400);
    expect((await post({ calls: [] }, spKey)).status).toBe(400);
    expect((await post({ calls: [call("tz", { start: "2026-12-04 10:00:00" })] }, spKey)).status).toBe(400);
    expect(await countOf(s.sp)).toBe(before);
  });

  it("answers 413 past the size limit", async () => {
    const res = await receiveCalls(new Uint8Array(MAX_PBX_BODY_BYTES + 1), `Bearer ${spKey}`, { db: t.db, now: NOW });
    expect(res).toEqual({ status: 413, body: { ok: false, error: "too_large" } });
  });
});
