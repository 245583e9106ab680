import type { Db } from "./client";
import { addDaysToDate, localDate, zonedInstant } from "../lib/dates";
import { daySlots, type CalendarRules } from "../lib/appointments/slots";
import {
  agendaHistory,
  agendas,
  appointments,
  campaigns,
  companyCalendars,
  cycleEvents,
  holidays,
  programs,
} from "./schema/agendas";
import type { createRandom } from "./seed";
import type { AgendaReason } from "../lib/agendas/status";

type Random = ReturnType<typeof createRandom>;

export type AgendaSeedContext = {
  now: Date;
  rnd: Random;
  companyId: Record<string, string>;
  /** Agents of each company's PA teams, with their team. */
  agentsByCompany: Record<string, { userId: string; teamId: string }[]>;
  customersByCompany: Record<string, { id: string; assetIds: string[]; mobileInvalid: boolean; optOut: boolean }[]>;
  agendaCount: number;
};

const TZ = "America/Sao_Paulo";
const CALENDARS: Record<string, CalendarRules> = {
  sp: { openDays: [1, 2, 3, 4, 5, 6], opensAt: "08:00", closesAt: "17:00", slotMinutes: 30, capacityPerSlot: 3 },
  cps: { openDays: [1, 2, 3, 4, 5], opensAt: "08:00", closesAt: "18:00", slotMinutes: 60, capacityPerSlot: 2 },
  net: { openDays: [1, 2, 3, 4, 5, 6], opensAt: "08:00", closesAt: "20:00", slotMinutes: 60, capacityPerSlot: 4 },
};
const HOLIDAYS = [
  { date: "2026-12-25", name: "Natal" },
  { date: "2027-01-01", name: "Confraternização Universal" },
  { date: "2026-11-20", name: "Dia da Consciência Negra" },
  { date: "2027-02-16", name: "Carnaval" },
];

type Status = (typeof agendas.$inferInsert)["status"];
type WaState = (typeof agendas.$inferInsert)["whatsappState"];

/**
 * Worklist demo data: programs, campaigns (one inactive), calendars, and agendas over the last 60 and
 * the next 30 days in every status, direction, origin and WhatsApp state, with history, grouped cycle
 * events and the appointments of the ones that booked (some of them today, for the reception screen).
 */
