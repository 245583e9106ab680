import bcrypt from "bcryptjs";
import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/db";
import { normalizePhone } from "@/lib/customers/phone";
import { agendas, appointments } from "./schema/agendas";
import { assets, contacts, customers, serviceOrders } from "./schema/customers";
import { companies, queueMembers, queues, roles, teamMembers, teams, userCompanies, users } from "./schema/org";
import { DEMO_PASSWORD, DEMO_USERS, seed } from "./seed";
import { callRecords, scriptVersions } from "./schema/phone";
import { validateScript, type ScriptDefinition } from "@/lib/phone/script-engine";

const NOW = new Date("2026-03-02T12:00:00.000Z");

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  const summary = await seed(t.db, { now: NOW, customers: 30 });
  expect(summary).toMatchObject({ companies: 3, users: 15, customers: 30 });
  // Ten agendas per customer over the period, plus today's bookings for the front desk.
  expect(summary!.agendas).toBe(310);
  expect(summary!.appointments).toBeGreaterThan(0);
});
afterAll(() => t?.close());

async function counts(db: TestDb["db"]) {
  const n = async (table: PgTable) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  return {
    companies: await n(companies),
    roles: await n(roles),
    users: await n(users),
    userCompanies: await n(userCompanies),
    teams: await n(teams),
    teamMembers: await n(teamMembers),
    queues: await n(queues),
    queueMembers: await n(queueMembers),
    customers: await n(customers),
    contacts: await n(contacts),
    assets: await n(assets),
    serviceOrders: await n(serviceOrders),
  };
}

async function customerList(db: TestDb["db"]) {
  return db
    .select({ company: companies.name, name: customers.name, document: customers.document })
    .from(customers)
    .innerJoin(companies, eq(companies.id, customers.companyId))
    .orderBy(asc(customers.document));
}

