import { and, asc, desc, eq, gt, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendas, appointments } from "@/db/schema/agendas";
import { assets, serviceOrders } from "@/db/schema/customers";
import { conversations } from "@/db/schema/whatsapp";
import { UserError } from "@/lib/errors";
import { AWAITING_ANSWER_AGENDA_STATUSES, createAgenda, moveAgenda } from "@/lib/agendas/status";
import { bookForAgenda, rescheduleBooking } from "@/lib/appointments/book-appointment";
import { cancelAppointment, confirmAppointment, OPEN_APPOINTMENT_STATUSES } from "@/lib/appointments/status";
import { freeSlots, getCalendar } from "@/lib/appointments/calendar";
import { formatDay, formatTime, localDate } from "@/lib/dates";
import { findOpenTicket } from "@/lib/tickets/open-ticket";
import { routeInbound } from "@/lib/tickets/route-inbound";
import type { OutboundPayload, WhatsappGateway } from "@/lib/whatsapp/gateway";
import type { InboundResult } from "@/lib/whatsapp/process-delivery";
import { sendMessage } from "@/lib/whatsapp/outbox/send-one";
import {
  currentState,
  dayLabel,
  fit,
  IDLE,
  MAX_MISSES,
  normalize,
  readReply,
  templateIntent,
  type BotState,
  type CustomerReply,
  type TemplateIntent,
} from "./state";

export type ChatbotOutcome = "handled" | "human";
export type ChatbotInbound = Pick<InboundResult, "messageId" | "conversationId" | "companyId" | "type" | "body" | "interactive"> & {
  customerId?: string | null;
};

/** How far ahead the bot offers days, and how many rows a list shows. */
const BOOKING_DAYS = 21;
const MAX_DAYS = 10;
const TIMES_PER_PAGE = 8;
const RECENT_ORDERS_DAYS = 90;

/** WhatsApp states of an invited agenda: with AWAITING_ANSWER_AGENDA_STATUSES, what an invitation's answer applies to. */
const INVITED_STATES = ["enviado", "entregue", "lido", "respondido"] as const;

export const BOT_TEXTS = {
  menu: "Olá! Sou o assistente virtual. Como podemos ajudar?",
  invite: "Você tem uma revisão para agendar. Como prefere seguir?",
  help: "Desculpe, não entendi. Por favor, escolha uma das opções abaixo.",
  callMe: "Obrigado! Um de nossos atendentes vai ligar para você em breve.",
  refused: "Tudo bem, obrigado pelo retorno! Se mudar de ideia, é só mandar uma mensagem.",
  noSlots: "No momento não há horários livres nas próximas semanas.",
  slotTaken: "Desculpe, esse horário acabou de ser preenchido. Por favor, escolha outro horário.",
  noAppointment: "Não encontramos um agendamento em aberto para você.",
  notIdentified: "Não encontramos um cadastro para este número.",
  protocol: (protocol: string) => `Seu protocolo de atendimento é ${protocol}. Em instantes um atendente vai falar com você.`,
} as const;

type Option = { id: string; title: string; description?: string };
type Prompt = { payload: OutboundPayload; options: Option[] };

type Conversation = { id: string; companyId: string; customerId: string | null };

class Turn {
  private sent = 0;
  constructor(
    readonly db: Db,
    readonly gateway: WhatsappGateway,
    readonly inbound: ChatbotInbound & { messageId: string },
    readonly conversation: Conversation,
    readonly timeZone: string,
    readonly now: Date,
    public state: BotState,
  ) {}

  get today() {
    return localDate(this.now, this.timeZone);
  }

  /** One bot message; its key is the inbound message's id and its order in the answer, so a replay sends nothing twice. */
  async send(payload: OutboundPayload, ticketId?: string | null) {
    const n = this.sent++;
    await sendMessage(
      this.db,
      this.gateway,
      { conversationId: this.conversation.id, ticketId: ticketId ?? null, author: "bot", idempotencyKey: `bot:${this.inbound.messageId}:${n}`, payload },
      this.now,
    );
  }

  async text(body: string, ticketId?: string | null) {
    await this.send({ type: "text", body }, ticketId);
  }

  async save(next: Partial<BotState> & Pick<BotState, "flow" | "step">) {
    const state: BotState = {
      misses: 0,
      ...next,
      updatedAt: this.now.toISOString(),
      lastMessageId: this.inbound.messageId,
      ...(this.state.unidentified || next.unidentified ? { unidentified: true } : {}),
    };
    this.state = state;
    await this.db.update(conversations).set({ botState: state }).where(eq(conversations.id, this.conversation.id));
  }

