import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendas, campaigns, programs } from "@/db/schema/agendas";
import { customers } from "@/db/schema/customers";
import { companies, roles, teamMembers, teams, users } from "@/db/schema/org";
import { createTestDb, type TestDb } from "@/test/db";
import { resolveWorklistFilters } from "./resolve-filters";
import { worklistParamsSchema } from "./schema";
import { TOTALIZERS, totalizerOf, type Totalizer } from "./totalizers";
import { WORKLIST_PAGE_SIZE, getWorklist, worklistRows, worklistTotals, type WorklistFilters } from "./worklist";

/*
 * Our own small, fully known data set (no random demo seed), so every count below is exact.
 * "Now" is 2026-11-22 12:00 in São Paulo.
 */
const NOW = new Date("2026-11-22T15:00:00.000Z");
const TODAY = "2026-11-22";
const DATES = [
  "2026-11-22", // hoje
  "2026-11-21", // ontem
  "2026-11-23", // amanhã
  "2026-11-17", // últimos 7
  "2026-11-16", // últimos 7 (first day)
  "2026-11-15", // just outside últimos 7
  "2026-11-01", // este mês (first day)
  "2026-10-31", // last month
  "2026-11-30", // este mês (last day)
  "2026-12-01", // next month
] as const;
const STATUSES = ["pendente", "recusou", "pediu_ligar", "agendou", "nao_respondeu", "no_show", "concluido"] as const;
const MAIN_COUNT = 140;

type Spec = {
  id: string;
  companyId: string;
  contactDate: string;
  status: (typeof STATUSES)[number];
  direction: "ativo" | "passivo";
  origin: "automatica" | "manual";
  agentId: string;
  teamId: string;
  campaignId: string | null;
  customerName: string;
  agentName: string;
};

let t: TestDb;
const ids = {} as {
  companyA: string;
  companyB: string;
  companyManaus: string;
  companyTiny: string;
  alice: string;
  bruno: string;
  carla: string;
  supervisor: string;
  teamPa: string;
  teamPa2: string;
  camp1: string;
  camp2: string;
  campB: string;
};
const specs: Spec[] = [];
const timeZones = new Map<string, string>();
const timeZoneOf = (companyId: string) => timeZones.get(companyId)!;

