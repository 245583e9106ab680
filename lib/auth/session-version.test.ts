import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seed } from "@/db/seed";
import { userSchema } from "@/lib/org/schema";
import { getUser, saveUser } from "@/lib/org/users";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { currentSessionVersion, revokeSessions } from "./session-version";
import { verifyCredentials } from "./verify-credentials";

const NOW = new Date("2026-03-02T12:00:00.000Z");
let t: TestDb;
let s: Seeded;
let admin: { userId: string; companyIds: string[] };

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { customers: 6, now: NOW });
  s = await seeded(t.db);
  admin = { userId: await s.userId("admin@atende.dev"), companyIds: [s.sp, s.cps, s.net] };
});
afterAll(() => t?.close());

/** The session version a sign-in puts in the token. */
async function signIn(email: string) {
  const result = await verifyCredentials(t.db, { email, password: DEMO_PASSWORD, address: "198.51.100.7" }, NOW);
  if (!result.ok) throw new Error(`could not sign in as ${email}`);
  return { userId: result.user.id, version: result.user.sessionVersion };
}

/** Saves the user as the admin screen does, with the changes given. */
async function edit(userId: string, changes: Record<string, unknown>) {
  const current = await getUser(t.db, admin, userId);
  const input = userSchema.parse({ ...current, id: userId, password: "", capacity: String(current!.capacity), active: "on", ...changes });
  await saveUser(t.db, input, admin);
}

describe("session revocation", () => {
  it("logout ends the session: the token's version is no longer the user's", async () => {
    const session = await signIn("agente@atende.dev");
    expect(await currentSessionVersion(t.db, session.userId)).toBe(session.version);
    await revokeSessions(t.db, session.userId);
    expect(await currentSessionVersion(t.db, session.userId)).not.toBe(session.version);
    // A new sign-in carries the new version.
    expect((await signIn("agente@atende.dev")).version).toBe(await currentSessionVersion(t.db, session.userId));
  });

  it("a new password ends the sessions opened before it; other edits do not", async () => {
    const session = await signIn("bruno@atende.dev");
    await edit(session.userId, { name: "Bruno Barbosa" });
    expect(await currentSessionVersion(t.db, session.userId)).toBe(session.version);
    await edit(session.userId, { password: "outra-senha-123" });
    expect(await currentSessionVersion(t.db, session.userId)).not.toBe(session.version);
  });

  it("deactivation ends them, and reactivating the user does not bring them back", async () => {
    const session = await signIn("carla@atende.dev");
    await edit(session.userId, { active: "" });
    expect(await currentSessionVersion(t.db, session.userId)).toBeNull();
    await edit(session.userId, {});
    expect(await currentSessionVersion(t.db, session.userId)).not.toBe(session.version);
  });
});
