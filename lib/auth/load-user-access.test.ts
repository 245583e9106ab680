import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies, roles, userCompanies, users } from "@/db/schema/org";
import { seed } from "@/db/seed";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { SEEDED_ROLES } from "./permissions";
import { loadUserAccess } from "./load-user-access";

let t: TestDb;
let s: Seeded;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { customers: 6, now: new Date("2026-03-02T12:00:00.000Z") });
  s = await seeded(t.db);
});
afterAll(() => t?.close());

describe("loadUserAccess", () => {
  it("returns the role's permissions and the user's companies from the database", async () => {
    const access = await loadUserAccess(t.db, await s.userId("diego@atende.dev"));
    expect(access).toMatchObject({ email: "diego@atende.dev", roleName: "Agente", homeCompanyId: s.sp });
    expect(access!.permissions.sort()).toEqual([...SEEDED_ROLES.find((r) => r.name === "Agente")!.permissions].sort());
    expect(access!.companies.map((c) => c.id).sort()).toEqual([s.sp, s.cps].sort());
  });

  it("reflects a role change on the next call", async () => {
    const userId = await s.userId("agente@atende.dev");
    expect((await loadUserAccess(t.db, userId))!.permissions).not.toContain("dashboard.view");

    await t.db
      .update(roles)
      .set({ permissions: ["agendas.view", "tickets.handle", "customers.manage", "dashboard.view"] })
      .where(eq(roles.name, "Agente"));
    expect((await loadUserAccess(t.db, userId))!.permissions).toContain("dashboard.view");

    await t.db.update(roles).set({ permissions: ["reception.checkin"] }).where(eq(roles.name, "Agente"));
    expect((await loadUserAccess(t.db, userId))!.permissions).toEqual(["reception.checkin"]);
  });

  it("drops permission strings the app does not know", async () => {
    await t.db.update(roles).set({ permissions: ["reception.checkin", "root.everything"] }).where(eq(roles.name, "Recepcionista"));
    expect((await loadUserAccess(t.db, await s.userId("recepcao@atende.dev")))!.permissions).toEqual(["reception.checkin"]);
  });

  it("reflects a company granted or removed on the next call", async () => {
    const userId = await s.userId("elisa@atende.dev");
    expect((await loadUserAccess(t.db, userId))!.companies.map((c) => c.id)).toEqual([s.cps]);
    await t.db.insert(userCompanies).values({ userId, companyId: s.net });
    expect((await loadUserAccess(t.db, userId))!.companies.map((c) => c.id).sort()).toEqual([s.cps, s.net].sort());
  });

  it("leaves out inactive companies", async () => {
    const userId = await s.userId("admin@atende.dev");
    expect((await loadUserAccess(t.db, userId))!.companies).toHaveLength(3);
    await t.db.update(companies).set({ active: false }).where(eq(companies.id, s.net));
    expect((await loadUserAccess(t.db, userId))!.companies.map((c) => c.id)).not.toContain(s.net);
    await t.db.update(companies).set({ active: true }).where(eq(companies.id, s.net));
  });

  it("returns null for an inactive user", async () => {
    const userId = await s.userId("hugo@atende.dev");
    expect(await loadUserAccess(t.db, userId)).not.toBeNull();
    await t.db.update(users).set({ active: false }).where(eq(users.id, userId));
    expect(await loadUserAccess(t.db, userId)).toBeNull();
  });

  it("returns null for an unknown user", async () => {
    expect(await loadUserAccess(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
