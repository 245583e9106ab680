import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { customers } from "@/db/schema/customers";
import { companies } from "@/db/schema/org";
import type { CurrentUser } from "@/lib/auth/session";
import { createTestDb, type TestDb } from "@/test/db";

const state = vi.hoisted(() => ({ db: undefined as Db | undefined, user: null as CurrentUser | null }));
vi.mock("@/db/index", () => ({ getDb: () => state.db }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { saveCustomer } = await import("./actions");

let t: TestDb;
let companyId: string;

beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  [{ id: companyId }] = await t.db.insert(companies).values({ name: "Oficina" }).returning();
  state.user = {
    id: "00000000-0000-4000-8000-000000000001",
    name: "Admin",
    email: "admin@x.com",
    roleName: "Administrador",
    homeCompanyId: companyId,
    permissions: ["customers.manage"],
    companies: [{ id: companyId, name: "Oficina" }],
    companyId,
    companyIds: [companyId],
    can: (p) => p === "customers.manage",
  };
});
afterAll(() => t?.close());

describe("saveCustomer (the action, on a real database)", () => {
  it("saves a name and notes holding a NUL or a lone surrogate, without those characters", async () => {
    const result = await saveCustomer({ companyId, name: "Maria\u0000 Souza", notes: "Cliente \ud800antigo" });
    expect(result).toMatchObject({ ok: true });
    const id = (result as { data: { id: string } }).data.id;
    const [row] = await t.db.select().from(customers).where(eq(customers.id, id));
    expect(row).toMatchObject({ name: "Maria Souza", notes: "Cliente antigo" });
  });

  it("a name that is only a NUL is still a missing name", async () => {
    expect(await saveCustomer({ companyId, name: "\u0000" })).toEqual({ ok: false, error: "invalid_input", fieldErrors: { name: ["nameRequired"] } });
  });
});
