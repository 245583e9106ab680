import bcrypt from "bcryptjs";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { loginAccountAttempts, users } from "@/db/schema/org";
import { DEMO_PASSWORD, seed } from "@/db/seed";
import { fixedClock } from "@/lib/clock";
import { createTestDb, type TestDb } from "@/test/db";
import { MAX_ADDRESS_FAILURES, MAX_FAILURES_BEFORE_LOCK } from "./login-throttle";
import { verifyCredentials as verify, type CredentialsResult } from "./verify-credentials";

const T0 = new Date("2026-03-02T12:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const HOME = "198.51.100.7";
const STRANGER = "203.0.113.9";

let t: TestDb;

/** From the user's own address unless told otherwise. */
function verifyCredentials(db: TestDb["db"], input: { email: string; password: string; address?: string }, now: Date) {
  return verify(db, { address: HOME, ...input }, now);
}

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { customers: 6, now: fixedClock(T0).now() });
});
afterAll(() => t?.close());
afterEach(() => vi.restoreAllMocks());

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
    const [row] = await t.db
      .select()
      .from(loginAccountAttempts)
      .where(and(eq(loginAccountAttempts.email, email), eq(loginAccountAttempts.address, HOME)));
    expect(row).toBeUndefined();

    // …and the counter started over: one more mistake is only "invalid" again.
    expect(await verifyCredentials(t.db, { email, password: "errada" }, at(70))).toEqual({ ok: false, error: "invalid" });
  });

  it("grows the lock with each failure past the fifth", async () => {
    const email = "diego@atende.dev";
    let now = T0;
    const retries: number[] = [];
    for (let n = 1; n <= 11; n++) {
      const result = await verifyCredentials(t.db, { email, password: "errada" }, now);
      if (result.ok) throw new Error("signed in with a wrong password");
      if (result.error === "locked") {
        retries.push(result.retryAfterSeconds);
        now = new Date(now.getTime() + result.retryAfterSeconds * 1000 + 1000); // wait the lock out
      } else now = new Date(now.getTime() + 1000);
    }
    expect(retries).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });

  it("counts failures for unknown e-mails too, so guessing addresses is throttled", async () => {
    const email = "fantasma@atende.dev";
    let last;
    for (let n = 1; n <= MAX_FAILURES_BEFORE_LOCK; n++) last = await verifyCredentials(t.db, { email, password: "x" }, at(n));
    expect(last).toMatchObject({ ok: false, error: "locked" });
  });
});

describe("verifyCredentials under concurrent attempts", () => {
  it("lets at most five of 40 simultaneous wrong passwords reach the password check", async () => {
    const compare = vi.spyOn(bcrypt, "compare");
    const email = "elisa@atende.dev";
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) => verifyCredentials(t.db, { email, password: `errada${n}` }, at(1))),
    );
    expect(compare).toHaveBeenCalledTimes(MAX_FAILURES_BEFORE_LOCK);
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(results.filter((r) => !r.ok && r.error === "locked")).toHaveLength(40 - MAX_FAILURES_BEFORE_LOCK + 1);
    // Locked: the right password waits too.
    expect(await verifyCredentials(t.db, { email, password: DEMO_PASSWORD }, at(2))).toMatchObject({ ok: false, error: "locked" });
  });

  it("refuses the right password sent alongside 30 wrong ones that locked the account", async () => {
    const email = "fabio@atende.dev";
    // The wrong passwords' checks are held open, so the right one arrives while they are all in flight.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const realCompare = bcrypt.compare.bind(bcrypt);
    // The promise form of bcrypt.compare (the spy's type is its callback overload).
    const compare = vi.spyOn(bcrypt, "compare") as unknown as MockInstance<(password: string, hash: string) => Promise<boolean>>;
    compare.mockImplementation(async (password, hash) => {
      if (password !== DEMO_PASSWORD) await held;
      return realCompare(password, hash);
    });
    const wrong = Array.from({ length: 30 }, (_, n) => verifyCredentials(t.db, { email, password: `errada${n}` }, at(1)));
    await vi.waitFor(() => expect(compare).toHaveBeenCalledTimes(MAX_FAILURES_BEFORE_LOCK));
    const right = await verifyCredentials(t.db, { email, password: DEMO_PASSWORD }, at(1));
    release();
    const results: CredentialsResult[] = [...(await Promise.all(wrong)), right];

    expect(right).toMatchObject({ ok: false, error: "locked" });
    expect(results.some((r) => r.ok)).toBe(false);
    expect(compare).toHaveBeenCalledTimes(MAX_FAILURES_BEFORE_LOCK);
  });
});

describe("verifyCredentials per client address", () => {
  it("does not lock the user out of their own address for a stranger's failures", async () => {
    const email = "gisele@atende.dev";
    let last: CredentialsResult | undefined;
    for (let n = 1; n <= MAX_FAILURES_BEFORE_LOCK; n++) {
      last = await verifyCredentials(t.db, { email, password: `errada${n}`, address: STRANGER }, at(n));
    }
    expect(last).toMatchObject({ ok: false, error: "locked" });
    expect(await verifyCredentials(t.db, { email, password: DEMO_PASSWORD, address: STRANGER }, at(10))).toMatchObject({
      ok: false,
      error: "locked",
    });

    expect(await verifyCredentials(t.db, { email, password: DEMO_PASSWORD }, at(10))).toMatchObject({ ok: true, user: { email } });
  });

  it("throttles one address guessing across many accounts, and only that address", async () => {
    const address = "192.0.2.50";
    // Sign-ins with the right password from a shared address (an office) never count against it.
    for (let n = 0; n < MAX_ADDRESS_FAILURES + 5; n++) {
      expect(await verifyCredentials(t.db, { email: "supervisor@atende.dev", password: DEMO_PASSWORD, address }, at(900 + n))).toMatchObject({ ok: true });
    }
    const accounts = ["agente", "bruno", "carla", "diego", "paulo"].map((name) => `${name}@atende.dev`);
    const results: CredentialsResult[] = [];
    for (let n = 0; n < MAX_ADDRESS_FAILURES; n++) {
      // Never five on one account, so no account lock is involved.
      results.push(await verifyCredentials(t.db, { email: accounts[n % accounts.length], password: "errada", address }, at(1000 + n)));
    }
    expect(results.slice(0, -1).every((r) => !r.ok && r.error === "invalid")).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, error: "locked", retryAfterSeconds: 15 * 60 });

    const compare = vi.spyOn(bcrypt, "compare");
    expect(await verifyCredentials(t.db, { email: "hugo@atende.dev", password: DEMO_PASSWORD, address }, at(1100))).toMatchObject({
      ok: false,
      error: "locked",
    });
    expect(compare).not.toHaveBeenCalled();
    compare.mockRestore();

    expect(await verifyCredentials(t.db, { email: "hugo@atende.dev", password: DEMO_PASSWORD, address: "192.0.2.51" }, at(1100))).toMatchObject({ ok: true });
    // After the 15 minutes the address may try again.
    expect(await verifyCredentials(t.db, { email: "hugo@atende.dev", password: DEMO_PASSWORD, address }, at(1019 + 15 * 60 + 1))).toMatchObject({ ok: true });
  });
});
