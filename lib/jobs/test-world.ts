/** Test-only: a small, explicit world for the job tests (one company, its PA team, program, templates, sender). */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendas, appointments, campaigns, programs } from "@/db/schema/agendas";
import { assets, contacts, customers } from "@/db/schema/customers";
import { jobRuns } from "@/db/schema/jobs";
import { companies, roles, teamMembers, teams, users } from "@/db/schema/org";
import { messages, messageTemplates, senderNumbers } from "@/db/schema/whatsapp";
import type { OutboundPayload, SendResult, WhatsappGateway } from "@/lib/whatsapp/gateway";

/** 11:00 in São Paulo (UTC−3), inside the default sending hours 08:00–20:00. */
export const NOW = new Date("2026-03-10T14:00:00.000Z");
/** 23:00 in São Paulo: outside them. */
export const NIGHT = new Date("2026-03-11T02:00:00.000Z");
export const TODAY = "2026-03-10";

let seq = 0;
const next = () => ++seq;

export async function createWorld(db: Db, opts: { ratePerSecond?: number; companyName?: string } = {}) {
  const [company] = await db.insert(companies).values({ name: opts.companyName ?? `Oficina ${next()}` }).returning();
  const [role] = await db.insert(roles).values({ name: `Agente ${next()}` }).returning();
  const mkUser = async (name: string) =>
    (await db.insert(users).values({ name, email: `${name.toLowerCase()}${next()}@t.dev`, passwordHash: "x", roleId: role.id, homeCompanyId: company.id }).returning())[0];
  const ana = await mkUser("Ana");
  const bruno = await mkUser("Bruno");
  const outsider = await mkUser("Zeca");
  const [pa] = await db.insert(teams).values({ companyId: company.id, name: "PA 1", isPa: true }).returning();
  const [other] = await db.insert(teams).values({ companyId: company.id, name: "Recepção", isPa: false }).returning();
  await db.insert(teamMembers).values([
    { teamId: pa.id, userId: ana.id },
    { teamId: pa.id, userId: bruno.id },
    { teamId: other.id, userId: outsider.id },
  ]);
  const [campaign] = await db.insert(campaigns).values({ companyId: company.id, name: "Revisão" }).returning();
  const [program] = await db
    .insert(programs)
    .values({
      companyId: company.id,
      campaignId: campaign.id,
      name: "Revisão anual",
      cycleMonths: 12,
      contactDaysBefore: 15,
      invitationTemplate: "convite_revisao",
      confirmationTemplate: "confirmacao_agendamento",
      confirmDaysBefore: 2,
      noShowTemplate: "reagendar_no_show",
      noShowToleranceMinutes: 60,
      noReplyDays: 3,
    })
    .returning();
  await db.insert(messageTemplates).values([
    { companyId: company.id, name: "convite_revisao", status: "APPROVED", body: "Olá {{1}}! A revisão do seu {{2}} está chegando. Quer agendar?" },
    { companyId: company.id, name: "confirmacao_agendamento", status: "APPROVED", body: "Olá {{1}}, confirmamos seu agendamento para {{2}}." },
    { companyId: company.id, name: "reagendar_no_show", status: "APPROVED", body: "Olá {{1}}, sentimos sua falta. Quer remarcar?" },
  ]);
  const n = next();
  const [sender] = await db
    .insert(senderNumbers)
    .values({ companyId: company.id, phone: `55114000${String(n).padStart(4, "0")}`, displayName: "WhatsApp", providerPhoneId: `sandbox-${n}`, ratePerSecond: opts.ratePerSecond ?? 80 })
    .returning();
  return { company, program, campaign, sender, agents: { ana, bruno, outsider }, pa };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

let phoneSeq = 0;

export async function addCustomer(
  db: Db,
  world: World,
  opts: { name?: string; optOut?: boolean; contact?: "ok" | "invalid" | "none"; model?: string; lastServiceAt?: string | null; saleDate?: string | null } = {},
) {
  const [customer] = await db
    .insert(customers)
    .values({ companyId: world.company.id, name: opts.name ?? `Maria Souza ${next()}`, whatsappOptOut: opts.optOut ?? false })
    .returning();
  const mobile = `55119${String(70000000 + ++phoneSeq)}`;
  const contact = opts.contact ?? "ok";
  if (contact !== "none") {
    await db.insert(contacts).values({
      customerId: customer.id,
      name: customer.name,
      mobile,
      whatsapp: contact === "ok" ? mobile : null,
      mobileInvalid: contact === "invalid",
    });
  }
  const [asset] = await db
    .insert(assets)
    .values({
      customerId: customer.id,
      kind: "vehicle",
      model: opts.model ?? "Onix 1.0",
      plate: `ABC${String(phoneSeq).padStart(4, "0")}`,
      lastServiceAt: opts.lastServiceAt === undefined ? null : opts.lastServiceAt,
      saleDate: opts.saleDate === undefined ? null : opts.saleDate,
    })
    .returning();
  return { customer, asset, mobile };
}

export async function addAgenda(db: Db, world: World, customerId: string, over: Partial<typeof agendas.$inferInsert> = {}) {
  const [agenda] = await db
    .insert(agendas)
    .values({
      companyId: world.company.id,
      campaignId: world.campaign.id,
      programId: world.program.id,
      customerId,
      contactDate: TODAY,
      origin: "automatica",
      direction: "ativo",
      ...over,
    })
    .returning();
  return agenda;
}

export async function addAppointment(db: Db, world: World, customerId: string, over: Partial<typeof appointments.$inferInsert> & { startsAt: Date }) {
  const [appt] = await db
    .insert(appointments)
    .values({ companyId: world.company.id, customerId, source: "chatbot", ...over })
    .returning();
  return appt;
}

export async function agendaById(db: Db, id: string) {
  const [row] = await db.select().from(agendas).where(eq(agendas.id, id));
  return row;
}

export async function messagesWithKey(db: Db, key: string) {
  return db.select().from(messages).where(eq(messages.idempotencyKey, key));
}

export async function runsOf(db: Db, job: string) {
  return db.select().from(jobRuns).where(eq(jobRuns.job, job));
}

/** A gateway that records each call; `respond` decides the outcome of call n (0-based). */
export function recordingGateway(
  respond: (n: number, to: string) => SendResult | Promise<SendResult> = () => ({ ok: true, wamid: `wamid.${next()}` }),
  clock: () => number = () => 0,
) {
  const calls: { to: string; payload: OutboundPayload; at: number }[] = [];
  const gateway: WhatsappGateway & { calls: typeof calls } = {
    kind: "sandbox",
    calls,
    async send(_from, to, payload) {
      const n = calls.length;
      calls.push({ to, payload, at: clock() });
      const result = await respond(n, to);
      return result.ok ? { ok: true, wamid: `wamid.${next()}.${n}` } : result;
    },
    async uploadMedia() {
      return { mediaId: "m" };
    },
    async listTemplates() {
      return [];
    },
  };
  return gateway;
}

/** A fake monotonic clock advanced only by the fake sleep, so pacing is exact and instant. */
export function fakeTime() {
  let t = 1_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}
