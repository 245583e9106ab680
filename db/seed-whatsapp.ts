import { localDate } from "../lib/dates";
import type { Db } from "./client";
import { conversations, messages, messageTemplates, senderNumbers } from "./schema/whatsapp";
import { pauseReasons } from "./schema/desk";
import { contactReasons, protocolCounters, ticketEvents, tickets } from "./schema/tickets";
import type { createRandom } from "./seed";

type Random = ReturnType<typeof createRandom>;

const SENDERS = [
  { key: "sp", queue: "sp-oficina", phone: "551140001000", displayName: "Horizonte SP — WhatsApp", providerPhoneId: "sandbox-sp" },
  { key: "cps", queue: "cps-oficina", phone: "551930001000", displayName: "Horizonte Campinas — WhatsApp", providerPhoneId: "sandbox-cps" },
  { key: "net", queue: "net-suporte", phone: "551130002000", displayName: "Conecta Fibra — WhatsApp", providerPhoneId: "sandbox-net" },
];

const TEMPLATES: Omit<typeof messageTemplates.$inferInsert, "companyId">[] = [
  {
    name: "retomar_atendimento",
    category: "UTILITY",
    status: "APPROVED",
    body: "Olá {{1}}, aqui é da {{2}}. Podemos continuar o seu atendimento por aqui?",
    variables: { "1": "customer.name", "2": "company.name" },
    buttons: [],
  },
  {
    name: "convite_revisao",
    category: "MARKETING",
    status: "APPROVED",
    body: "Olá {{1}}! A revisão do seu {{2}} está chegando. Quer agendar pelo WhatsApp?",
    variables: { "1": "customer.name", "2": "free" },
    buttons: [
      { type: "QUICK_REPLY" as const, text: "Quero agendar" },
      { type: "QUICK_REPLY" as const, text: "Prefiro que me liguem" },
      { type: "QUICK_REPLY" as const, text: "Não tenho interesse" },
    ],
  },
  {
    name: "confirmacao_agendamento",
    category: "UTILITY",
    status: "APPROVED",
    body: "Olá {{1}}, confirmamos seu agendamento para {{2}}. Podemos contar com você?",
    variables: { "1": "customer.name", "2": "free" },
    buttons: [
      { type: "QUICK_REPLY" as const, text: "Confirmar" },
      { type: "QUICK_REPLY" as const, text: "Remarcar" },
      { type: "QUICK_REPLY" as const, text: "Cancelar" },
    ],
  },
  {
    name: "reagendar_no_show",
    category: "UTILITY",
    status: "APPROVED",
    body: "Olá {{1}}, sentimos sua falta hoje. Quer escolher um novo horário?",
    variables: { "1": "customer.name" },
    buttons: [{ type: "QUICK_REPLY" as const, text: "Quero remarcar" }],
  },
  {
    name: "promocao_black_friday",
    category: "MARKETING",
    status: "PENDING",
    body: "{{1}}, revisão com 20% de desconto nesta semana!",
    variables: { "1": "customer.name" },
    buttons: [],
  },
  {
    name: "cobranca_atraso",
    category: "UTILITY",
    status: "REJECTED",
    body: "{{1}}, sua fatura está em atraso.",
    variables: { "1": "customer.name" },
    buttons: [],
  },
];

const PAUSE_REASONS = ["Almoço", "Pausa", "Treinamento", "Reunião"];
const REASONS = ["Agendamento de revisão", "Dúvida sobre orçamento", "Status da OS", "Reclamação", "Cancelamento", "Outros"];

type Ctx = {
  now: Date;
  rnd: Random;
  companyId: Record<string, string>;
  queueId: Record<string, string>;
  agentsByCompany: Record<string, { userId: string }[]>;
  customersWithMobile: Record<string, { id: string; name: string; mobile: string }[]>;
};