beforeAll(async () => {
  t = await createTestDb();
  const db = t.db;
  const [role] = await db.insert(roles).values({ name: "Agente", permissions: [] }).returning();
  const [a, b, m, tiny] = await db
    .insert(companies)
    .values([
      { name: "Oficina A", timeZone: "America/Sao_Paulo" },
      { name: "Oficina B", timeZone: "America/Sao_Paulo" },
      { name: "Oficina Manaus", timeZone: "America/Manaus" },
      { name: "Oficina Pequena", timeZone: "America/Sao_Paulo" },
    ])
    .returning();
  for (const c of [a, b, m, tiny]) timeZones.set(c.id, c.timeZone);
  Object.assign(ids, { companyA: a.id, companyB: b.id, companyManaus: m.id, companyTiny: tiny.id });

  const userRows = await db
    .insert(users)
    .values(
      ["Alice Agente", "Bruno Agente", "Carla Agente", "Sofia Supervisora"].map((name, i) => ({
        name,
        email: `u${i}@atende.test`,
        passwordHash: "x",
        roleId: role.id,
        homeCompanyId: a.id,
      })),
    )
    .returning();
  const [alice, bruno, carla, supervisor] = userRows;
  Object.assign(ids, { alice: alice.id, bruno: bruno.id, carla: carla.id, supervisor: supervisor.id });

  const [teamPa, teamPa2, teamB] = await db
    .insert(teams)
    .values([
      { companyId: a.id, name: "PA Revisão", isPa: true },
      { companyId: a.id, name: "PA Recall", isPa: true },
      { companyId: b.id, name: "PA B", isPa: true },
    ])
    .returning();
  ids.teamPa = teamPa.id;
  ids.teamPa2 = teamPa2.id;
  await db.insert(teamMembers).values([
    { teamId: teamPa.id, userId: alice.id },
    { teamId: teamPa.id, userId: bruno.id },
    { teamId: teamPa2.id, userId: carla.id },
    { teamId: teamB.id, userId: alice.id },
  ]);

  const [camp1, camp2, campB] = await db
    .insert(campaigns)
    .values([
      { companyId: a.id, name: "Revisão 2026" },
      { companyId: a.id, name: "Recall Airbag" },
      { companyId: b.id, name: "Campanha B" },
    ])
    .returning();
  Object.assign(ids, { camp1: camp1.id, camp2: camp2.id, campB: campB.id });
  const [program] = await db
    .insert(programs)
    .values({ companyId: a.id, campaignId: camp1.id, name: "Revisão 12 meses", noReplyDays: 4 })
    .returning();

  // Customers: fixed-width names, so the order is the same under any collation, and scrambled
  // relative to the insertion order (53 is coprime with the count).
  const customerRows = await db
    .insert(customers)
    .values(
      Array.from({ length: MAIN_COUNT }, (_, i) => ({
        companyId: a.id,
        name: `Cliente ${String((i * 53) % MAIN_COUNT).padStart(3, "0")}`,
      })),
    )
    .returning();
  const [custB] = await db.insert(customers).values({ companyId: b.id, name: "Cliente B" }).returning();
  const [custM] = await db.insert(customers).values({ companyId: m.id, name: "Cliente Manaus" }).returning();
  const [custTiny] = await db.insert(customers).values({ companyId: tiny.id, name: "Cliente Pequeno" }).returning();

  const agents = [
    { id: alice.id, name: alice.name, teamId: teamPa.id },
    { id: bruno.id, name: bruno.name, teamId: teamPa.id },
    { id: carla.id, name: carla.name, teamId: teamPa2.id },
  ];
  const campaignOf = [camp1.id, camp2.id, null];
  const mainValues = Array.from({ length: MAIN_COUNT }, (_, i) => {
    const agent = agents[i % 3];
    const origin = i % 4 === 0 ? ("manual" as const) : ("automatica" as const);
    return {
      companyId: a.id,
      customerId: customerRows[i].id,
      contactDate: DATES[i % DATES.length],
      status: STATUSES[i % STATUSES.length],
      direction: i % 6 === 5 ? ("passivo" as const) : ("ativo" as const),
      origin,
      agentId: agent.id,
      teamId: agent.teamId,
      campaignId: campaignOf[Math.floor(i / 2) % 3],
      programId: origin === "automatica" ? program.id : null,
      whatsappState: "enviado" as const,
      whatsappAt: new Date("2026-11-20T12:00:00Z"),
    };
  });
  const inserted = await db.insert(agendas).values(mainValues).returning();
  inserted.forEach((row, i) => {
    specs.push({
      id: row.id,
      companyId: row.companyId,
      contactDate: row.contactDate,
      status: row.status,
      direction: row.direction,
      origin: row.origin,
      agentId: row.agentId!,
      teamId: row.teamId!,
      campaignId: row.campaignId,
      customerName: customerRows[i].name,
      agentName: agents[i % 3].name,
    });
  });

  // Other companies' agendas on the same days, with the same agent and statuses: never in A's worklist.
  await db.insert(agendas).values(
    Array.from({ length: 12 }, (_, i) => ({
      companyId: b.id,
      customerId: custB.id,
      contactDate: DATES[i % 3],
      status: STATUSES[i % STATUSES.length],
      direction: "ativo" as const,
      origin: "automatica" as const,
      agentId: alice.id,
      teamId: teamB.id,
      campaignId: campB.id,
    })),
  );
  // Manaus: one agenda on the 22nd and one on the 23rd.
  await db.insert(agendas).values([
    { companyId: m.id, customerId: custM.id, contactDate: "2026-11-22", origin: "manual", direction: "ativo", agentId: alice.id },
    { companyId: m.id, customerId: custM.id, contactDate: "2026-11-23", origin: "manual", direction: "ativo", agentId: alice.id },
  ]);
  // A company whose whole worklist today is written out by hand.
  const tinyRows: { direction: "ativo" | "passivo"; status: (typeof STATUSES)[number] }[] = [
    { direction: "ativo", status: "pendente" },
    { direction: "ativo", status: "pendente" },
    { direction: "passivo", status: "pendente" },
    { direction: "passivo", status: "agendou" },
    { direction: "ativo", status: "recusou" },
    { direction: "ativo", status: "pediu_ligar" },
    { direction: "ativo", status: "agendou" },
    { direction: "ativo", status: "nao_respondeu" },
    { direction: "ativo", status: "no_show" },
    { direction: "ativo", status: "no_show" },
    { direction: "ativo", status: "concluido" },
  ];
  await db.insert(agendas).values(
    tinyRows.map((r) => ({ ...r, companyId: tiny.id, customerId: custTiny.id, contactDate: TODAY, origin: "manual" as const })),
  );
});
afterAll(() => t?.close());

