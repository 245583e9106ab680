import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRecords } from "@/db/schema/phone";
import { seed } from "@/db/seed";
import { seeded, type Seeded } from "@/test/fixtures";
import { createTestDb, type TestDb } from "@/test/db";
import { importCallsCsv } from "./csv-import";
import { csvFields } from "./csv-lines";

const NOW = new Date("2026-12-04T15:00:00.000Z");
let t: TestDb;
let s: Seeded;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 6 });
  s = await seeded(t.db);
});
afterAll(() => t?.close());

// Split across chunk boundaries on purpose: the import must not depend on whole lines per chunk.
async function* chunks(text: string, size = 7) {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}
const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(callRecords).where(eq(callRecords.companyId, s.sp)))[0].n;
const master = (uniqueid: string, over: Partial<Record<"src" | "start" | "disposition" | "billsec", string>> = {}) =>
  [
    "", over.src ?? "11987654321", "1140001000", "from-pstn", '"Cliente" <11987654321>', "SIP/trunk-0001", "SIP/2002-0000a1", "Queue", "oficina,t,,,300",
    over.start ?? "2026-12-03 09:15:00", "2026-12-03 09:15:08", "2026-12-03 09:18:08", "188", over.billsec ?? "180", over.disposition ?? "ANSWERED", "DOCUMENTATION", uniqueid, "",
  ].map((f) => `"${f.replaceAll('"', '""')}"`).join(",");

describe("CSV import of call records", () => {
  it("reads quoted CSV fields", () => {
    expect(csvFields('"a","b ""c""",,"d,e"')).toEqual(["a", 'b "c"', "", "d,e"]);
    expect(csvFields('"open')).toBeNull();
  });

  it("imports Asterisk's Master.csv: local times in the company's zone, the queue and extension from the channel", async () => {
    const before = await count();
    const file = [master("1764760500.1"), master("1764760500.2", { disposition: "NO ANSWER", billsec: "0" }), ""].join("\r\n");
    const preview = await importCallsCsv(t.db, { companyId: s.sp, stream: chunks(file), commit: false, now: NOW });
    expect(preview).toMatchObject({ format: "master", lines: 2, valid: 2, errorCount: 0, stored: 0 });
    expect(await count()).toBe(before);
    const done = await importCallsCsv(t.db, { companyId: s.sp, stream: chunks(file), commit: true, now: NOW });
    expect(done).toMatchObject({ valid: 2, stored: 2, duplicates: 0 });
    const [row] = await t.db
      .select({ startedAt: callRecords.startedAt, caller: callRecords.caller, queue: callRecords.queue, extension: callRecords.extension })
      .from(callRecords)
      .where(eq(callRecords.pbxId, "1764760500.1"));
    expect(row).toEqual({ startedAt: new Date("2026-12-03T12:15:00.000Z"), caller: "5511987654321", queue: "oficina", extension: "2002" });
    // Importing the same file again stores nothing twice.
    expect(await importCallsCsv(t.db, { companyId: s.sp, stream: chunks(file), commit: true, now: NOW })).toMatchObject({ stored: 0, duplicates: 2 });
  });

  it("names every bad line with its number and reason, and imports nothing from that file", async () => {
    const before = await count();
    const file = [
      "uniqueid,src,dst,start,answer,end,duration,billsec,disposition,queue",
      "h-1,11987654321,1140001000,2026-12-03 10:00:00,2026-12-03 10:00:05,2026-12-03 10:02:05,125,120,ANSWERED,oficina",
      "h-2,11987654321,1140001000,ontem,,2026-12-03 10:02:05,125,120,ANSWERED,oficina",
      "h-3,11987654321,1140001000,2026-12-03 10:00:00,,2026-12-03 10:02:05,125,120,HUNG UP,oficina",
      '"h-4,11987654321',
    ].join("\n");
    const report = await importCallsCsv(t.db, { companyId: s.sp, stream: chunks(file), commit: true, now: NOW });
    expect(report).toMatchObject({ format: "header", lines: 3, valid: 1, errorCount: 3, stored: 0 });
    expect(report.errors).toEqual([
      { line: 3, reason: "field", field: "start" },
      { line: 4, reason: "field", field: "disposition" },
      { line: 5, reason: "quote" },
    ]);
    expect(await count()).toBe(before);
    expect((await importCallsCsv(t.db, { companyId: s.sp, stream: chunks("a,b\n"), commit: true, now: NOW })).errors).toEqual([{ line: 1, reason: "columns", field: "2" }]);
  });

  it("streams 100,000 lines in one all-or-nothing import", async () => {
    const before = await count();
    async function* big() {
      const encoder = new TextEncoder();
      for (let i = 0; i < 100_000; i += 1000) {
        let text = "";
        for (let k = i; k < i + 1000; k++) text += `${master(`big.${k}`)}\n`;
        yield encoder.encode(text);
      }
    }
    const report = await importCallsCsv(t.db, { companyId: s.sp, stream: big(), commit: true, now: NOW });
    expect(report).toMatchObject({ lines: 100_000, valid: 100_000, errorCount: 0, stored: 100_000 });
    expect(await count()).toBe(before + 100_000);
  }, 120_000);
});
