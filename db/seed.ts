import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import { cnpjFromBase, cpfFromBase } from "../lib/customers/document";
import { SEEDED_ROLES } from "../lib/auth/permissions";
import type { Db } from "./client";
import { seedAgendas, type AgendaSeedContext } from "./seed-agendas";
import { seedPhone } from "./seed-phone";
import { seedWhatsapp } from "./seed-whatsapp";
import { assets, contacts, customers, serviceOrders } from "./schema/customers";
import { companies, queueMembers, queues, roles, teamMembers, teams, userCompanies, users } from "./schema/org";

export const DEMO_PASSWORD = "atende123";

/** Deterministic pseudo-random numbers, so every fresh database holds the same demo data. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

const FIRST_NAMES = [
  "Ana", "Bruno", "Carla", "Daniel", "Eduarda", "Felipe", "Gabriela", "Henrique", "Isabela", "João",
  "Juliana", "Lucas", "Mariana", "Mateus", "Natália", "Otávio", "Paula", "Rafael", "Sabrina", "Thiago",
  "Vanessa", "Vinícius", "Aline", "Caio", "Débora", "Fernando", "Helena", "Igor", "Larissa", "Marcelo",
  "Patrícia", "Renato", "Simone", "Tatiane", "Wagner", "Beatriz", "Cláudio", "Elaine", "Gustavo", "Priscila",
];
const LAST_NAMES = [
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
  "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
  "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
];
const BUSINESS_SUFFIXES = ["Transportes", "Comércio de Alimentos", "Construtora", "Logística", "Serviços Médicos", "Papelaria"];
const CAR_MODELS = [
  "Chevrolet Onix 1.0", "Chevrolet Tracker 1.2 Turbo", "Chevrolet S10 2.8 Diesel", "Chevrolet Spin 1.8",
  "Fiat Argo 1.3", "Fiat Toro 2.0 Diesel", "Volkswagen Polo 1.0 TSI", "Volkswagen T-Cross 1.4", "Hyundai HB20 1.0",
  "Toyota Corolla 2.0", "Renault Kwid 1.0", "Jeep Compass 1.3 Turbo",
];
const PLANS = [
  { name: "Fibra 300 Mega", points: "2" },
  { name: "Fibra 500 Mega", points: "3" },
  { name: "Fibra 1 Giga", points: "4" },
  { name: "Empresarial 600 Mega", points: "6" },
];
/** Service orders by what they are for: a workshop's for a vehicle, an internet provider's for a plan. */
const VEHICLE_ORDERS = [
  "Revisão programada",
  "Troca de óleo e filtros",
  "Alinhamento e balanceamento",
  "Diagnóstico de ruído na suspensão",
  "Recall: airbag do passageiro",
];
const PLAN_ORDERS = ["Visita técnica: sem sinal", "Troca de roteador", "Mudança de endereço da instalação", "Reparo na fibra óptica", "Upgrade de plano"];
const CONTACT_TYPES = ["Pessoal", "Financeiro", "Compras", "Frota", "Diretoria"];
const DDDS = ["11", "19", "21", "31", "41", "51"];

const COMPANIES = [
  { key: "sp", name: "Horizonte Veículos — Oficina São Paulo", cnpjBase: "112223330001", kind: "vehicle" as const, ddd: "11" },
  { key: "cps", name: "Horizonte Veículos — Oficina Campinas", cnpjBase: "112223330002", kind: "vehicle" as const, ddd: "19" },
  { key: "net", name: "Conecta Fibra Internet", cnpjBase: "445556660001", kind: "plan" as const, ddd: "11" },
];