describe("seed", () => {
  it("creates 3 companies, 15 users and the 4 roles", async () => {
    const c = await counts(t.db);
    expect(c).toMatchObject({ companies: 3, users: 15, roles: 4, customers: 30 });
    const roleNames = (await t.db.select({ name: roles.name }).from(roles)).map((r) => r.name).sort();
    expect(roleNames).toEqual(["Administrador", "Agente", "Recepcionista", "Supervisor"]);
  });

  it("gives scheduled_actions.create to Administrador only", async () => {
    const holders = await t.db
      .select({ name: roles.name })
      .from(roles)
      .where(sql`'scheduled_actions.create' = any(${roles.permissions})`);
    expect(holders.map((r) => r.name)).toEqual(["Administrador"]);
  });

  it("creates at least 3 PA teams, each with members", async () => {
    const pa = await t.db
      .select({ id: teams.id, members: sql<number>`(select count(*)::int from ${teamMembers} where ${teamMembers.teamId} = ${teams.id})` })
      .from(teams)
      .where(eq(teams.isPa, true));
    expect(pa.length).toBeGreaterThanOrEqual(3);
    for (const team of pa) expect(team.members).toBeGreaterThan(0);
  });

  it("every user works in their home company", async () => {
    const rows = await t.db
      .select({ email: users.email })
      .from(users)
      .where(
        sql`not exists (select 1 from ${userCompanies} where ${userCompanies.userId} = ${users.id} and ${userCompanies.companyId} = ${users.homeCompanyId})`,
      );
    expect(rows).toEqual([]);
  });

  it("gives every customer at least one contact with Cargo, Fone, Fax, Celular or E-mail", async () => {
    const rows = await t.db
      .select({
        customerId: customers.id,
        position: contacts.position,
        phone: contacts.phone,
        fax: contacts.fax,
        mobile: contacts.mobile,
        email: contacts.email,
      })
      .from(customers)
      .leftJoin(contacts, eq(contacts.customerId, customers.id));
    const reachable = new Set(
      rows.filter((r) => [r.position, r.phone, r.fax, r.mobile, r.email].some((v) => v?.trim())).map((r) => r.customerId),
    );
    const customerIds = new Set(rows.map((r) => r.customerId));
    expect(customerIds.size).toBe(30);
    expect([...customerIds].filter((id) => !reachable.has(id))).toEqual([]);
  });

  it("stores contact phones as valid E.164 digits", async () => {
    const rows = await t.db.select({ phone: contacts.phone, mobile: contacts.mobile }).from(contacts);
    for (const r of rows) {
      for (const v of [r.phone, r.mobile]) if (v) expect(normalizePhone(`+${v}`)).toBe(v);
    }
  });

  it("stores a bcrypt hash, never the demo password itself", async () => {
    const rows = await t.db.select({ email: users.email, hash: users.passwordHash }).from(users);
    expect(rows).toHaveLength(DEMO_USERS.length);
    for (const row of rows) {
      expect(row.hash).not.toBe(DEMO_PASSWORD);
      expect(row.hash).toMatch(/^\$2[aby]\$10\$/);
    }
    expect(await bcrypt.compare(DEMO_PASSWORD, rows[0].hash)).toBe(true);
  });

  it("does nothing when run again on the same database", async () => {
    const before = await counts(t.db);
    expect(await seed(t.db, { now: NOW, customers: 30 })).toBeNull();
    expect(await counts(t.db)).toEqual(before);
  });

  it("leaves work for Automação: automatic agendas of today not sent yet, and a booking of two days ago nobody checked in", async () => {
    // 15 São Paulo customers: the ten booked today at the front desk, then these.
    const other = await createTestDb();
    try {
      await seed(other.db, { now: NOW, customers: 45, agendas: 0 });
      const waiting = await other.db
        .select({ contactDate: agendas.contactDate })
        .from(agendas)
        .where(and(eq(agendas.origin, "automatica"), eq(agendas.status, "pendente"), eq(agendas.whatsappState, "nao_enviado"), isNull(agendas.whatsappReason)));
      expect(waiting).toEqual(Array(3).fill({ contactDate: "2026-03-02" }));
      const missed = await other.db
        .select({ startsAt: appointments.startsAt, status: appointments.status, agendaStatus: agendas.status })
        .from(appointments)
        .innerJoin(agendas, eq(agendas.id, appointments.agendaId))
        // Before today (midnight in São Paulo): 10:00 two days before.
        .where(lt(appointments.startsAt, new Date("2026-03-02T03:00:00.000Z")));
      expect(missed).toEqual([{ startsAt: new Date("2026-02-28T13:00:00.000Z"), status: "confirmado", agendaStatus: "agendou" }]);
    } finally {
      await other.close();
    }
  });

  it("marks no appointment still to come as No-show (issue 11, item 4)", async () => {
    const future = await t.db
      .select({ startsAt: appointments.startsAt })
      .from(appointments)
      .where(and(eq(appointments.status, "no_show"), sql`${appointments.startsAt} > ${NOW.toISOString()}::timestamptz`));
    expect(future).toEqual([]);
    const noShows = await t.db.select({ id: appointments.id }).from(appointments).where(eq(appointments.status, "no_show"));
    expect(noShows.length).toBeGreaterThan(0);
  });

  it("gives a car owner only workshop orders and a plan's customer only the provider's (no router on an HB20's card)", async () => {
    const rows = await t.db
      .select({ kind: assets.kind, description: serviceOrders.description })
      .from(serviceOrders)
      .innerJoin(assets, eq(assets.id, serviceOrders.assetId));
    const internet = /roteador|sinal|fibra|instalação|plano/i;
    expect(rows.some((r) => r.kind === "vehicle")).toBe(true);
    expect(rows.some((r) => r.kind === "plan")).toBe(true);
    expect(rows.filter((r) => r.kind === "vehicle" && internet.test(r.description ?? ""))).toEqual([]);
    expect(rows.filter((r) => r.kind === "plan" && !internet.test(r.description ?? ""))).toEqual([]);
  });

  it("files each call-back under its own day, as recording one does", async () => {
    const rows = await t.db
      .select({ contactDate: agendas.contactDate, day: sql<string>`to_char(${agendas.callbackAt} at time zone 'America/Sao_Paulo', 'YYYY-MM-DD')` })
      .from(agendas)
      .where(eq(agendas.status, "pediu_ligar"));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.day).toBe(r.contactDate);
  });

  it("is deterministic: a second fresh database gets the same customers", async () => {
    const other = await createTestDb();
    try {
      await seed(other.db, { now: new Date("2027-01-01T00:00:00.000Z"), customers: 30 });
      const mine = await customerList(t.db);
      expect(mine).toHaveLength(30);
      expect(await customerList(other.db)).toEqual(mine);
    } finally {
      await other.close();
    }
  });
});