// ---- helpers ---------------------------------------------------------------------------------

const supervisorViewer = () => ({
  id: ids.supervisor,
  companyId: ids.companyA,
  companyIds: [ids.companyA, ids.companyB, ids.companyManaus, ids.companyTiny],
  canViewAllAgents: true,
});
const agentViewer = () => ({ id: ids.alice, companyId: ids.companyA, companyIds: [ids.companyA], canViewAllAgents: false });

/** The filters exactly as the page gets them: URL params → schema → rules. */
function filtersFor(params: Record<string, unknown>, viewer = supervisorViewer(), now = NOW): WorklistFilters {
  return resolveWorklistFilters(viewer, worklistParamsSchema.parse(params), { now, timeZoneOf });
}

/** The independent oracle: which of our agendas a filter should match. */
function expected(f: WorklistFilters, opts: { withTotalizer?: boolean } = { withTotalizer: true }) {
  return specs.filter(
    (s) =>
      s.companyId === f.companyId &&
      s.contactDate >= f.from &&
      s.contactDate <= f.to &&
      (!f.campaignId || s.campaignId === f.campaignId) &&
      (!f.teamId || s.teamId === f.teamId) &&
      (!f.agentId || s.agentId === f.agentId) &&
      (!f.origin || s.origin === f.origin) &&
      (!opts.withTotalizer || !f.totalizer || totalizerOf(s) === f.totalizer),
  );
}

function expectedTotals(f: WorklistFilters) {
  const set = expected(f, { withTotalizer: false });
  const totals = Object.fromEntries(TOTALIZERS.map((tz) => [tz, set.filter((s) => totalizerOf(s) === tz).length]));
  return { ...totals, all: set.length };
}

function expectedOrder(f: WorklistFilters): string[] {
  const key = (s: Spec) => ({ data: s.contactDate, cliente: s.customerName, status: s.status, agente: s.agentName })[f.sort];
  const sign = f.dir === "desc" ? -1 : 1;
  return expected(f)
    .sort((x, y) => sign * (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .map((s) => s.id);
}

async function allRowIds(f: WorklistFilters): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const rows = await worklistRows(t.db, { ...f, page });
    out.push(...rows.map((r) => r.id));
    if (rows.length < WORKLIST_PAGE_SIZE) return out;
  }
}

/** Checks totals, the whole list (every page) and getWorklist's total/pages against the oracle. */
async function expectWorklistMatches(f: WorklistFilters) {
  const totals = await worklistTotals(t.db, f);
  expect(totals).toEqual(expectedTotals(f));
  const ids = await allRowIds(f);
  expect(ids).toEqual(expectedOrder(f));
  const view = await getWorklist(t.db, f);
  expect(view.total).toBe(ids.length);
  expect(view.pages).toBe(Math.max(1, Math.ceil(ids.length / WORKLIST_PAGE_SIZE)));
  return { totals, ids };
}

// ---- tests -----------------------------------------------------------------------------------

describe("worklist totals, written out by hand", () => {
  it("a company's day: Ativos Pendentes excludes passive ones, passive ones count only as Cliente Passivo, concluded nowhere", async () => {
    const f = filtersFor({ empresa: ids.companyTiny });
    expect(f).toMatchObject({ companyId: ids.companyTiny, from: TODAY, to: TODAY });
    expect(await worklistTotals(t.db, f)).toEqual({
      ativos_pendentes: 2,
      recusou: 1,
      pediu_ligar: 1,
      agendou: 1,
      nao_respondeu: 1,
      no_show: 2,
      passivo: 2,
      all: 11,
    });
    const view = await getWorklist(t.db, { ...f, totalizer: "no_show" });
    expect(view.total).toBe(2);
    expect(view.rows).toHaveLength(2);
    expect(view.rows.every((r) => r.status === "no_show" && r.direction === "ativo")).toBe(true);
  });

  it("Hoje in company A: 14 agendas (every tenth of the 140)", async () => {
    const { totals } = await expectWorklistMatches(filtersFor({}));
    expect(totals.all).toBe(14);
  });

  it("a row carries the customer, campaign, agent and the program's noReplyDays", async () => {
    const rows = await worklistRows(t.db, { ...filtersFor({ agenda: "mes" }), campaignId: ids.camp1, origin: "automatica" });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const spec = specs.find((s) => s.id === r.id)!;
      expect(r).toMatchObject({
        customerName: spec.customerName,
        campaignName: "Revisão 2026",
        agentName: spec.agentName,
        noReplyDays: 4,
        contactDate: spec.contactDate,
        origin: "automatica",
      });
    }
    const manual = await worklistRows(t.db, { ...filtersFor({ agenda: "mes" }), campaignId: ids.camp2, origin: "manual" });
    expect(manual.length).toBeGreaterThan(0);
    expect(manual.every((r) => r.noReplyDays === null && r.campaignName === "Recall Airbag")).toBe(true);
  });
});

