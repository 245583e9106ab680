import bcrypt from "bcryptjs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMembers, roles, teamMembers, userCompanies, users } from "@/db/schema/org";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { loadUserAccess } from "@/lib/auth/load-user-access";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { listCompanies, saveCompany } from "./companies";
import { listQueues, saveQueue } from "./queues";
import { listRoles, saveRole } from "./roles";
import { companySchema, queueSchema, roleSchema, teamSchema, userSchema } from "./schema";
import { listTeams, saveTeam } from "./teams";
import { getUser, listUsers, saveUser } from "./users";

let t: TestDb;
let s: Seeded;
let admin: { userId: string; companyIds: string[] };

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { customers: 6, now: new Date("2026-03-02T12:00:00.000Z") });
  s = await seeded(t.db);
  admin = { userId: await s.userId("admin@atende.dev"), companyIds: [s.sp, s.cps, s.net] };
});
afterAll(() => t?.close());

/** Resolves with the UserError code a command threw (fails the test if it did not throw one). */
async function userErrorCode(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).code;
}

/** A user form as the admin screen sends it, parsed by the same schema the action uses. */
async function userForm(overrides: Record<string, unknown> = {}) {
  return userSchema.parse({
    name: "Nova Pessoa",
    email: "nova@atende.dev",
    password: "senha-forte-1",
    roleId: await s.roleId("Agente"),
    homeCompanyId: s.sp,
    companyIds: [],
    teamIds: [],
    queueIds: [],
    capacity: "3",
    active: "on",
    ...overrides,
  });
}

async function passwordHashOf(id: string) {
  const [row] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row.hash;
}