export const DEMO_USERS: {
  name: string;
  email: string;
  role: string;
  home: string;
  others: string[];
  teams: string[];
}[] = [
  { name: "Adriana Administradora", email: "admin@atende.dev", role: "Administrador", home: "sp", others: ["cps", "net"], teams: [] },
  { name: "Sérgio Supervisor", email: "supervisor@atende.dev", role: "Supervisor", home: "sp", others: ["cps"], teams: ["sp-pa1", "sp-pa2"] },
  { name: "Sônia Supervisora", email: "supervisora.net@atende.dev", role: "Supervisor", home: "net", others: [], teams: ["net-pa"] },
  { name: "Ana Agente", email: "agente@atende.dev", role: "Agente", home: "sp", others: [], teams: ["sp-pa1"] },
  { name: "Bruno Barbosa", email: "bruno@atende.dev", role: "Agente", home: "sp", others: [], teams: ["sp-pa1"] },
  { name: "Carla Costa", email: "carla@atende.dev", role: "Agente", home: "sp", others: [], teams: ["sp-pa1"] },
  { name: "Diego Dias", email: "diego@atende.dev", role: "Agente", home: "sp", others: ["cps"], teams: ["sp-pa2"] },
  { name: "Elisa Esteves", email: "elisa@atende.dev", role: "Agente", home: "cps", others: [], teams: ["cps-pa"] },
  { name: "Fábio Freitas", email: "fabio@atende.dev", role: "Agente", home: "cps", others: [], teams: ["cps-pa"] },
  { name: "Gisele Gomes", email: "gisele@atende.dev", role: "Agente", home: "net", others: [], teams: ["net-pa"] },
  { name: "Hugo Henriques", email: "hugo@atende.dev", role: "Agente", home: "net", others: [], teams: ["net-pa"] },
  { name: "Iara Inácio", email: "iara@atende.dev", role: "Agente", home: "net", others: [], teams: ["net-pa"] },
  { name: "Rita Recepção", email: "recepcao@atende.dev", role: "Recepcionista", home: "sp", others: [], teams: [] },
  { name: "Rui Recepção", email: "recepcao.cps@atende.dev", role: "Recepcionista", home: "cps", others: [], teams: [] },
  { name: "Paulo Pereira", email: "paulo@atende.dev", role: "Supervisor", home: "cps", others: [], teams: ["cps-pa"] },
];

const TEAMS = [
  { key: "sp-pa1", company: "sp", name: "PA Pós-venda", isPa: true },
  { key: "sp-pa2", company: "sp", name: "PA Revisões", isPa: true },
  { key: "sp-rec", company: "sp", name: "Recepção", isPa: false },
  { key: "cps-pa", company: "cps", name: "PA Campinas", isPa: true },
  { key: "net-pa", company: "net", name: "PA Suporte", isPa: true },
];

const QUEUES = [
  { key: "sp-oficina", company: "sp", name: "Oficina — Agendamentos" },
  { key: "sp-pecas", company: "sp", name: "Peças e Acessórios" },
  { key: "cps-oficina", company: "cps", name: "Oficina Campinas" },
  { key: "net-suporte", company: "net", name: "Suporte Técnico" },
  { key: "net-financeiro", company: "net", name: "Financeiro" },
];

export type SeedSummary = { companies: number; users: number; customers: number; agendas: number; appointments: number };

/**
 * Demo data (pt-BR, deterministic). Runs on an empty database only: it refuses to add a second
 * copy, so a restart never duplicates anything.
 */
