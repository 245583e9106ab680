import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendas } from "@/db/schema/agendas";
import { assets, contacts, customers } from "@/db/schema/customers";
import { companies } from "@/db/schema/org";
import { resolveWorklistFilters } from "@/lib/agendas/resolve-filters";
import { worklistParamsSchema } from "@/lib/agendas/schema";
import { worklistRows, worklistTotals } from "@/lib/agendas/worklist";
import { createTestDb, type TestDb } from "@/test/db";
import { searchCustomers } from "./customers";

// The worklist and the customer list search the same way (issue 11, gaps: "Search").
const NOW = new Date("2026-12-02T12:00:00.000Z");
let t: TestDb;
let companyId: string;

beforeAll(async () => {
  t = await createTestDb();
  const [c, other] = await t.db.insert(companies).values([{ name: "Oficina" }, { name: "Outra" }]).returning();
  companyId = c.id;
  const people = await t.db
    .insert(customers)
    .values([
      { companyId, name: "Joana Prado", document: "52998224725" },
      { companyId, name: "Transportes Ribeiro Ltda", document: "11222333000181" },
      { companyId, name: "Marcos Lima" },
      // Same name in another company: never found from this one.
      { companyId: other.id, name: "Joana Prado Outra" },
    ])
    .returning();
  const [joana, ribeiro, marcos, foreign] = people;
  await t.db.insert(contacts).values([
    { customerId: marcos.id, name: "Marcos", mobile: "5511961032832" },
    { customerId: joana.id, name: "Joana", phone: "551133334444" },
  ]);
  await t.db.insert(assets).values([
    { customerId: ribeiro.id, kind: "vehicle", plate: "RIB4E21", model: "Hyundai HB20" },
    { customerId: joana.id, kind: "plan", planName: "Fibra 500" },
  ]);
  await t.db.insert(agendas).values(
    [joana, ribeiro, marcos, foreign].map((p) => ({
      companyId: p.companyId,
      customerId: p.id,
      contactDate: "2026-12-02",
      origin: "manual" as const,
      direction: "ativo" as const,
    })),
  );
});
afterAll(() => t?.close());

async function worklistNames(busca: string) {
  const viewer = { id: crypto.randomUUID(), companyId, companyIds: [companyId], canViewAllAgents: true };
  const f = resolveWorklistFilters(viewer, worklistParamsSchema.parse({ busca }), { now: NOW, timeZoneOf: () => "America/Sao_Paulo" });
  const rows = await worklistRows(t.db, f);
  expect((await worklistTotals(t.db, f)).all).toBe(rows.length);
  return rows.map((r) => r.customerName).sort();
}
async function listNames(q: string) {
  return (await searchCustomers(t.db, companyId, { q, page: 1 })).rows.map((r) => r.name).sort();
}

describe("search by name, CPF/CNPJ, phone and plate", () => {
  it.each([
    ["part of the name, any case", "joana", ["Joana Prado"]],
    ["a CPF as typed", "529.982.247-25", ["Joana Prado"]],
    ["the start of a CNPJ", "11.222.333", ["Transportes Ribeiro Ltda"]],
    ["a mobile as people write it", "(11) 96103-2832", ["Marcos Lima"]],
    ["the end of a landline", "3333-4444", ["Joana Prado"]],
    ["a plate with a dash and in lower case", "rib-4e21", ["Transportes Ribeiro Ltda"]],
    ["nothing that matches", "Zacarias", []],
  ])("%s (%s)", async (_, q, expected) => {
    expect(await worklistNames(q)).toEqual(expected);
    expect(await listNames(q)).toEqual(expected);
  });

  it("a blank search is no search", async () => {
    expect(await worklistNames("  ")).toEqual(["Joana Prado", "Marcos Lima", "Transportes Ribeiro Ltda"]);
  });
});
