import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAttempts, users } from "@/db/schema/org";
import { DEMO_PASSWORD, seed } from "@/db/seed";
import { fixedClock } from "@/lib/clock";
import { createTestDb, type TestDb } from "@/test/db";
import { lockMinutes, MAX_FAILURES_BEFORE_LOCK, verifyCredentials } from "./verify-credentials";

const T0 = new Date("2026-03-02T12:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { customers: 6, now: fixedClock(T0).now() });
});
afterAll(() => t?.close());

describe("verifyCredentials", () => {
  it("signs in with the right password", async () => {
    const result = await verifyCredentials(t.db, { email: "agente@atende.dev", password: DEMO_PASSWORD }, T0);
    expect(result).toMatchObject({ ok: true, user: { email: "agente@atende.dev", name: "Ana Agente" } });
  });

  it("reads the e-mail case-insensitively and ignores surrounding spaces", async () => {
    const result = await verifyCredentials(t.db, { email: "  Agente@ATENDE.dev ", password: DEMO_PASSWORD }, T0);
    expect(result).toMatchObject({ ok: true, user: { email: "agente@atende.dev" } });
  });

  it("refuses a wrong password with 'invalid'", async () => {
    expect(await verifyCredentials(t.db, { email: "bruno@atende.dev", password: "errada123" }, T0)).toEqual({
      ok: false,
      error: "invalid",
    });
  });

  it("refuses an unknown e-mail with the same 'invalid'", async () => {
    expect(await verifyCredentials(t.db, { email: "ninguem@atende.dev", password: DEMO_PASSWORD }, T0)).toEqual({
      ok: false,
      error: "invalid",
    });
  });

  it("refuses an inactive user even with the right password", async () => {
    await t.db.update(users).set({ active: false }).where(eq(users.email, "iara@atende.dev"));
    expect(await verifyCredentials(t.db, { email: "iara@atende.dev", password: DEMO_PASSWORD }, T0)).toEqual({
      ok: false,
      error: "invalid",
    });
  });

  it("locks after 5 failures, refuses even the right password while locked, and unlocks after the lock", async () => {
    const email = "carla@atende.dev";
    for (let n = 1; n < MAX_FAILURES_BEFORE_LOCK; n++) {
      expect(await verifyCredentials(t.db, { email, password: `errada${n}` }, at(n))).toEqual({ ok: false, error: "invalid" });
    }
    const fifth = await verifyCredentials(t.db, { email, password: "errada5" }, at(5));
    expect(fifth).toEqual({ ok: false, error: "locked", retryAfterSeconds: 60 });

    // 20 s later: still locked for ~40 s, and the right password does not get through.
    const whileLocked = await verifyCredentials(t.db, { email: "CARLA@atende.dev", password: DEMO_PASSWORD }, at(25));
    expect(whileLocked).toEqual({ ok: false, error: "locked", retryAfterSeconds: 40 });

    // After the minute: the right password works…
    const after = await verifyCredentials(t.db, { email, password: DEMO_PASSWORD }, at(5 + 61));
    expect(after).toMatchObject({ ok: true, user: { email } });
    const [row] = await t.db.select().from(loginAttempts).where(eq(loginAttempts.email, email));
    expect(row).toBeUndefined();

    // …and the counter started over: one more mistake is only "invalid" again.
    expect(await verifyCredentials(t.db, { email, password: "errada" }, at(70))).toEqual({ ok: false, error: "invalid" });
  });

  it("grows the lock with each failure past the fifth", async () => {
    const email = "diego@atende.dev";
    let now = T0;
    const retries: number[] = [];
    for (let n = 1; n <= 8; n++) {
      const result = await verifyCredentials(t.db, { email, password: "errada" }, now);
      if (result.ok) throw new Error("signed in with a wrong password");
      if (result.error === "locked") {
        retries.push(result.retryAfterSeconds);
        now = new Date(now.getTime() + result.retryAfterSeconds * 1000 + 1000); // wait the lock out
      } else now = new Date(now.getTime() + 1000);
    }
    expect(retries).toEqual([60, 120, 240, 480]);
  });

  it("counts failures for unknown e-mails too, so guessing addresses is throttled", async () => {
    const email = "fantasma@atende.dev";
    let last;
    for (let n = 1; n <= MAX_FAILURES_BEFORE_LOCK; n++) last = await verifyCredentials(t.db, { email, password: "x" }, at(n));
    expect(last).toMatchObject({ ok: false, error: "locked" });
  });
});

describe("lockMinutes", () => {
  it("is 0 below five failures, then 1, 2, 4, 8, 15, 15", () => {
    expect([0, 1, 2, 3, 4].map(lockMinutes)).toEqual([0, 0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10].map(lockMinutes)).toEqual([1, 2, 4, 8, 15, 15]);
    expect(lockMinutes(40)).toBe(15);
  });
});
