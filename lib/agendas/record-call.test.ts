import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendas } from "@/db/schema/agendas";
import { customers } from "@/db/schema/customers";
import { companies, roles, users } from "@/db/schema/org";
import { createTestDb, type TestDb } from "@/test/db";
import { recordCall } from "./record-call";
import { resolveWorklistFilters } from "./resolve-filters";
import { outcomeSchema, worklistParamsSchema } from "./schema";
import { worklistRows, worklistTotals } from "./worklist";

// Wednesday 2026-12-02, 09:00 in São Paulo; a company in Manaus (UTC−4) beside it.
const NOW = new Date("2026-12-02T12:00:00.000Z");

let t: TestDb;
let companyId: string;
let manausId: string;
let alice: string;

beforeAll(async () => {
  t = await createTestDb();
  const [role] = await t.db.insert(roles).values({ name: "Agente" }).returning();
  const [sp, manaus] = await t.db
    .insert(companies)
    .values([{ name: "Oficina SP" }, { name: "Oficina Manaus", timeZone: "America/Manaus" }])
    .returning();
  companyId = sp.id;
  manausId = manaus.id;
  [{ id: alice }] = await t.db
    .insert(users)
    .values({ name: "Alice", email: "alice@atende.test", passwordHash: "x", roleId: role.id, homeCompanyId: sp.id })
    .returning();
});
afterAll(() => t?.close());

async function newAgenda(name: string, contactDate = "2026-12-02", company = companyId) {
  const [customer] = await t.db.insert(customers).values({ companyId: company, name }).returning();
  const [row] = await t.db
    .insert(agendas)
    .values({ companyId: company, customerId: customer.id, agentId: alice, contactDate, origin: "manual", direction: "ativo" })
    .returning();
  return row.id;
}

const ctx = (company = companyId) => ({ userId: alice, companyIds: [company], canViewAllAgents: true, now: NOW });
const askCallBack = (agendaId: string, callbackAt: string, company = companyId) =>
  recordCall(t.db, outcomeSchema.parse({ agendaId, outcome: "pediu_ligar", callbackAt }), ctx(company));

function view(params: Record<string, string>, company = companyId) {
  const viewer = { id: alice, companyId: company, companyIds: [company], canViewAllAgents: true };
  const zone = company === manausId ? "America/Manaus" : "America/Sao_Paulo";
  return resolveWorklistFilters(viewer, worklistParamsSchema.parse(params), { now: NOW, timeZoneOf: () => zone });
}
const names = async (params: Record<string, string>, company = companyId) =>
  (await worklistRows(t.db, view(params, company))).map((r) => r.customerName);

describe("Pediu para ligar in the worklist (issue 11, item 7)", () => {
  it("a call-back for tomorrow moves the agenda from Hoje to Amanhã, with its time on the row", async () => {
    const id = await newAgenda("Paula Retorno");
    await askCallBack(id, "2026-12-03T10:30");

    expect(await names({ agenda: "hoje" })).not.toContain("Paula Retorno");
    const tomorrow = await worklistRows(t.db, view({ agenda: "amanha" }));
    const row = tomorrow.find((r) => r.customerName === "Paula Retorno");
    expect(row?.status).toBe("pediu_ligar");
    expect(row?.callbackAt?.toISOString()).toBe("2026-12-03T13:30:00.000Z");
    expect((await worklistTotals(t.db, view({ agenda: "amanha" }))).pediu_ligar).toBe(1);
    expect((await worklistTotals(t.db, view({ agenda: "hoje" }))).pediu_ligar).toBe(0);
  });

  it("the day is the company's: 22:30 in Manaus is already the next day in UTC, still the 3rd there", async () => {
    const id = await newAgenda("Marcos Manaus", "2026-12-02", manausId);
    await askCallBack(id, "2026-12-03T22:30", manausId);
    const [row] = await t.db.select({ contactDate: agendas.contactDate }).from(agendas).where(eq(agendas.id, id));
    expect(row.contactDate).toBe("2026-12-03");
  });

  it("the Pediu para ligar totalizer lists the day's call-backs by their time, those without one last", async () => {
    const late = await newAgenda("Tarde Cliente");
    const early = await newAgenda("Cedo Cliente");
    await askCallBack(late, "2026-12-04T16:00");
    await askCallBack(early, "2026-12-04T08:15");
    // Asked through the chatbot ("Prefiro que me liguem"): no time, filed under its contact date.
    const [c] = await t.db.insert(customers).values({ companyId, name: "Sem Hora" }).returning();
    await t.db
      .insert(agendas)
      .values({ companyId, customerId: c.id, agentId: alice, contactDate: "2026-12-04", origin: "manual", direction: "ativo", status: "pediu_ligar" });

    const period = { agenda: "periodo", de: "2026-12-04", ate: "2026-12-04", total: "pediu_ligar" };
    expect(await names(period)).toEqual(["Cedo Cliente", "Tarde Cliente", "Sem Hora"]);
    expect(await names({ ...period, dir: "desc" })).toEqual(["Tarde Cliente", "Cedo Cliente", "Sem Hora"]);
  });

  it("another outcome leaves the contact date alone", async () => {
    const id = await newAgenda("Rita Recusa", "2026-11-30");
    await recordCall(t.db, outcomeSchema.parse({ agendaId: id, outcome: "recusou", reason: "Vendeu o carro" }), ctx());
    const [row] = await t.db.select({ contactDate: agendas.contactDate }).from(agendas).where(eq(agendas.id, id));
    expect(row.contactDate).toBe("2026-11-30");
  });
});