describe("saveUser", () => {
  it("creates a user with a bcrypt hash of the password, never the password itself", async () => {
    const { id } = await saveUser(t.db, await userForm({ email: "Criada@Atende.dev" }), admin);
    const hash = await passwordHashOf(id);
    expect(hash).not.toBe("senha-forte-1");
    expect(hash).toMatch(/^\$2[aby]\$/);
    expect(await bcrypt.compare("senha-forte-1", hash)).toBe(true);
    const user = await getUser(t.db, admin, id);
    expect(user).toMatchObject({ email: "criada@atende.dev", homeCompanyId: s.sp, companyIds: [s.sp], active: true });
  });

  it("refuses an e-mail already in use, whatever its case", async () => {
    const code = await userErrorCode(saveUser(t.db, await userForm({ email: "AGENTE@atende.DEV" }), admin));
    expect(code).toBe("email_taken");
    // Even bypassing the schema's lower-casing, the database's unique index catches it.
    const raw = { ...(await userForm()), email: "Agente@Atende.Dev" };
    expect(await userErrorCode(saveUser(t.db, raw, admin))).toBe("email_taken");
  });

  it("refuses granting a company outside the admin's own companies", async () => {
    const spAdmin = { userId: admin.userId, companyIds: [s.sp] };
    const input = await userForm({ email: "fora@atende.dev", companyIds: [s.net] });
    expect(await userErrorCode(saveUser(t.db, input, spAdmin))).toBe("forbidden");
    const home = await userForm({ email: "fora2@atende.dev", homeCompanyId: s.net });
    expect(await userErrorCode(saveUser(t.db, home, spAdmin))).toBe("forbidden");
    expect(await t.db.select().from(users).where(eq(users.email, "fora@atende.dev"))).toEqual([]);
  });

  it("keeps only teams and queues of the user's companies", async () => {
    const input = await userForm({
      email: "times@atende.dev",
      companyIds: [s.cps],
      teamIds: [await s.teamId("PA Pós-venda"), await s.teamId("PA Campinas"), await s.teamId("PA Suporte")],
      queueIds: [await s.queueId("Oficina Campinas"), await s.queueId("Suporte Técnico")],
    });
    const { id } = await saveUser(t.db, input, admin);
    const user = await getUser(t.db, admin, id);
    expect(user!.companyIds.sort()).toEqual([s.sp, s.cps].sort());
    expect(user!.teamIds.sort()).toEqual([await s.teamId("PA Pós-venda"), await s.teamId("PA Campinas")].sort());
    expect(user!.queueIds).toEqual([await s.queueId("Oficina Campinas")]);
  });

  it("answers a field error, and saves nothing, for a role, team or queue that does not exist", async () => {
    const missing = "00000000-0000-4000-8000-00000000dead";
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ roleId: missing }, { roleId: ["optionGone"] }],
      [{ teamIds: [await s.teamId("PA Pós-venda"), missing] }, { teamIds: ["optionGone"] }],
      [{ queueIds: [missing] }, { queueIds: ["optionGone"] }],
      [{ roleId: missing, teamIds: [missing], queueIds: [missing] }, { roleId: ["optionGone"], teamIds: ["optionGone"], queueIds: ["optionGone"] }],
    ];
    for (const [fields, fieldErrors] of cases) {
      const error = await saveUser(t.db, await userForm({ email: "ref@atende.dev", ...fields }), admin).catch((e: unknown) => e);
      expect(error, JSON.stringify(fields)).toMatchObject({ code: "invalid_input", fieldErrors });
    }
    expect(await t.db.select().from(users).where(eq(users.email, "ref@atende.dev"))).toEqual([]);

    const [{ id }] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "bruno@atende.dev"));
    const current = (await getUser(t.db, admin, id))!;
    const error = await saveUser(t.db, await userForm({ ...current, id, password: "", roleId: missing, capacity: "3", active: true }), admin).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "invalid_input", fieldErrors: { roleId: ["optionGone"] } });
    expect((await getUser(t.db, admin, id))!.roleId).toBe(current.roleId);
  });

  it("does not let an admin deactivate themselves", async () => {
    const self = await getUser(t.db, admin, admin.userId);
    const input = await userForm({ ...self, id: admin.userId, password: "", active: "", capacity: String(self!.capacity) });
    expect(await userErrorCode(saveUser(t.db, input, admin))).toBe("self_delete");
    const [row] = await t.db.select({ active: users.active }).from(users).where(eq(users.id, admin.userId));
    expect(row.active).toBe(true);
  });

  it("lets an admin deactivate someone else", async () => {
    const id = await s.userId("fabio@atende.dev");
    const current = await getUser(t.db, admin, id);
    await saveUser(t.db, await userForm({ ...current, id, password: "", active: false, capacity: "3" }), admin);
    expect(await loadUserAccess(t.db, id)).toBeNull();
  });

  it("keeps the old password hash when updating without a password", async () => {
    const id = await s.userId("bruno@atende.dev");
    const before = await passwordHashOf(id);
    const current = await getUser(t.db, admin, id);
    await saveUser(t.db, await userForm({ ...current, id, name: "Bruno B. Barbosa", password: "", capacity: "5", active: true }), admin);
    expect(await passwordHashOf(id)).toBe(before);
    expect(await getUser(t.db, admin, id)).toMatchObject({ name: "Bruno B. Barbosa", capacity: 5 });
  });

  it("replaces the hash when a new password is given", async () => {
    const id = await s.userId("carla@atende.dev");
    const current = await getUser(t.db, admin, id);
    await saveUser(t.db, await userForm({ ...current, id, password: "outra-senha-9", capacity: "3", active: true }), admin);
    expect(await bcrypt.compare("outra-senha-9", await passwordHashOf(id))).toBe(true);
  });

  it("does not touch memberships in companies the admin cannot see", async () => {
    // Diego works in São Paulo and Campinas; a São Paulo-only admin edits him.
    const id = await s.userId("diego@atende.dev");
    const spAdmin = { userId: admin.userId, companyIds: [s.sp] };
    const current = await getUser(t.db, spAdmin, id);
    await saveUser(t.db, await userForm({ ...current, id, password: "", companyIds: [], capacity: "3", active: true }), spAdmin);
    const after = await getUser(t.db, admin, id);
    expect(after!.companyIds.sort()).toEqual([s.sp, s.cps].sort());
    expect(after!.queueIds).toContain(await s.queueId("Oficina Campinas"));
  });
});