describe("filters", () => {
  it("company scope: B's agendas (same days, same agent) never appear in A, and A's never in B", async () => {
    const inA = await expectWorklistMatches(filtersFor({ agenda: "ultimos7" }));
    const inB = await worklistTotals(t.db, filtersFor({ empresa: ids.companyB, agenda: "ultimos7" }));
    expect(inB.all).toBe(8); // B's agendas on today and yesterday (tomorrow is outside últimos 7)
    const bRows = await worklistRows(t.db, filtersFor({ empresa: ids.companyB, agenda: "ultimos7" }));
    expect(bRows.some((r) => inA.ids.includes(r.id))).toBe(false);
    expect(bRows.every((r) => r.campaignName === "Campanha B")).toBe(true);
  });

  it.each([
    ["hoje", { agenda: "hoje" }, ["2026-11-22"]],
    ["ontem", { agenda: "ontem" }, ["2026-11-21"]],
    ["amanha", { agenda: "amanha" }, ["2026-11-23"]],
    ["ultimos7", { agenda: "ultimos7" }, ["2026-11-16", "2026-11-17", "2026-11-21", "2026-11-22"]],
    ["mes", { agenda: "mes" }, ["2026-11-01", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-30"]],
    ["periodo", { agenda: "periodo", de: "2026-10-31", ate: "2026-11-16" }, ["2026-10-31", "2026-11-01", "2026-11-15", "2026-11-16"]],
    // Reversed is refused by parseWorklistParams with a notice; were it to reach the query, it is nothing, not swapped.
    ["periodo reversed", { agenda: "periodo", de: "2026-11-16", ate: "2026-10-31" }, []],
    ["periodo from a day on", { agenda: "periodo", de: "2026-11-30" }, ["2026-11-30", "2026-12-01"]],
    ["periodo up to a day", { agenda: "periodo", ate: "2026-10-31" }, ["2026-10-31"]],
  ] as const)("period %s covers exactly its contact dates", async (_, params, days) => {
    const f = filtersFor(params);
    const { ids: rowIds } = await expectWorklistMatches(f);
    const rows = specs.filter((s) => rowIds.includes(s.id));
    expect(new Set(rows.map((r) => r.contactDate))).toEqual(new Set(days));
    expect(rowIds).toHaveLength(days.length * (MAIN_COUNT / DATES.length));
  });

  it("Hoje is the company's day: just after midnight in São Paulo it is still the 22nd in Manaus", async () => {
    const late = new Date("2026-11-23T03:30:00Z");
    const sp = filtersFor({ empresa: ids.companyA }, supervisorViewer(), late);
    const manaus = filtersFor({ empresa: ids.companyManaus }, supervisorViewer(), late);
    expect(sp.from).toBe("2026-11-23");
    expect(manaus.from).toBe("2026-11-22");
    const rows = await worklistRows(t.db, manaus);
    expect(rows.map((r) => r.contactDate)).toEqual(["2026-11-22"]);
  });

  it("campanha", async () => {
    const f = filtersFor({ agenda: "mes", campanha: ids.camp2 });
    const { ids: rowIds } = await expectWorklistMatches(f);
    expect(rowIds.length).toBeGreaterThan(0);
    expect(rowIds.every((id) => specs.find((s) => s.id === id)!.campaignId === ids.camp2)).toBe(true);
    // Another company's campaign matches nothing in A.
    expect((await worklistTotals(t.db, filtersFor({ agenda: "mes", campanha: ids.campB }))).all).toBe(0);
  });

  it("time", async () => {
    const team1 = await expectWorklistMatches(filtersFor({ agenda: "mes", time: ids.teamPa }));
    const team2 = await expectWorklistMatches(filtersFor({ agenda: "mes", time: ids.teamPa2 }));
    const all = await worklistTotals(t.db, filtersFor({ agenda: "mes" }));
    expect(team1.totals.all + team2.totals.all).toBe(all.all);
    expect(team2.ids.every((id) => specs.find((s) => s.id === id)!.agentId === ids.carla)).toBe(true);
  });

  it("agente", async () => {
    const { ids: rowIds, totals } = await expectWorklistMatches(filtersFor({ agenda: "mes", agente: ids.bruno }));
    expect(totals.all).toBeGreaterThan(0);
    const rows = await worklistRows(t.db, filtersFor({ agenda: "mes", agente: ids.bruno }));
    expect(rows.every((r) => r.agentName === "Bruno Agente")).toBe(true);
    expect(rowIds.length).toBe(totals.all);
  });

  it.each(["automatica", "manual"] as const)("origem %s", async (origem) => {
    const f = filtersFor({ agenda: "mes", origem });
    const { totals } = await expectWorklistMatches(f);
    expect(totals.all).toBeGreaterThan(0);
    const rows = await worklistRows(t.db, f);
    expect(rows.every((r) => r.origin === origem)).toBe(true);
  });

  it("both origins (no Origem filter) is the sum of the two", async () => {
    const both = await worklistTotals(t.db, filtersFor({ agenda: "mes" }));
    const auto = await worklistTotals(t.db, filtersFor({ agenda: "mes", origem: "automatica" }));
    const manual = await worklistTotals(t.db, filtersFor({ agenda: "mes", origem: "manual" }));
    for (const key of [...TOTALIZERS, "all"] as const) expect(auto[key] + manual[key]).toBe(both[key]);
  });

  it.each([
    ["agent + campaign + origin", { agenda: "mes", agente: ids_("alice"), campanha: ids_("camp1"), origem: "automatica" }],
    ["team + período + manual", { agenda: "periodo", de: "2026-10-01", ate: "2026-11-30", time: ids_("teamPa"), origem: "manual" }],
    ["team + campaign + pediu_ligar", { agenda: "mes", time: ids_("teamPa"), campanha: ids_("camp2"), total: "pediu_ligar" }],
    ["agent + ultimos7 + passivo", { agenda: "ultimos7", agente: ids_("carla"), total: "passivo" }],
  ])("combination: %s", async (_, params) => {
    const f = filtersFor(resolveIds(params));
    await expectWorklistMatches(f);
  });

  it("a combination that matches nothing shows empty totals and one empty page", async () => {
    const f = filtersFor({ agenda: "hoje", agente: ids.carla, campanha: ids.camp1, origem: "manual" });
    expect(expected(f)).toHaveLength(0);
    const view = await getWorklist(t.db, f);
    expect(view.rows).toEqual([]);
    expect(view.total).toBe(0);
    expect(view.pages).toBe(1);
    expect(view.totals.all).toBe(0);
  });
});

describe("selecting a totalizer", () => {
  it.each(TOTALIZERS)("%s: every row is of that kind, the total is its count, the totalizers do not change", async (total) => {
    const base = filtersFor({ agenda: "mes" });
    const withTotal = filtersFor({ agenda: "mes", total });
    const before = await worklistTotals(t.db, base);
    const view = await getWorklist(t.db, withTotal);
    expect(view.totals).toEqual(before);
    expect(view.total).toBe(before[total as Totalizer]);
    expect(view.total).toBeGreaterThan(0);
    const rowIds = await allRowIds(withTotal);
    expect(rowIds).toHaveLength(view.total);
    expect(rowIds).toEqual(expectedOrder(withTotal));
    for (const r of view.rows) expect(totalizerOf(r)).toBe(total);
  });

  it("a concluded agenda is in the unfiltered list but under no totalizer", async () => {
    const f = filtersFor({ agenda: "mes" });
    const totals = await worklistTotals(t.db, f);
    const concluded = expected(f).filter((s) => s.status === "concluido" && s.direction === "ativo").length;
    expect(concluded).toBeGreaterThan(0);
    expect(TOTALIZERS.reduce((n, k) => n + totals[k], 0)).toBe(totals.all - concluded);
  });
});

describe("sorting and pagination", () => {
  it.each([
    ["data", "asc"],
    ["data", "desc"],
    ["cliente", "asc"],
    ["cliente", "desc"],
    ["status", "asc"],
    ["status", "desc"],
    ["agente", "asc"],
    ["agente", "desc"],
  ] as const)("ordem=%s dir=%s, over every page", async (ordem, dir) => {
    const f = filtersFor({ agenda: "periodo", de: "2026-10-01", ate: "2026-12-31", ordem, dir });
    const { ids: rowIds } = await expectWorklistMatches(f);
    expect(rowIds).toHaveLength(MAIN_COUNT);
    const rows = await worklistRows(t.db, f);
    const first = rows[0];
    const last = rows.at(-1)!;
    if (ordem === "data") expect(dir === "asc" ? first.contactDate <= last.contactDate : first.contactDate >= last.contactDate).toBe(true);
    if (ordem === "cliente") expect(first.customerName).toBe(dir === "asc" ? "Cliente 000" : "Cliente 139");
    if (ordem === "agente") expect(first.agentName).toBe(dir === "asc" ? "Alice Agente" : "Carla Agente");
    if (ordem === "status") expect(first.status).toBe(dir === "asc" ? "agendou" : "recusou");
  });

  it("pages of 50: 140 rows → 3 pages of 50, 50 and 40, no repeats, nothing after the last page", async () => {
    const f = filtersFor({ agenda: "periodo", de: "2026-10-01", ate: "2026-12-31" });
    const view = await getWorklist(t.db, f);
    expect(WORKLIST_PAGE_SIZE).toBe(50);
    expect(view.total).toBe(140);
    expect(view.pages).toBe(3);
    const p1 = await worklistRows(t.db, { ...f, page: 1 });
    const p2 = await worklistRows(t.db, { ...f, page: 2 });
    const p3 = await worklistRows(t.db, { ...f, page: 3 });
    const p4 = await worklistRows(t.db, { ...f, page: 4 });
    expect([p1.length, p2.length, p3.length, p4.length]).toEqual([50, 50, 40, 0]);
    expect(new Set([...p1, ...p2, ...p3].map((r) => r.id)).size).toBe(140);
    // The page in the URL is what is served.
    const page2 = filtersFor({ agenda: "periodo", de: "2026-10-01", ate: "2026-12-31", pagina: "2" });
    expect((await getWorklist(t.db, page2)).rows.map((r) => r.id)).toEqual(p2.map((r) => r.id));
  });

  it("a selected totalizer paginates over its own rows", async () => {
    const f = filtersFor({ agenda: "periodo", de: "2026-10-01", ate: "2026-12-31", total: "ativos_pendentes", ordem: "cliente" });
    await expectWorklistMatches(f);
  });
});

describe("resolveWorklistFilters", () => {
  it("without view_all_agents the agent is locked to the viewer, even when the URL asks for another", async () => {
    const f = filtersFor({ agenda: "mes", agente: ids.bruno }, agentViewer());
    expect(f.agentId).toBe(ids.alice);
    const rows = await worklistRows(t.db, f);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.agentName === "Alice Agente")).toBe(true);
    const totals = await worklistTotals(t.db, f);
    expect(totals.all).toBe(specs.filter((s) => s.agentId === ids.alice && s.contactDate.startsWith("2026-11")).length);
  });

  it("without view_all_agents and no agent in the URL, still only the viewer's agendas", () => {
    expect(filtersFor({}, agentViewer()).agentId).toBe(ids.alice);
  });

  it("with view_all_agents: every agent by default, or the one the URL asks for", () => {
    expect(filtersFor({}).agentId).toBeUndefined();
    expect(filtersFor({ agente: ids.bruno }).agentId).toBe(ids.bruno);
  });

  it("a company outside the viewer's companies falls back to the current company", async () => {
    const f = filtersFor({ empresa: ids.companyB, agenda: "ultimos7" }, agentViewer());
    expect(f.companyId).toBe(ids.companyA);
    const rows = await worklistRows(t.db, f);
    expect(rows.every((r) => r.campaignName !== "Campanha B")).toBe(true);
  });

  it("an accessible company other than the current one is honoured", () => {
    expect(filtersFor({ empresa: ids.companyB }).companyId).toBe(ids.companyB);
  });

  it("malformed URL values fall back to the defaults (Hoje, data asc, page 1, no filter)", () => {
    const f = filtersFor({ agenda: "sempre", campanha: "nope", ordem: "x", dir: "up", pagina: "-3", total: "todos", origem: "x" });
    expect(f).toMatchObject({ from: TODAY, to: TODAY, sort: "data", dir: "asc", page: 1 });
    expect(f.campaignId).toBeUndefined();
    expect(f.totalizer).toBeUndefined();
    expect(f.origin).toBeUndefined();
  });
});

// it.each tables are built before beforeAll runs: refer to fixture ids by name and resolve them late.
function ids_(key: keyof typeof ids) {
  return `@${key}`;
}
function resolveIds(params: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, v.startsWith("@") ? ids[v.slice(1) as keyof typeof ids] : v]),
  );
}