  async idle() {
    await this.save({ ...IDLE });
  }
}

/**
 * The chatbot (SPEC §3.6): answers one new customer message of a conversation, or says it belongs to a
 * human (the conversation has an open ticket). Runs after the message is stored; a repeated call for the
 * same message does nothing (the state remembers the last message handled, and every send has a key).
 */
export async function handleInbound(db: Db, gateway: WhatsappGateway, inbound: ChatbotInbound, now: Date): Promise<ChatbotOutcome> {
  if (!inbound.messageId) return "human";
  const messageId = inbound.messageId;
  const [conversation] = await db
    .select({ id: conversations.id, companyId: conversations.companyId, customerId: conversations.customerId })
    .from(conversations)
    .where(eq(conversations.id, inbound.conversationId));
  if (!conversation) return "human";

  // Any answer of the customer counts as a reply to the invitation.
  if (conversation.customerId) {
    const agenda = await openInvitedAgenda(db, conversation.customerId);
    if (agenda && agenda.whatsappState !== "respondido") {
      await db
        .update(agendas)
        .set({ whatsappState: "respondido", whatsappAt: now, updatedAt: now })
        .where(and(eq(agendas.id, agenda.id), inArray(agendas.whatsappState, ["enviado", "entregue", "lido"])));
    }
  }

  if (await findOpenTicket(db, conversation.id)) return "human";

  // Claim the message: a second follow-up of the same one finds it taken and does nothing.
  const claimed = await db
    .update(conversations)
    .set({ botState: sql`coalesce(${conversations.botState}, '{}'::jsonb) || jsonb_build_object('lastMessageId', ${messageId}::text)` })
    .where(
      and(
        eq(conversations.id, conversation.id),
        sql`coalesce(${conversations.botState}->>'lastMessageId', '') <> ${messageId}`,
        // Every answer of the bot sends at least one message: its first key marks the message as handled.
        sql`not exists (select 1 from messages m where m.idempotency_key = ${`bot:${messageId}:0`})`,
      ),
    )
    .returning({ botState: conversations.botState });
  if (!claimed.length) return "handled";

  const { timeZone } = await getCalendar(db, conversation.companyId);
  const turn = new Turn(db, gateway, { ...inbound, messageId }, conversation, timeZone, now, currentState(claimed[0].botState, now));
  await dispatch(turn, readReply(inbound));
  return "handled";
}

async function dispatch(turn: Turn, reply: CustomerReply) {
  const intent = templateIntent(reply);
  if (intent) return onTemplate(turn, intent);

  const { state } = turn;
  if (state.flow === "idle") {
    // A tap on an old menu or invitation still works; anything else gets the way in.
    if (reply.kind === "tap" && reply.id?.startsWith("menu:")) return onMenu(turn, reply.id);
    if (reply.kind === "tap" && reply.id?.startsWith("invite:")) return onInvite(turn, reply.id);
    return start(turn);
  }

  const prompt = await promptFor(turn);
  const chosen = prompt ? choose(prompt.options, reply) : null;
  if (state.flow === "menu" && chosen) return onMenu(turn, chosen);
  if (state.flow === "invite" && chosen) return onInvite(turn, chosen);
  if (state.flow === "booking") {
    if (chosen) return onBooking(turn, chosen);
    // A time tapped on a list while it filled up.
    if (state.step === "time" && reply.kind === "tap" && reply.id?.startsWith("time:")) {
      await turn.text(BOT_TEXTS.slotTaken);
      return askTimes(turn, state.day ?? turn.today, 0);
    }
  }
  return miss(turn, prompt);
}

/** The option the customer tapped, or whose title they typed. */
function choose(options: Option[], reply: CustomerReply): string | null {
  if (reply.kind === "tap" && reply.id) return options.some((o) => o.id === reply.id) ? reply.id : null;
  if (reply.kind === "text") {
    const typed = normalize(reply.text);
    if (!typed) return null;
    const found = options.find((o) => normalize(o.title) === typed);
    return found?.id ?? null;
  }
  return null;
}

async function miss(turn: Turn, prompt: Prompt | null) {
  const misses = turn.state.misses + 1;
  if (misses >= MAX_MISSES || !prompt) return handOver(turn);
  await turn.text(BOT_TEXTS.help);
  await turn.send(prompt.payload);
  await turn.save({ ...turn.state, misses });
}