describe("listUsers", () => {
  it("never returns a password hash", async () => {
    const rows = await listUsers(t.db, admin);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    for (const row of rows) {
      expect(Object.keys(row)).not.toContain("passwordHash");
      expect(JSON.stringify(row)).not.toMatch(/\$2[aby]\$/);
    }
  });

  it("lists only users whose home company the admin may access", async () => {
    const rows = await listUsers(t.db, { companyIds: [s.net] });
    expect(rows.map((r) => r.homeCompanyName)).toEqual(rows.map(() => "Conecta Fibra Internet"));
    expect(rows.map((r) => r.email)).toContain("gisele@atende.dev");
    expect(rows.map((r) => r.email)).not.toContain("agente@atende.dev");
  });
});

describe("saveRole", () => {
  const allBut = (p: string) => PERMISSIONS.filter((x) => x !== p);

  it("refuses removing users.manage from the last role holding it", async () => {
    const id = await s.roleId("Administrador");
    const input = roleSchema.parse({ id, name: "Administrador", permissions: allBut("users.manage") });
    expect(await userErrorCode(saveRole(t.db, input))).toBe("last_admin");
    const [row] = await t.db.select({ permissions: roles.permissions }).from(roles).where(eq(roles.id, id));
    expect(row.permissions).toContain("users.manage");
  });

  it("allows it once another role holds users.manage", async () => {
    const supervisor = await s.roleId("Supervisor");
    const [sup] = await t.db.select().from(roles).where(eq(roles.id, supervisor));
    await saveRole(t.db, roleSchema.parse({ id: supervisor, name: "Supervisor", permissions: [...sup.permissions, "users.manage"] }));
    const adminRole = await s.roleId("Administrador");
    await saveRole(t.db, roleSchema.parse({ id: adminRole, name: "Administrador", permissions: allBut("users.manage") }));
    // Put things back for the other tests.
    await saveRole(t.db, roleSchema.parse({ id: adminRole, name: "Administrador", permissions: [...PERMISSIONS] }));
    await saveRole(t.db, roleSchema.parse({ id: supervisor, name: "Supervisor", permissions: sup.permissions }));
  });

  it("refuses a name already taken", async () => {
    const created = roleSchema.parse({ name: "Agente", permissions: ["tickets.handle"] });
    expect(await userErrorCode(saveRole(t.db, created))).toBe("name_taken");
    const renamed = roleSchema.parse({ id: await s.roleId("Recepcionista"), name: "Supervisor", permissions: ["reception.checkin"] });
    expect(await userErrorCode(saveRole(t.db, renamed))).toBe("name_taken");
  });

  it("creates a new role", async () => {
    const { id } = await saveRole(t.db, roleSchema.parse({ name: "Auditor", permissions: ["dashboard.view"] }));
    const [row] = await t.db.select().from(roles).where(eq(roles.id, id));
    expect(row).toMatchObject({ name: "Auditor", permissions: ["dashboard.view"] });
  });
});

describe("listRoles", () => {
  it("counts the users of each role", async () => {
    const rows = await listRoles(t.db);
    const count = (name: string) => rows.find((r) => r.name === name)?.userCount;
    expect(count("Recepcionista")).toBe(2);
    expect(count("Administrador")).toBe(1);
  });
});

describe("listTeams and listQueues", () => {
  it("count each team's and queue's members", async () => {
    const teams = await listTeams(t.db, { companyIds: [s.net] });
    expect(teams.find((r) => r.name === "PA Suporte")).toMatchObject({ memberCount: 4, isPa: true });
    const queues = await listQueues(t.db, { companyIds: [s.net] });
    expect(queues.find((r) => r.name === "Suporte Técnico")).toMatchObject({ memberCount: 4 });
    expect(queues.every((q) => q.companyName === "Conecta Fibra Internet")).toBe(true);
  });
});