export async function seed(db: Db, opts: { now?: Date; customers?: number; agendas?: number } = {}): Promise<SeedSummary | null> {
  const now = opts.now ?? new Date();
  const rnd = createRandom(20261122);
  const existing = await db.select({ n: sql<number>`count(*)::int` }).from(companies);
  if (existing[0].n > 0) return null;

  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);

  return db.transaction(async (tx) => {
    const companyRows = await tx
      .insert(companies)
      .values(COMPANIES.map((c) => ({ name: c.name, cnpj: cnpjFromBase(c.cnpjBase) })))
      .returning({ id: companies.id });
    const companyId = Object.fromEntries(COMPANIES.map((c, i) => [c.key, companyRows[i].id]));

    const roleRows = await tx
      .insert(roles)
      .values(SEEDED_ROLES.map((r) => ({ name: r.name, description: r.description, permissions: r.permissions })))
      .returning({ id: roles.id, name: roles.name });
    const roleId = Object.fromEntries(roleRows.map((r) => [r.name, r.id]));

    const teamRows = await tx
      .insert(teams)
      .values(TEAMS.map((t) => ({ companyId: companyId[t.company], name: t.name, isPa: t.isPa })))
      .returning({ id: teams.id });
    const teamId = Object.fromEntries(TEAMS.map((t, i) => [t.key, teamRows[i].id]));

    const queueRows = await tx
      .insert(queues)
      .values(QUEUES.map((q) => ({ companyId: companyId[q.company], name: q.name })))
      .returning({ id: queues.id });

    const userRows = await tx
      .insert(users)
      .values(
        DEMO_USERS.map((u) => ({
          name: u.name,
          email: u.email,
          passwordHash,
          roleId: roleId[u.role],
          homeCompanyId: companyId[u.home],
        })),
      )
      .returning({ id: users.id });
    await tx.insert(userCompanies).values(
      DEMO_USERS.flatMap((u, i) => [u.home, ...u.others].map((c) => ({ userId: userRows[i].id, companyId: companyId[c] }))),
    );
    const memberships = DEMO_USERS.flatMap((u, i) => u.teams.map((t) => ({ teamId: teamId[t], userId: userRows[i].id })));
    await tx.insert(teamMembers).values(memberships);
    // Agents and supervisors answer the queues of the companies they work in.
    await tx.insert(queueMembers).values(
      DEMO_USERS.flatMap((u, i) =>
        u.role === "Agente" || u.role === "Supervisor"
          ? QUEUES.map((q, qi) => ({ q, qi }))
              .filter(({ q }) => [u.home, ...u.others].includes(q.company))
              .map(({ qi }) => ({ queueId: queueRows[qi].id, userId: userRows[i].id }))
          : [],
      ),
    );

    const customerCount = opts.customers ?? 500;
    const customerValues: (typeof customers.$inferInsert)[] = [];
    const plan: { company: (typeof COMPANIES)[number]; business: boolean; person: string }[] = [];
    for (let i = 0; i < customerCount; i++) {
      const company = COMPANIES[i % COMPANIES.length];
      const business = rnd.chance(0.12);
      const person = `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
      const name = business ? `${rnd.pick(LAST_NAMES)} ${rnd.pick(BUSINESS_SUFFIXES)} Ltda` : person;
      const base = String(100000000 + i * 7919).slice(0, 9);
      customerValues.push({
        companyId: companyId[company.key],
        name,
        document: business ? cnpjFromBase(`${base.slice(0, 8)}0001`) : cpfFromBase(base),
        whatsappOptOut: rnd.chance(0.04),
        notes: rnd.chance(0.1) ? "Prefere contato no período da manhã." : null,
        createdAt: new Date(now.getTime() - rnd.int(30, 900) * 86_400_000),
      });
      plan.push({ company, business, person });
    }
    const customerRows = await tx.insert(customers).values(customerValues).returning({ id: customers.id });

    const contactValues: (typeof contacts.$inferInsert)[] = [];
    const mobileInvalidOf = new Map<string, boolean>();
    const assetValues: (typeof assets.$inferInsert)[] = [];
    customerRows.forEach((c, i) => {
      const { company, business, person } = plan[i];
      const ddd = rnd.chance(0.8) ? company.ddd : rnd.pick(DDDS);
      const mobile = `55${ddd}9${String(rnd.int(60000000, 99999999))}`;
      // A few mobiles are known to be wrong: the dispatch job must not message them (SPEC §3.5).
      const mobileInvalid = rnd.chance(0.05);
      mobileInvalidOf.set(c.id, mobileInvalid);
      const [first, last] = [person.split(" ")[0], person.split(" ")[1]];
      contactValues.push({
        customerId: c.id,
        name: person,
        contactType: business ? rnd.pick(CONTACT_TYPES) : "Pessoal",
        position: business ? rnd.pick(["Gerente de Frota", "Comprador", "Diretor", "Assistente Administrativo"]) : null,
        phone: rnd.chance(0.3) ? `55${ddd}3${String(rnd.int(1000000, 9999999))}` : null,
        mobile,
        whatsapp: mobileInvalid ? null : mobile,
        mobileInvalid,
        email: rnd.chance(0.7)
          ? `${first}.${last}${i}@exemplo.com.br`.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
          : null,
      });
      if (business && rnd.chance(0.5)) {
        contactValues.push({
          customerId: c.id,
          name: `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`,
          contactType: "Financeiro",
          position: "Financeiro",
          phone: `55${ddd}3${String(rnd.int(1000000, 9999999))}`,
        });
      }
      const assetCount = company.kind === "vehicle" ? (business ? rnd.int(1, 3) : rnd.chance(0.15) ? 2 : 1) : 1;
      for (let a = 0; a < assetCount; a++) {
        if (company.kind === "vehicle") {
          const year = rnd.int(2016, 2026);
          const saleDate = new Date(Date.UTC(year, rnd.int(0, 11), rnd.int(1, 28)));
          const letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
          const plate = `${rnd.pick([...letters])}${rnd.pick([...letters])}${rnd.pick([...letters])}${rnd.int(0, 9)}${rnd.pick([...letters])}${rnd.int(10, 99)}`;
          assetValues.push({
            customerId: c.id,
            kind: "vehicle",
            plate,
            model: rnd.pick(CAR_MODELS),
            year,
            km: Math.max(0, (2026 - year) * rnd.int(8000, 22000) + rnd.int(0, 5000)),
            saleDate: saleDate.toISOString().slice(0, 10),
            lastServiceAt: new Date(now.getTime() - rnd.int(60, 420) * 86_400_000).toISOString().slice(0, 10),
          });
        } else {
          const p = rnd.pick(PLANS);
          assetValues.push({
            customerId: c.id,
            kind: "plan",
            planName: p.name,
            routingPoints: p.points,
            accessLogin: `cliente${String(i).padStart(5, "0")}@conectafibra`,
            saleDate: new Date(now.getTime() - rnd.int(30, 1500) * 86_400_000).toISOString().slice(0, 10),
          });
        }
      }
    });
    await tx.insert(contacts).values(contactValues);
    const assetRows = await tx
      .insert(assets)
      .values(assetValues)
      .returning({ id: assets.id, customerId: assets.customerId });

    const customerCompany = new Map(customerRows.map((c, i) => [c.id, companyId[plan[i].company.key]]));
    const customerKind = new Map(customerRows.map((c, i) => [c.id, plan[i].company.kind]));
    const orderValues: (typeof serviceOrders.$inferInsert)[] = [];
    let orderNumber = 10000;
    for (const asset of assetRows) {
      const count = rnd.int(0, 3);
      for (let k = 0; k < count; k++) {
        const openedAt = new Date(now.getTime() - rnd.int(1, 700) * 86_400_000);
        const status = rnd.pick(["concluida", "concluida", "concluida", "aberta", "em_andamento", "cancelada"] as const);
        const closed = status === "concluida" || status === "cancelada";
        orderValues.push({
          companyId: customerCompany.get(asset.customerId)!,
          customerId: asset.customerId,
          assetId: asset.id,
          number: String(orderNumber++),
          status,
          openedAt,
          closedAt: closed ? new Date(openedAt.getTime() + rnd.int(1, 5) * 86_400_000) : null,
          // A workshop's orders for a car, an internet provider's for a plan: never a router on an HB20's card.
          description: rnd.pick(customerKind.get(asset.customerId) === "plan" ? PLAN_ORDERS : VEHICLE_ORDERS),
        });
      }
    }
    for (let i = 0; i < orderValues.length; i += 500) {
      await tx.insert(serviceOrders).values(orderValues.slice(i, i + 500));
    }

    const customersByCompany: AgendaSeedContext["customersByCompany"] = { sp: [], cps: [], net: [] };
    const assetsOf = new Map<string, string[]>();
    for (const a of assetRows) assetsOf.set(a.customerId, [...(assetsOf.get(a.customerId) ?? []), a.id]);
    customerRows.forEach((c, i) => {
      customersByCompany[plan[i].company.key].push({
        id: c.id,
        assetIds: assetsOf.get(c.id) ?? [],
        mobileInvalid: mobileInvalidOf.get(c.id) ?? false,
        optOut: customerValues[i].whatsappOptOut ?? false,
      });
    });
    const agentsByCompany: AgendaSeedContext["agentsByCompany"] = { sp: [], cps: [], net: [] };
    DEMO_USERS.forEach((u, i) => {
      if (u.role !== "Agente") return;
      const team = TEAMS.find((t) => t.key === u.teams[0])!;
      agentsByCompany[team.company].push({ userId: userRows[i].id, teamId: teamId[team.key] });
    });
    const agendaSummary = await seedAgendas(tx, {
      now,
      rnd: createRandom(20261123),
      companyId,
      agentsByCompany,
      customersByCompany,
      agendaCount: opts.agendas ?? customerCount * 10,
    });

    const customersWithMobile: Record<string, { id: string; name: string; mobile: string }[]> = { sp: [], cps: [], net: [] };
    contactValues.forEach((c) => {
      const key = plan[customerRows.findIndex((r) => r.id === c.customerId)].company.key;
      if (c.whatsapp && customersWithMobile[key].length < 6) customersWithMobile[key].push({ id: c.customerId, name: c.name, mobile: c.whatsapp });
    });
    await seedWhatsapp(tx, {
      now,
      rnd: createRandom(20261124),
      companyId,
      queueId: Object.fromEntries(QUEUES.map((q, i) => [q.key, queueRows[i].id])),
      agentsByCompany,
      customersWithMobile,
    });

    const contactPhones: Record<"sp" | "net", string[]> = { sp: [], net: [] };
    contactValues.forEach((c) => {
      const key = plan[customerRows.findIndex((r) => r.id === c.customerId)].company.key;
      if (key === "sp" || key === "net") contactPhones[key].push(...[c.mobile, c.phone].filter((p): p is string => !!p));
    });
    const pendingCustomer = customersWithMobile.net[0];
    await seedPhone(tx, {
      now,
      rnd: createRandom(20261125),
      companyId,
      contactPhones,
      pending: pendingCustomer ? { customerId: pendingCustomer.id, mobile: pendingCustomer.mobile } : null,
    });

    return { companies: COMPANIES.length, users: DEMO_USERS.length, customers: customerCount, ...agendaSummary };
  });
}

export function demoLoginsText() {
  const lines = DEMO_USERS.map((u) => `  ${u.role.padEnd(14)} ${u.email.padEnd(28)} ${DEMO_PASSWORD}`);
  return ["Logins de demonstração (senha igual para todos):", ...lines].join("\n");
}