describe("the front desk of a demo started late in the evening", () => {
  // 23:20 in São Paulo: a day of bookings at office hours would all be past and swept by now.
  const LATE = new Date("2026-03-03T02:20:00.000Z");
  let late: TestDb;
  beforeAll(async () => {
    late = await createTestDb();
    await seed(late.db, { now: LATE, customers: 30 });
  });
  afterAll(() => late?.close());

  it("still has today's bookings that started minutes ago and bookings to come, all on today's date", async () => {
    const dayStart = new Date("2026-03-02T03:00:00.000Z");
    const dayEnd = new Date("2026-03-03T03:00:00.000Z");
    const rows = await late.db
      .select({ startsAt: appointments.startsAt })
      .from(appointments)
      .where(and(sql`${appointments.startsAt} >= ${dayStart.toISOString()}::timestamptz`, lt(appointments.startsAt, dayEnd)));
    const times = rows.map((r) => r.startsAt.getTime());
    expect(times.length).toBeGreaterThanOrEqual(10);
    const started = times.filter((t) => t <= LATE.getTime() && LATE.getTime() - t < 60 * 60_000);
    // Started within the sweep's 60-minute tolerance, so the receptionist can still mark them.
    expect(started.length).toBeGreaterThanOrEqual(4);
    expect(times.some((t) => t > LATE.getTime())).toBe(true);
  });
});

describe("the demo phone data", () => {
  it("has weeks of São Paulo calls, some from numbers no contact has, each PBX id once", async () => {
    const sp = (await t.db.select({ id: companies.id }).from(companies).where(sql`${companies.name} like '%São Paulo%'`))[0].id;
    const calls = await t.db
      .select({ caller: callRecords.caller, pbxId: callRecords.pbxId, startedAt: callRecords.startedAt, disposition: callRecords.disposition })
      .from(callRecords)
      .where(eq(callRecords.companyId, sp));
    expect(calls.length).toBeGreaterThanOrEqual(50);
    const days = calls.map((c) => (NOW.getTime() - c.startedAt.getTime()) / 86_400_000);
    expect(Math.max(...days)).toBeGreaterThan(14);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(0);
    expect(new Set(calls.map((c) => c.pbxId)).size).toBe(calls.length);
    expect(new Set(calls.map((c) => c.disposition))).toContain("NO ANSWER");
    const known = new Set(
      (await t.db.select({ mobile: contacts.mobile, phone: contacts.phone }).from(contacts)).flatMap((c) => [c.mobile, c.phone]),
    );
    const unknown = calls.filter((c) => !known.has(c.caller));
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.length).toBeLessThan(calls.length);
  });

  it("has a valid demo script with a branch for São Paulo and Conecta Fibra", async () => {
    const rows = await t.db.select({ definition: scriptVersions.definition, version: scriptVersions.version }).from(scriptVersions);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const def = row.definition as ScriptDefinition;
      expect(validateScript(def)).toEqual([]);
      expect(def.questions.some((q) => new Set(q.options.map((o) => o.next)).size > 1)).toBe(true);
    }
  });
});