/** Sender numbers, templates, contact reasons and a closed-ticket history for the WhatsApp desk. */
export async function seedWhatsapp(tx: Db, ctx: Ctx) {
  const { now, rnd } = ctx;
  const senderRows = await tx
    .insert(senderNumbers)
    .values(SENDERS.map((s) => ({ companyId: ctx.companyId[s.key], queueId: ctx.queueId[s.queue], phone: s.phone, displayName: s.displayName, providerPhoneId: s.providerPhoneId })))
    .returning({ id: senderNumbers.id });
  await tx.insert(messageTemplates).values(
    SENDERS.flatMap((s) => TEMPLATES.map((t) => ({ companyId: ctx.companyId[s.key], language: "pt_BR", ...t }))),
  );
  // "Motivos de pausa" the agents pick from when going Não pronto (the live desk).
  await tx.insert(pauseReasons).values(SENDERS.flatMap((s) => PAUSE_REASONS.map((name) => ({ companyId: ctx.companyId[s.key], name }))));
  const reasonRows = await tx
    .insert(contactReasons)
    .values(SENDERS.flatMap((s) => REASONS.map((name) => ({ companyId: ctx.companyId[s.key], name }))))
    .returning({ id: contactReasons.id, companyId: contactReasons.companyId });

  // A week of finished WhatsApp attendances, for the Histórico screen.
  const perDay = new Map<string, number>();
  const protocolFor = (at: Date) => {
    const day = localDate(at, "America/Sao_Paulo").replaceAll("-", "");
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    return `${day}${String(perDay.get(day)).padStart(6, "0")}`;
  };
  for (const [i, s] of SENDERS.entries()) {
    const people = ctx.customersWithMobile[s.key].slice(0, 6);
    const agents = ctx.agentsByCompany[s.key];
    if (!agents.length) continue;
    for (const [n, person] of people.entries()) {
      const lastInboundAt = new Date(now.getTime() - (n + 1) * 26 * 3_600_000);
      const [conversation] = await tx
        .insert(conversations)
        .values({ companyId: ctx.companyId[s.key], senderNumberId: senderRows[i].id, customerPhone: person.mobile, customerId: person.id, contactName: person.name, lastInboundAt })
        .returning({ id: conversations.id });
      const agentId = agents[n % agents.length].userId;
      const openedAt = new Date(lastInboundAt.getTime() - 20 * 60_000);
      const reasons = reasonRows.filter((r) => r.companyId === ctx.companyId[s.key]);
      const [ticket] = await tx
        .insert(tickets)
        .values({
          companyId: ctx.companyId[s.key],
          conversationId: conversation.id,
          protocol: protocolFor(openedAt),
          queueId: ctx.queueId[s.queue],
          agentId,
          status: "finalizado",
          contactReasonId: rnd.pick(reasons).id,
          description: rnd.pick(["Cliente agendou a revisão pelo WhatsApp.", "Enviado orçamento; cliente vai avaliar.", "Informado status da OS."]),
          resolved: rnd.chance(0.8),
          openedAt,
          closedAt: new Date(lastInboundAt.getTime() + 10 * 60_000),
          closedBy: agentId,
          lastMessageAt: lastInboundAt,
          agentReadAt: lastInboundAt,
        })
        .returning({ id: tickets.id, contactReasonId: tickets.contactReasonId, resolved: tickets.resolved, description: tickets.description });
      // The same facts as lib/tickets/state.ts writes for a live ticket, so reports see the demo week.
      const ticketFacts = { ticketId: ticket.id, companyId: ctx.companyId[s.key], queueId: ctx.queueId[s.queue], agentId };
      await tx.insert(ticketEvents).values([
        { ...ticketFacts, kind: "opened", at: openedAt, channel: "whatsapp" },
        { ...ticketFacts, kind: "queued", at: openedAt },
        { ...ticketFacts, kind: "assigned", at: new Date(openedAt.getTime() + 60_000), actorId: agentId, how: "picked" },
        { ...ticketFacts, kind: "first_reply", at: new Date(openedAt.getTime() + 2 * 60_000), actorId: agentId },
        { ...ticketFacts, kind: "closed", at: new Date(lastInboundAt.getTime() + 10 * 60_000), actorId: agentId, reason: "finalizado_pelo_agente", contactReasonId: ticket.contactReasonId, resolved: ticket.resolved, description: ticket.description },
      ]);
      const first = person.name.split(" ")[0];
      await tx.insert(messages).values([
        { conversationId: conversation.id, ticketId: ticket.id, direction: "in", author: "customer", type: "text", body: `Oi, bom dia! Queria saber sobre a revisão do meu carro.`, wamid: `wamid.seed.${conversation.id}.1`, status: "received", createdAt: openedAt },
        { conversationId: conversation.id, ticketId: ticket.id, direction: "out", author: "agent", authorUserId: agentId, type: "text", body: `Bom dia, ${first}! Claro, posso ajudar. Qual o melhor dia para você?`, wamid: `wamid.seed.${conversation.id}.2`, idempotencyKey: `seed:${conversation.id}:2`, status: "read", statusAt: new Date(openedAt.getTime() + 5 * 60_000), createdAt: new Date(openedAt.getTime() + 2 * 60_000) },
        { conversationId: conversation.id, ticketId: ticket.id, direction: "in", author: "customer", type: "text", body: "Pode ser na próxima terça de manhã.", wamid: `wamid.seed.${conversation.id}.3`, status: "received", createdAt: lastInboundAt },
      ]);
    }
  }
  // Real protocol numbers continue after the seeded ones of each day.
  if (perDay.size) await tx.insert(protocolCounters).values([...perDay].map(([day, last]) => ({ day, last })));
  return { senderNumbers: senderRows.length };
}
