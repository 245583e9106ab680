import { describe, expect, it } from "vitest";
import { eachBatch } from "./batches";
import { BATCH_SIZE, emptyReport } from "./types";

const ids = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i).padStart(6, "0") }));

/** Candidates in id order after the cursor, like the jobs' queries. */
const fetchFrom = (rows: { id: string }[]) => async (cursor: string | null, size: number) =>
  rows.filter((r) => cursor === null || r.id > cursor).slice(0, size);

describe("eachBatch", () => {
  it("visits every candidate once, in batches of BATCH_SIZE, with at most two batches at work", async () => {
    const rows = ids(BATCH_SIZE * 3 + 7);
    const report = emptyReport();
    const seen: string[] = [];
    let busy = 0;
    let peak = 0;
    await eachBatch({ now: new Date(), trigger: "test" }, report, fetchFrom(rows), async (batch) => {
      busy++;
      peak = Math.max(peak, busy);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(...batch.map((b) => b.id));
      busy--;
    });
    expect(seen.sort()).toEqual(rows.map((r) => r.id));
    expect(report.considered).toBe(rows.length);
    expect(peak).toBe(2);
  });

  it("stops at the run's limit", async () => {
    const report = emptyReport();
    const seen: string[] = [];
    await eachBatch({ now: new Date(), trigger: "test", limit: BATCH_SIZE + 3 }, report, fetchFrom(ids(BATCH_SIZE * 2)), async (batch) => {
      seen.push(...batch.map((b) => b.id));
    });
    expect(seen).toHaveLength(BATCH_SIZE + 3);
    expect(report.considered).toBe(BATCH_SIZE + 3);
  });

  it("a failing batch stops the walk and its error reaches the caller after the other batch finished", async () => {
    const finished: number[] = [];
    let n = 0;
    const walk = eachBatch({ now: new Date(), trigger: "test" }, emptyReport(), fetchFrom(ids(BATCH_SIZE * 5)), async () => {
      const mine = n++;
      if (mine === 1) throw new Error("database down");
      await new Promise((r) => setTimeout(r, 20));
      finished.push(mine);
    });
    await expect(walk).rejects.toThrow("database down");
    expect(finished).toContain(0);
    expect(n).toBeLessThan(5);
  });
});