describe("saveTeam and saveQueue", () => {
  it("keep only members who may work in the team's company", async () => {
    const elisa = await s.userId("elisa@atende.dev"); // Campinas
    const diego = await s.userId("diego@atende.dev"); // São Paulo + Campinas
    const gisele = await s.userId("gisele@atende.dev"); // Conecta only
    const input = teamSchema.parse({ companyId: s.cps, name: "PA Noturno", isPa: "on", memberIds: [elisa, diego, gisele] });
    const { id } = await saveTeam(t.db, input, admin);
    const members = await t.db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, id));
    expect(members.map((m) => m.id).sort()).toEqual([elisa, diego].sort());

    const queue = queueSchema.parse({ companyId: s.cps, name: "Retorno", memberIds: [gisele, elisa] });
    const saved = await saveQueue(t.db, queue, admin);
    const qm = await t.db.select({ id: queueMembers.userId }).from(queueMembers).where(eq(queueMembers.queueId, saved.id));
    expect(qm.map((m) => m.id)).toEqual([elisa]);
  });

  it("replace the members on update", async () => {
    const teamId = await s.teamId("PA Campinas");
    const paulo = await s.userId("paulo@atende.dev");
    await saveTeam(t.db, teamSchema.parse({ id: teamId, companyId: s.cps, name: "PA Campinas", isPa: true, memberIds: [paulo] }), admin);
    const members = await t.db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId));
    expect(members.map((m) => m.id)).toEqual([paulo]);
  });

  it("refuse a company outside the admin's companies", async () => {
    const spAdmin = { companyIds: [s.sp] };
    const team = teamSchema.parse({ companyId: s.net, name: "Invasores", isPa: "", memberIds: [] });
    expect(await userErrorCode(saveTeam(t.db, team, spAdmin))).toBe("forbidden");
    const queue = queueSchema.parse({ companyId: s.net, name: "Invasores", memberIds: [] });
    expect(await userErrorCode(saveQueue(t.db, queue, spAdmin))).toBe("forbidden");
  });

  it("refuse editing another company's team through an allowed company id", async () => {
    // The team belongs to Conecta; the admin only sees São Paulo and claims it is São Paulo's.
    const netTeam = await s.teamId("PA Suporte");
    const input = teamSchema.parse({ id: netTeam, companyId: s.sp, name: "Sequestrado", isPa: true, memberIds: [] });
    expect(await userErrorCode(saveTeam(t.db, input, { companyIds: [s.sp] }))).toBe("not_found");
    const gisele = await s.userId("gisele@atende.dev");
    const members = await t.db.select().from(teamMembers).where(and(eq(teamMembers.teamId, netTeam), eq(teamMembers.userId, gisele)));
    expect(members).toHaveLength(1);
  });
});

describe("saveCompany", () => {
  it("opens the new company to its creator", async () => {
    const input = companySchema.parse({
      name: "Horizonte Veículos — Oficina Santos",
      cnpj: "11.222.333/0001-81",
      timeZone: "America/Sao_Paulo",
      closeScriptRequired: "",
      active: "on",
    });
    const { id } = await saveCompany(t.db, input, admin);
    const access = await loadUserAccess(t.db, admin.userId);
    expect(access!.companies.map((c) => c.id)).toContain(id);
    const rows = await t.db.select().from(userCompanies).where(eq(userCompanies.companyId, id));
    expect(rows.map((r) => r.userId)).toEqual([admin.userId]);
    expect((await listCompanies(t.db, { companyIds: [...admin.companyIds, id] })).map((c) => c.id)).toContain(id);
  });

  it("refuses editing a company outside the admin's companies", async () => {
    const input = companySchema.parse({ id: s.net, name: "Renomeada", timeZone: "America/Sao_Paulo", closeScriptRequired: "", active: "on" });
    expect(await userErrorCode(saveCompany(t.db, input, { userId: admin.userId, companyIds: [s.sp] }))).toBe("not_found");
  });
});