export async function seedAgendas(tx: Db, ctx: AgendaSeedContext) {
  const { rnd, now, companyId } = ctx;
  const today = localDate(now, TZ);

  await tx.insert(companyCalendars).values(Object.entries(CALENDARS).map(([key, c]) => ({ companyId: companyId[key], ...c })));
  await tx.insert(holidays).values(Object.values(companyId).flatMap((id) => HOLIDAYS.map((h) => ({ companyId: id, ...h }))));

  const [campRevisao, campFibra, campRecall] = await tx
    .insert(campaigns)
    .values([
      { companyId: companyId.sp, name: "Revisão Programada 2026", active: true, startsOn: "2026-01-01", endsOn: "2026-12-31" },
      { companyId: companyId.net, name: "Manutenção Preventiva Fibra", active: true, startsOn: "2026-03-01" },
      { companyId: companyId.sp, name: "Recall Airbag 2025", active: false, startsOn: "2025-03-01", endsOn: "2025-12-31" },
    ])
    .returning({ id: campaigns.id });
  const [progRevisao, progFibra] = await tx
    .insert(programs)
    .values([
      {
        companyId: companyId.sp,
        campaignId: campRevisao.id,
        name: "Revisão a cada 12 meses ou 10.000 km",
        cycleMonths: 12,
        cycleKm: 10000,
        contactDaysBefore: 15,
        invitationTemplate: "convite_revisao",
        confirmationTemplate: "confirmacao_agendamento",
        confirmDaysBefore: 2,
        noShowTemplate: "reagendar_no_show",
        noShowToleranceMinutes: 60,
        noReplyDays: 3,
        autoSend: true,
      },
      {
        companyId: companyId.net,
        campaignId: campFibra.id,
        name: "Visita preventiva anual",
        cycleMonths: 12,
        contactDaysBefore: 10,
        invitationTemplate: "convite_visita_tecnica",
        confirmationTemplate: "confirmacao_visita",
        confirmDaysBefore: 1,
        noShowTemplate: "reagendar_visita",
        noShowToleranceMinutes: 120,
        noReplyDays: 2,
        autoSend: true,
      },
    ])
    .returning({ id: programs.id });
  const programOf: Record<string, { programId: string; campaignId: string } | undefined> = {
    sp: { programId: progRevisao.id, campaignId: campRevisao.id },
    net: { programId: progFibra.id, campaignId: campFibra.id },
  };

  const agendaValues: (typeof agendas.$inferInsert)[] = [];
  const extras: { key: string; customer: AgendaSeedContext["customersByCompany"][string][number]; hasAppointment: boolean }[] = [];
  const shares: [string, number][] = [["sp", 0.45], ["cps", 0.2], ["net", 0.35]];

  for (let i = 0; i < ctx.agendaCount; i++) {
    const r = rnd.next();
    const key = r < shares[0][1] ? "sp" : r < shares[0][1] + shares[1][1] ? "cps" : "net";
    const agents = ctx.agentsByCompany[key];
    if (!agents.length || !ctx.customersByCompany[key].length) continue;
    const { userId, teamId } = agents[i % agents.length];
    const customer = rnd.pick(ctx.customersByCompany[key]);
    const offset = rnd.int(-60, 30);
    const contactDate = addDaysToDate(today, offset);
    const program = programOf[key];
    const direction = rnd.chance(0.12) ? "passivo" : "ativo";
    const origin = direction === "ativo" && program && rnd.chance(0.7) ? "automatica" : "manual";
    const campaignId = origin === "automatica" ? program!.campaignId : key === "sp" && rnd.chance(0.2) ? campRecall.id : program?.campaignId ?? null;

    let status: Status = "pendente";
    if (offset <= 0) {
      status = rnd.pick(["pendente", "pendente", "recusou", "pediu_ligar", "agendou", "agendou", "nao_respondeu", "no_show", "concluido"] as const);
    } else if (offset <= 7) {
      status = rnd.pick(["pendente", "pendente", "pendente", "agendou", "pediu_ligar", "recusou"] as const);
    }
    if (direction === "passivo" && status === "nao_respondeu") status = "pendente";

    let whatsappState: WaState = "nao_enviado";
    let whatsappReason: string | null = null;
    let whatsappAt: Date | null = null;
    const planned = zonedInstant(contactDate, `${String(rnd.int(8, 11)).padStart(2, "0")}:${String(rnd.int(0, 59)).padStart(2, "0")}`, TZ);
    // Today's messages went out before now.
    const sentAt = planned < now ? planned : new Date(now.getTime() - rnd.int(5, 120) * 60_000);
    if (direction === "passivo") {
      whatsappState = "respondido";
      whatsappAt = sentAt;
    } else if (origin === "manual") {
      whatsappReason = "manual";
      if (rnd.chance(0.15) && offset <= 0) {
        whatsappState = "enviado";
        whatsappReason = null;
        whatsappAt = sentAt;
      }
    } else if (offset > 0) {
      // Future automatic agendas have not been dispatched yet.
    } else if (customer.mobileInvalid) {
      whatsappReason = "celular_invalido";
    } else if (customer.optOut) {
      whatsappReason = "optout";
    } else if (status === "nao_respondeu") {
      whatsappState = rnd.pick(["enviado", "entregue", "lido"] as const);
      whatsappAt = sentAt;
    } else if (status === "pediu_ligar" || status === "agendou" || status === "recusou") {
      whatsappState = "respondido";
      whatsappAt = sentAt;
    } else {
      const roll = rnd.next();
      if (roll < 0.08) whatsappReason = "erro_envio";
      else if (roll < 0.16) {
        whatsappState = "falhou";
        whatsappReason = rnd.pick(["131026 · Número não está no WhatsApp", "131050 · Cliente bloqueou mensagens de marketing"]);
        whatsappAt = sentAt;
      } else {
        whatsappState = rnd.pick(["enviado", "entregue", "lido", "respondido"] as const);
        whatsappAt = sentAt;
      }
    }

    agendaValues.push({
      companyId: companyId[key],
      campaignId,
      programId: origin === "automatica" ? program!.programId : null,
      customerId: customer.id,
      agentId: userId,
      teamId,
      contactDate,
      origin,
      direction,
      status,
      whatsappState,
      whatsappReason,
      whatsappAt,
      // Filed under the call-back's day, as recording "Pediu para ligar" files it (lib/agendas/record-call.ts).
      callbackAt: status === "pediu_ligar" ? zonedInstant(contactDate, CALLBACK_TIMES[i % CALLBACK_TIMES.length], TZ) : null,
      resultReason: status === "recusou" ? rnd.pick(["Já fez a revisão em outra oficina", "Vendeu o veículo", "Sem interesse no momento"]) : null,
      createdAt: zonedInstant(addDaysToDate(contactDate, -rnd.int(1, 10)), "06:00", TZ),
      updatedAt: now,
    });
    extras.push({ key, customer, hasAppointment: status === "agendou" || status === "no_show" || status === "concluido" });
  }

  const agendaIds: string[] = [];
  for (let i = 0; i < agendaValues.length; i += 500) {
    const rows = await tx.insert(agendas).values(agendaValues.slice(i, i + 500)).returning({ id: agendas.id });
    agendaIds.push(...rows.map((r) => r.id));
  }

  // Grouped cycle events: one per asset of the customer that came due ("eventos agrupados").
  const eventValues: (typeof cycleEvents.$inferInsert)[] = [];
  const historyValues: (typeof agendaHistory.$inferInsert)[] = [];
  const appointmentValues: (typeof appointments.$inferInsert)[] = [];
  const slotUse = new Map<string, number>();
  const slotsOf = new Map<string, Date[]>();
  const holidaySet = new Set(HOLIDAYS.map((h) => h.date));
  // Slots are taken from the day itself on, ignoring "now", so past appointments exist too.
  const epoch = new Date(0);
  function bookSlot(key: string, fromDay: string): Date | null {
    const calendar = CALENDARS[key];
    for (let d = 0; d < 20; d++) {
      const day = addDaysToDate(fromDay, d);
      const cacheKey = `${key}:${day}`;
      if (!slotsOf.has(cacheKey)) slotsOf.set(cacheKey, daySlots(calendar, day, { timeZone: TZ, holidays: holidaySet, now: epoch }));
      const slots = slotsOf.get(cacheKey)!;
      const start = rnd.int(0, Math.max(0, slots.length - 1));
      for (let k = 0; k < slots.length; k++) {
        const slot = slots[(start + k) % slots.length];
        const useKey = `${key}:${slot.getTime()}`;
        if ((slotUse.get(useKey) ?? 0) < calendar.capacityPerSlot) {
          slotUse.set(useKey, (slotUse.get(useKey) ?? 0) + 1);
          return slot;
        }
      }
    }
    return null;
  }

  agendaValues.forEach((a, i) => {
    const agendaId = agendaIds[i];
    const { key, customer, hasAppointment } = extras[i];
    if (a.origin === "automatica") {
      const assetIds = customer.assetIds.length ? customer.assetIds : [null];
      for (const assetId of assetIds.slice(0, 2)) {
        eventValues.push({
          companyId: a.companyId,
          programId: a.programId,
          customerId: a.customerId,
          assetId,
          agendaId,
          dueDate: addDaysToDate(a.contactDate, key === "net" ? 10 : 15),
          description: key === "net" ? "Visita preventiva anual da instalação" : "Revisão de 12 meses / 10.000 km",
        });
      }
    }
    if (a.status !== "pendente") {
      const at = a.whatsappAt ?? zonedInstant(a.contactDate, "14:00", TZ);
      const byBot = a.whatsappState === "respondido" && rnd.chance(0.6);
      historyValues.push({
        agendaId,
        at,
        userId: byBot ? null : a.agentId,
        fromStatus: "pendente",
        toStatus: a.status,
        reason: seedReason(a.status!, byBot),
        // A refusal's own words, as recordOutcome keeps them.
        note: a.resultReason ?? null,
      });
    }
    if (hasAppointment) {
      const day = addDaysToDate(a.contactDate, rnd.int(1, 6));
      // A no-show is of an appointment that has passed: never one still to come (issue 11, item 4).
      const noShow = a.status === "no_show";
      const startsAt = bookSlot(key, noShow && day >= today ? addDaysToDate(today, -1) : day);
      if (!startsAt || (noShow && startsAt >= zonedInstant(today, "00:00", TZ))) return;
      const past = startsAt < now;
      appointmentValues.push({
        companyId: a.companyId,
        agendaId,
        customerId: a.customerId,
        assetId: customer.assetIds[0] ?? null,
        startsAt,
        service: key === "net" ? "Visita técnica preventiva" : "Revisão programada",
        status: a.status === "no_show" ? "no_show" : a.status === "concluido" ? "compareceu" : past ? "compareceu" : rnd.chance(0.5) ? "confirmado" : "agendado",
        source: a.whatsappState === "respondido" ? "chatbot" : "phone",
        createdBy: a.whatsappState === "respondido" ? null : a.agentId,
        noShowMarkedBy: a.status === "no_show" ? rnd.pick(["automatic", "manual"] as const) : null,
      });
    }
  });

  // The front desk always has a day to work with, whatever hour the demo starts: ten São Paulo
  // customers booked today by phone (the first ones for Ana Agente), each with its agenda of today,
  // around the seed's clock — four already started (a no-show can be marked, the sweep's tolerance has
  // not passed) and the rest still to come — so an evening start does not find the day swept.
  const todaySlots = frontDeskTimes(now, today);
  const spAgents = ctx.agentsByCompany.sp;
  // Two bookings in a row per agent, so Ana Agente has two of the started ones: one can be checked in
  // and the other marked no-show (a no-show is offered only once the appointment started).
  const deskAgent = (n: number) => spAgents[Math.floor(n / 2) % spAgents.length];
  const todayAgendas: (typeof agendas.$inferInsert)[] = ctx.customersByCompany.sp.slice(0, 10).map((customer, n) => ({
    companyId: companyId.sp,
    campaignId: campRevisao.id,
    programId: progRevisao.id,
    customerId: customer.id,
    agentId: deskAgent(n)?.userId,
    teamId: deskAgent(n)?.teamId,
    contactDate: today,
    origin: "automatica",
    direction: "ativo",
    status: "agendou",
    whatsappState: "respondido",
    whatsappAt: new Date(now.getTime() - (n + 1) * 15 * 60_000),
    updatedAt: now,
  }));
  if (spAgents.length && todayAgendas.length && todaySlots.length) {
    const rows = await tx.insert(agendas).values(todayAgendas).returning({ id: agendas.id });
    rows.forEach((row, n) => {
      const customer = ctx.customersByCompany.sp[n];
      historyValues.push({ agendaId: row.id, at: todayAgendas[n].whatsappAt!, userId: null, fromStatus: "pendente", toStatus: "agendou", reason: "agendou" });
      appointmentValues.push({
        companyId: companyId.sp,
        agendaId: row.id,
        customerId: customer.id,
        assetId: customer.assetIds[0] ?? null,
        startsAt: todaySlots[n % todaySlots.length],
        service: "Revisão programada",
        status: n % 3 === 0 ? "confirmado" : "agendado",
        source: "chatbot",
      });
    });
    agendaValues.push(...todayAgendas);
  }

  // The random agendas above were all sent (or settled) already. So that Automação's jobs have work
  // whatever day the demo starts, for the next São Paulo customers WhatsApp can reach: three automatic
  // agendas of today that the invitation job has not sent yet, and a booking of two days ago nobody
  // checked in, waiting for the no-show sweep.
  const reachable = ctx.customersByCompany.sp.slice(10).filter((c) => !c.mobileInvalid && !c.optOut);
  const toInvite = reachable.slice(0, 3);
  const missed = reachable[3];
  const missedContact = addDaysToDate(today, -4);
  const jobAgendas: (typeof agendas.$inferInsert)[] = [
    ...toInvite.map((customer, n) => ({
      companyId: companyId.sp,
      campaignId: campRevisao.id,
      programId: progRevisao.id,
      customerId: customer.id,
      agentId: spAgents[n % spAgents.length]?.userId,
      teamId: spAgents[n % spAgents.length]?.teamId,
      contactDate: today,
      origin: "automatica" as const,
      direction: "ativo" as const,
      status: "pendente" as const,
      whatsappState: "nao_enviado" as const,
      createdAt: zonedInstant(today, "05:00", TZ),
      updatedAt: now,
    })),
    ...(missed
      ? [
          {
            companyId: companyId.sp,
            campaignId: campRevisao.id,
            programId: progRevisao.id,
            customerId: missed.id,
            agentId: spAgents[0]?.userId,
            teamId: spAgents[0]?.teamId,
            contactDate: missedContact,
            origin: "automatica" as const,
            direction: "ativo" as const,
            status: "agendou" as const,
            whatsappState: "respondido" as const,
            whatsappAt: zonedInstant(missedContact, "09:40", TZ),
            createdAt: zonedInstant(missedContact, "05:00", TZ),
            updatedAt: now,
          },
        ]
      : []),
  ];
  if (spAgents.length && jobAgendas.length) {
    const rows = await tx.insert(agendas).values(jobAgendas).returning({ id: agendas.id });
    rows.forEach((row, n) => {
      const a = jobAgendas[n];
      const customer = n < toInvite.length ? toInvite[n] : missed!;
      for (const assetId of (customer.assetIds.length ? customer.assetIds : [null]).slice(0, 2)) {
        eventValues.push({
          companyId: companyId.sp,
          programId: progRevisao.id,
          customerId: customer.id,
          assetId,
          agendaId: row.id,
          dueDate: addDaysToDate(a.contactDate, 15),
          description: "Revisão de 12 meses / 10.000 km",
        });
      }
      if (a.status !== "agendou") return;
      historyValues.push({ agendaId: row.id, at: a.whatsappAt!, userId: null, fromStatus: "pendente", toStatus: "agendou", reason: "agendou" });
      appointmentValues.push({
        companyId: companyId.sp,
        agendaId: row.id,
        customerId: customer.id,
        assetId: customer.assetIds[0] ?? null,
        startsAt: zonedInstant(addDaysToDate(today, -2), "10:00", TZ),
        service: "Revisão programada",
        status: "confirmado",
        source: "chatbot",
      });
    });
    agendaValues.push(...jobAgendas);
  }

  for (let i = 0; i < eventValues.length; i += 500) {
    // Two agendas of one customer on one day would repeat a due event: the first keeps it.
    await tx.insert(cycleEvents).values(eventValues.slice(i, i + 500)).onConflictDoNothing();
  }
  for (let i = 0; i < historyValues.length; i += 500) await tx.insert(agendaHistory).values(historyValues.slice(i, i + 500));
  for (let i = 0; i < appointmentValues.length; i += 500) await tx.insert(appointments).values(appointmentValues.slice(i, i + 500));
  return { agendas: agendaValues.length, appointments: appointmentValues.length };
}