/** Outside any flow: the invitation's options while its agenda is open, else the passive menu. */
async function start(turn: Turn) {
  const { customerId } = turn.conversation;
  const agenda = customerId ? await openInvitedAgenda(turn.db, customerId) : null;
  if (agenda) {
    await turn.send(invitePrompt().payload);
    return turn.save({ flow: "invite", step: "choose", agendaId: agenda.id });
  }
  if (customerId) await ensurePassiveAgenda(turn, customerId);
  await turn.send(menuPrompt().payload);
  await turn.save({ flow: "menu", step: "choose", ...(customerId ? {} : { unidentified: true }) });
}

// ---------------------------------------------------------------------------------------------------
// Prompts

function menuPrompt(): Prompt {
  const options = [
    { id: "menu:agendar", title: "Agendar serviço" },
    { id: "menu:os", title: "Minhas OS" },
    { id: "menu:atendente", title: "Falar com um atendente" },
  ];
  return { options, payload: { type: "list", body: BOT_TEXTS.menu, buttonText: "Ver opções", rows: options } };
}

function invitePrompt(): Prompt {
  const options = [
    { id: "invite:agendar", title: "Quero agendar" },
    { id: "invite:ligar", title: "Prefiro que me liguem" },
    { id: "invite:recusar", title: "Não tenho interesse" },
  ];
  return { options, payload: { type: "list", body: BOT_TEXTS.invite, buttonText: "Ver opções", rows: options } };
}

function assetTitle(a: { kind: string; plate: string | null; model: string | null; planName: string | null }) {
  if (a.kind === "plan") return a.planName ?? "Plano";
  return [a.model, a.plate].filter(Boolean).join(" ") || "Veículo";
}

async function customerAssets(turn: Turn) {
  if (!turn.conversation.customerId) return [];
  return turn.db
    .select({ id: assets.id, kind: assets.kind, plate: assets.plate, model: assets.model, planName: assets.planName })
    .from(assets)
    .where(eq(assets.customerId, turn.conversation.customerId))
    .orderBy(asc(assets.createdAt), asc(assets.id));
}

async function assetPrompt(turn: Turn): Promise<Prompt | null> {
  const rows = (await customerAssets(turn)).slice(0, 10);
  if (!rows.length) return null;
  const options = rows.map((a) => ({ id: `asset:${a.id}`, title: fit(assetTitle(a), 24) }));
  return { options, payload: { type: "list", body: "Qual veículo/plano?", buttonText: "Escolher", rows: options } };
}

async function openDays(turn: Turn) {
  return freeSlots(turn.db, turn.conversation.companyId, { from: turn.today, days: BOOKING_DAYS, now: turn.now });
}

async function dayPrompt(turn: Turn): Promise<Prompt | null> {
  const days = (await openDays(turn)).slice(0, MAX_DAYS);
  if (!days.length) return null;
  const options = days.map((d) => ({
    id: `day:${d.day}`,
    title: dayLabel(d.day),
    description: `${d.slots.length} ${d.slots.length === 1 ? "horário livre" : "horários livres"}`,
  }));
  return { options, payload: { type: "list", body: "Escolha o melhor dia:", buttonText: "Ver dias", rows: options } };
}

async function timePrompt(turn: Turn, day: string, offset: number): Promise<Prompt | null> {
  const found = (await freeSlots(turn.db, turn.conversation.companyId, { from: day, days: 1, now: turn.now }))[0];
  const slots = found?.slots ?? [];
  if (!slots.length) return null;
  const start = offset < slots.length ? offset : 0;
  const page = slots.slice(start, start + TIMES_PER_PAGE);
  const options: Option[] = page.map((s) => ({ id: `time:${s.startsAt.toISOString()}`, title: formatTime(s.startsAt, turn.timeZone) }));
  if (start + TIMES_PER_PAGE < slots.length) options.push({ id: `more:${start + TIMES_PER_PAGE}`, title: "Mais horários" });
  options.push({ id: "other-day", title: "Outro dia" });
  return {
    options,
    payload: { type: "list", body: `Horários livres em ${formatDay(day)}:`, buttonText: "Ver horários", rows: options },
  };
}

function confirmPrompt(turn: Turn, slot: Date): Prompt {
  const options = [
    { id: "confirm:ok", title: "Confirmar" },
    { id: "confirm:other", title: "Escolher outro" },
  ];
  const when = `${formatDay(localDate(slot, turn.timeZone))} às ${formatTime(slot, turn.timeZone)}`;
  return { options, payload: { type: "buttons", body: `Confirma o agendamento para ${when}?`, buttons: options } };
}

/** The current step's prompt (to read an answer against, or to send again). */
async function promptFor(turn: Turn): Promise<Prompt | null> {
  const { state } = turn;
  if (state.flow === "menu") return menuPrompt();
  if (state.flow === "invite") return invitePrompt();
  if (state.flow !== "booking") return null;
  switch (state.step) {
    case "asset":
      return assetPrompt(turn);
    case "day":
      return dayPrompt(turn);
    case "time":
      return timePrompt(turn, state.day ?? turn.today, state.offset ?? 0);
    case "confirm":
      return state.slot ? confirmPrompt(turn, new Date(state.slot)) : null;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// Answers

async function onMenu(turn: Turn, id: string) {
  if (id === "menu:agendar") {
    const { customerId } = turn.conversation;
    const agenda = customerId ? ((await openInvitedAgenda(turn.db, customerId)) ?? (await todaysPassiveAgenda(turn, customerId))) : null;
    return startBooking(turn, { agendaId: agenda?.id ?? null });
  }
  if (id === "menu:os") return myOrders(turn);
  return handOver(turn);
}

async function onInvite(turn: Turn, id: string) {
  if (id === "invite:agendar") return onTemplate(turn, "agendar");
  if (id === "invite:ligar") return onTemplate(turn, "ligar");
  return onTemplate(turn, "recusar");
}

async function onTemplate(turn: Turn, intent: TemplateIntent) {
  const { db, now } = turn;
  const { customerId } = turn.conversation;
  if (!customerId) {
    await turn.text(BOT_TEXTS.notIdentified);
    return handOver(turn);
  }
  switch (intent) {
    case "agendar": {
      const agenda = await openInvitedAgenda(db, customerId);
      return startBooking(turn, { agendaId: agenda?.id ?? turn.state.agendaId ?? null });
    }
    case "remarcar_no_show": {
      // The new time is for the missed appointment: its agenda and vehicle/plan, whatever else is open.
      const missed = await missedAppointment(turn, customerId);
      const agenda = missed?.agendaId ? null : await openInvitedAgenda(db, customerId);
      return startBooking(turn, { agendaId: missed?.agendaId ?? agenda?.id ?? turn.state.agendaId ?? null, assetId: missed?.assetId ?? null });
    }
    case "ligar": {
      const agenda = await openInvitedAgenda(db, customerId);
      if (agenda) await db.transaction((tx) => moveAgenda(tx, { agendaId: agenda.id, move: "ask_callback", reason: "pediu_ligar_whatsapp", actorId: null, now }));
      await turn.text(BOT_TEXTS.callMe);
      return turn.idle();
    }
    case "recusar": {
      const agenda = await openInvitedAgenda(db, customerId);
      if (agenda) {
        await db.transaction((tx) =>
          moveAgenda(tx, { agendaId: agenda.id, move: "refuse", reason: "recusou_whatsapp", actorId: null, now, set: { resultReason: "Cliente recusou pelo WhatsApp" } }),
        );
      }
      await turn.text(BOT_TEXTS.refused);
      return turn.idle();
    }
    case "confirmar":
    case "remarcar":
    case "cancelar": {
      const appointment = await nextAppointment(turn, customerId);
      if (!appointment) {
        await turn.text(BOT_TEXTS.noAppointment);
        return start(turn);
      }
      const when = `${formatDay(localDate(appointment.startsAt, turn.timeZone))} às ${formatTime(appointment.startsAt, turn.timeZone)}`;
      if (intent === "remarcar") {
        return startBooking(turn, { agendaId: appointment.agendaId, appointmentId: appointment.id, assetId: appointment.assetId });
      }
      if (intent === "confirmar") {
        await db.transaction((tx) => confirmAppointment(tx, { appointmentId: appointment.id, actorId: null, now }));
        await turn.text(`Agendamento confirmado para ${when}. Até lá!`);
        return turn.idle();
      }
      // The customer no longer has a booking: the agenda goes back to the ones to work.
      await db.transaction((tx) => cancelAppointment(tx, { appointmentId: appointment.id, reason: "agendamento_cancelado_whatsapp", actorId: null, now }));
      await turn.text(`Seu agendamento de ${when} foi cancelado. Se quiser marcar outra data, é só mandar uma mensagem.`);
      return turn.idle();
    }
  }
}

async function startBooking(turn: Turn, opts: { agendaId: string | null; appointmentId?: string | null; assetId?: string | null }) {
  if (!turn.conversation.customerId) {
    await turn.text(BOT_TEXTS.notIdentified);
    return handOver(turn);
  }
  const base = { flow: "booking" as const, agendaId: opts.agendaId, appointmentId: opts.appointmentId ?? null };
  let assetId = opts.assetId ?? null;
  if (!assetId) {
    const owned = await customerAssets(turn);
    if (owned.length > 1) {
      const prompt = await assetPrompt(turn);
      if (prompt) {
        await turn.send(prompt.payload);
        return turn.save({ ...base, step: "asset" });
      }
    }
    assetId = owned[0]?.id ?? null;
  }
  return askDays(turn, { ...base, assetId });
}

async function askDays(turn: Turn, state: Partial<BotState>) {
  const prompt = await dayPrompt(turn);
  if (!prompt) {
    await turn.text(BOT_TEXTS.noSlots);
    return handOver(turn);
  }
  await turn.send(prompt.payload);
  await turn.save({ ...turn.state, ...state, flow: "booking", step: "day", day: null, slot: null, offset: 0, misses: 0 });
}

async function askTimes(turn: Turn, day: string, offset: number) {
  const prompt = await timePrompt(turn, day, offset);
  if (!prompt) return askDays(turn, {});
  await turn.send(prompt.payload);
  await turn.save({ ...turn.state, flow: "booking", step: "time", day, offset, slot: null, misses: 0 });
}

async function onBooking(turn: Turn, id: string) {
  const { state } = turn;
  if (id.startsWith("asset:")) return askDays(turn, { assetId: id.slice("asset:".length) });
  if (id.startsWith("day:")) return askTimes(turn, id.slice("day:".length), 0);
  if (id.startsWith("more:")) return askTimes(turn, state.day ?? turn.today, Number(id.slice("more:".length)) || 0);
  if (id === "other-day" || id === "confirm:other") return askDays(turn, {});
  if (id.startsWith("time:")) {
    const slot = new Date(id.slice("time:".length));
    await turn.send(confirmPrompt(turn, slot).payload);
    return turn.save({ ...state, step: "confirm", slot: slot.toISOString(), misses: 0 });
  }
  if (id === "confirm:ok" && state.slot) return book(turn, new Date(state.slot));
  return miss(turn, await promptFor(turn));
}

async function book(turn: Turn, startsAt: Date) {
  const { db, now, state } = turn;
  const customerId = turn.conversation.customerId!;
  let booked: { id: string; startsAt: Date };
  try {
    booked = await db.transaction(async (tx) => {
      const rescheduled = state.appointmentId
        ? await rescheduleBooking(tx, { appointmentId: state.appointmentId, startsAt, source: "chatbot", userId: null, reason: "remarcado_whatsapp" }, now)
        : null;
      if (rescheduled) return rescheduled;
      const agendaId = state.agendaId ?? (await ensurePassiveAgenda(turn, customerId, tx)).id;
      const booking = { companyId: turn.conversation.companyId, customerId, assetId: state.assetId ?? null, agendaId, startsAt, source: "chatbot" as const, userId: null };
      return bookForAgenda(tx, booking, now, { reason: "agendou_whatsapp" });
    });
  } catch (error) {
    if (error instanceof UserError && (error.code === "slot_full" || error.code === "slot_unavailable")) {
      await turn.text(BOT_TEXTS.slotTaken);
      return askTimes(turn, state.day ?? localDate(startsAt, turn.timeZone), 0);
    }
    throw error;
  }
  const when = `${formatDay(localDate(booked.startsAt, turn.timeZone))} às ${formatTime(booked.startsAt, turn.timeZone)}`;
  await turn.text(`Pronto! Seu agendamento está marcado para ${when}. Até lá!`);
  await turn.idle();
}

const ORDER_STATUS: Record<string, string> = { aberta: "Aberta", em_andamento: "Em andamento", concluida: "Concluída", cancelada: "Cancelada" };

async function myOrders(turn: Turn) {
  const { customerId } = turn.conversation;
  if (!customerId) {
    await turn.text(BOT_TEXTS.notIdentified);
    return handOver(turn);
  }
  const since = new Date(turn.now.getTime() - RECENT_ORDERS_DAYS * 86_400_000);
  const rows = await turn.db
    .select({ number: serviceOrders.number, status: serviceOrders.status, description: serviceOrders.description })
    .from(serviceOrders)
    .where(
      and(
        eq(serviceOrders.customerId, customerId),
        or(inArray(serviceOrders.status, ["aberta", "em_andamento"]), gte(serviceOrders.openedAt, since), gte(serviceOrders.closedAt, since)),
      ),
    )
    .orderBy(desc(serviceOrders.openedAt))
    .limit(10);
  const body = rows.length
    ? ["Suas ordens de serviço:", ...rows.map((r) => `• OS ${r.number} — ${ORDER_STATUS[r.status] ?? r.status}${r.description ? ` — ${r.description}` : ""}`)].join("\n")
    : "Não encontramos ordens de serviço abertas ou recentes no seu cadastro.";
  await turn.text(body);
  await turn.idle();
}

/** To a human: the message joins (or opens) a ticket in the sender number's queue; the customer gets the protocol (R-0.4). */
async function handOver(turn: Turn) {
  const { db, inbound, now } = turn;
  await routeInbound(db, [{ messageId: inbound.messageId, conversationId: inbound.conversationId, isNew: true }], now);
  const ticket = await findOpenTicket(db, inbound.conversationId);
  if (ticket) await turn.text(BOT_TEXTS.protocol(ticket.protocol), ticket.id);
  await turn.idle();
}

// ---------------------------------------------------------------------------------------------------
// Data

/**
 * The customer's open agenda whose invitation went out most recently — automatic, or manual when an
 * agent sent the invitation by hand (SPEC §3.1).
 */
async function openInvitedAgenda(db: Db, customerId: string) {
  const [row] = await db
    .select({ id: agendas.id, status: agendas.status, whatsappState: agendas.whatsappState })
    .from(agendas)
    .where(
      and(
        eq(agendas.customerId, customerId),
        // Passive agendas are the customer's own contact, not an invitation.
        eq(agendas.direction, "ativo"),
        inArray(agendas.status, [...AWAITING_ANSWER_AGENDA_STATUSES]),
        inArray(agendas.whatsappState, [...INVITED_STATES]),
      ),
    )
    .orderBy(sql`${agendas.whatsappAt} desc nulls last`, desc(agendas.contactDate), desc(agendas.createdAt))
    .limit(1);
  return row ?? null;
}

async function todaysPassiveAgenda(turn: Turn, customerId: string, db: Db = turn.db) {
  const [row] = await db
    .select({ id: agendas.id })
    .from(agendas)
    .where(and(eq(agendas.customerId, customerId), eq(agendas.direction, "passivo"), eq(agendas.contactDate, turn.today)))
    .limit(1);
  return row ?? null;
}

/** "Cliente Passivo": one passive agenda per customer and day. */
async function ensurePassiveAgenda(turn: Turn, customerId: string, db: Db = turn.db) {
  const existing = await todaysPassiveAgenda(turn, customerId, db);
  if (existing) return existing;
  return createAgenda(
    db,
    {
      companyId: turn.conversation.companyId,
      customerId,
      contactDate: turn.today,
      origin: "manual",
      direction: "passivo",
      whatsappState: "respondido",
      whatsappAt: turn.now,
      createdAt: turn.now,
      updatedAt: turn.now,
    },
    { reason: "passivo_whatsapp", actorId: null, now: turn.now },
  );
}

/** The customer's next open appointment (the one a confirmation template is about). */
async function nextAppointment(turn: Turn, customerId: string) {
  const [row] = await turn.db
    .select({ id: appointments.id, agendaId: appointments.agendaId, assetId: appointments.assetId, startsAt: appointments.startsAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.customerId, customerId),
        inArray(appointments.status, [...OPEN_APPOINTMENT_STATUSES]),
        gt(appointments.startsAt, turn.now),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  return row ?? null;
}

/** The customer's latest no-show still waiting for a new time (its agenda not rebooked since): what "Quero remarcar" answers. */
async function missedAppointment(turn: Turn, customerId: string) {
  const [row] = await turn.db
    .select({ agendaId: appointments.agendaId, assetId: appointments.assetId })
    .from(appointments)
    .leftJoin(agendas, eq(agendas.id, appointments.agendaId))
    .where(
      and(
        eq(appointments.customerId, customerId),
        eq(appointments.status, "no_show"),
        or(isNull(appointments.agendaId), eq(agendas.status, "no_show")),
      ),
    )
    .orderBy(desc(appointments.startsAt))
    .limit(1);
  return row ?? null;
}