/** The times of the seeded call-backs, spread over the day so "Pediu para ligar" has an order to show. */
const CALLBACK_TIMES = ["09:00", "10:30", "11:00", "14:00", "15:30", "16:00", "17:30"];

/** The history reason code (lib/agendas/status.ts AGENDA_REASONS) of a seeded agenda's move out of pendente. */
function seedReason(status: Status, byBot: boolean): AgendaReason {
  switch (status) {
    case "agendou":
    case "recusou":
    case "pediu_ligar":
      return byBot ? `${status}_whatsapp` : status;
    case "nao_respondeu":
      return "sem_resposta";
    case "no_show":
      return "no_show_automatico";
    default:
      return "compareceu";
  }
}

/** Minutes from the seed's clock of today's front-desk bookings: four started, six to come. */
const FRONT_DESK_OFFSETS = [-40, -30, -20, -10, 15, 30, 60, 90, 120, 180];

/**
 * Today's front-desk times around `now`, on 5-minute marks, kept inside today (São Paulo): near midnight
 * the later ones close up before 23:55 and the earlier ones after 00:00, each on its own time.
 */
function frontDeskTimes(now: Date, today: string): Date[] {
  const dayStart = zonedInstant(today, "00:00", TZ).getTime();
  const lastMark = dayStart + (24 * 60 - 5) * 60_000;
  const mark = 5 * 60_000;
  const clock = Math.floor(now.getTime() / mark) * mark;
  const taken = new Set<number>();
  const times: Date[] = [];
  for (const offset of FRONT_DESK_OFFSETS) {
    let at = Math.min(Math.max(clock + offset * 60_000, dayStart), lastMark);
    const step = offset < 0 ? mark : -mark;
    while (taken.has(at)) at += step;
    taken.add(at);
    times.push(new Date(at));
  }
  return times.sort((a, b) => a.getTime() - b.getTime());
}
