import { and, asc, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaHistory, agendas, appointments } from "@/db/schema/agendas";
import { assets, contacts, customers, serviceOrders } from "@/db/schema/customers";
import { conversations, messages } from "@/db/schema/whatsapp";
import { tickets } from "@/db/schema/tickets";
import { seed } from "@/db/seed";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { getCalendar } from "@/lib/appointments/calendar";
import { followUpDelivery } from "@/lib/whatsapp/follow-up";
import { parseWebhook } from "@/lib/whatsapp/parse-webhook";
import { processDelivery } from "@/lib/whatsapp/process-delivery";
import { createSandboxProvider } from "@/lib/whatsapp/sandbox-provider";
import { buildSimulatedDelivery, newSimulatorWamid } from "@/lib/whatsapp/simulator";
import type { SimulatedReply } from "@/lib/whatsapp/simulator-schema";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { BOT_TEXTS } from "./handle-inbound";
import type { BotState } from "./state";

// Monday 23/11/2026, 10:00 in São Paulo.
const NOW = new Date("2026-11-23T13:00:00Z");
const SECRET = "chatbot-test-secret";
const SENDER = { phone: "551140001000", providerPhoneId: "sandbox-sp" };
const gateway = createSandboxProvider();

let t: TestDb;
let s: Seeded;
let clock = NOW;
let phoneSeq = 0;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 6, agendas: 0 });
  s = await seeded(t.db);
});
afterAll(() => t?.close());

type BotRow = { type: string; body: string | null; interactive: Record<string, unknown> | null; ticketId: string | null };

/** The customer answers; the delivery goes through the real path: parse → store → follow-up (chatbot). */
async function say(phone: string, reply: SimulatedReply, opts: { wamid?: string; advance?: number } = {}) {
  clock = new Date(clock.getTime() + (opts.advance ?? 60_000));
  const { body } = buildSimulatedDelivery(
    { sender: SENDER, customerPhone: phone, contactName: "Cliente Teste", reply, wamid: opts.wamid ?? newSimulatorWamid(), at: clock },
    SECRET,
  );
  const result = await processDelivery(t.db, parseWebhook(JSON.parse(body))!, clock);
  await followUpDelivery(t.db, result, clock, gateway);
  const inbound = result.inbound[0];
  return { result, messageId: inbound.messageId!, conversationId: inbound.conversationId, bot: await botReplies(inbound.messageId!) };
}

async function botReplies(messageId: string): Promise<BotRow[]> {
  const rows = await t.db
    .select({ type: messages.type, body: messages.body, interactive: messages.interactive, ticketId: messages.ticketId, author: messages.author })
    .from(messages)
    .where(like(messages.idempotencyKey, `bot:${messageId}:%`))
    .orderBy(asc(messages.idempotencyKey));
  expect(rows.every((r) => r.author === "bot")).toBe(true);
  return rows.map((r) => ({ ...r, interactive: (r.interactive ?? null) as Record<string, unknown> | null }));
}

function rowsOf(message: BotRow): { id: string; title: string }[] {
  const i = message.interactive as { rows?: { id: string; title: string }[]; buttons?: { id: string; title: string }[] };
  return i.rows ?? i.buttons ?? [];
}

const tap = (row: { id: string; title: string }, kind: "list_reply" | "button_reply" = "list_reply"): SimulatedReply => ({ type: kind, id: row.id, title: row.title });
const template = (text: string): SimulatedReply => ({ type: "template_button", payload: text, text });
const text = (body: string): SimulatedReply => ({ type: "text", body });

async function customer(opts: { assets?: number; agenda?: Partial<typeof agendas.$inferInsert> | null; phone?: string } = {}) {
  const phone = opts.phone ?? `55119777${String(++phoneSeq).padStart(5, "0")}`;
  const [c] = await t.db.insert(customers).values({ companyId: s.sp, name: `Cliente ${phoneSeq}` }).returning({ id: customers.id });
  await t.db.insert(contacts).values({ customerId: c.id, name: `Cliente ${phoneSeq}`, mobile: phone });
  const assetIds: string[] = [];
  for (let i = 0; i < (opts.assets ?? 1); i++) {
    const [a] = await t.db
      .insert(assets)
      .values({ customerId: c.id, kind: "vehicle", model: i ? "Onix" : "HB20", plate: `ABC1D${phoneSeq}${i}`, createdAt: new Date(NOW.getTime() + i) })
      .returning({ id: assets.id });
    assetIds.push(a.id);
  }
  let agendaId: string | null = null;
  if (opts.agenda !== null) {
    const [a] = await t.db
      .insert(agendas)
      .values({ companyId: s.sp, customerId: c.id, contactDate: "2026-11-20", origin: "automatica", direction: "ativo", status: "pendente", whatsappState: "entregue", ...opts.agenda })
      .returning({ id: agendas.id });
    agendaId = a.id;
  }
  return { id: c.id, phone, assetIds, agendaId };
}

async function agendaOf(id: string) {
  const [row] = await t.db.select().from(agendas).where(eq(agendas.id, id));
  return row;
}

async function historyOf(agendaId: string) {
  return t.db.select().from(agendaHistory).where(eq(agendaHistory.agendaId, agendaId)).orderBy(asc(agendaHistory.at));
}

async function appointmentsOf(customerId: string) {
  return t.db.select().from(appointments).where(eq(appointments.customerId, customerId)).orderBy(asc(appointments.createdAt));
}

async function stateOf(conversationId: string) {
  const [row] = await t.db.select({ botState: conversations.botState }).from(conversations).where(eq(conversations.id, conversationId));
  return row.botState as BotState;
}

/** Quero agendar → first day → first time: the confirmation buttons. */
async function toConfirmation(phone: string, start: SimulatedReply = template("Quero agendar")) {
  const days = await say(phone, start);
  expect(days.bot).toHaveLength(1);
  expect(days.bot[0].type).toBe("list");
  const times = await say(phone, tap(rowsOf(days.bot[0])[0]));
  expect(times.bot[0].body).toMatch(/^Horários livres em /);
  const time = rowsOf(times.bot[0])[0];
  const confirm = await say(phone, tap(time));
  expect(confirm.bot[0].type).toBe("buttons");
  expect(rowsOf(confirm.bot[0]).map((b) => b.title)).toEqual(["Confirmar", "Escolher outro"]);
  return { days, times, time, confirm, slot: new Date(time.id.slice("time:".length)) };
}

describe("invitation → booking by taps", () => {
  it("books the first free time and marks the agenda agendou", async () => {
    const c = await customer();
    const { days, time, confirm, slot } = await toConfirmation(c.phone);
    // The days: at most 10, today first (10:00 on a Monday still has free times).
    const dayRows = rowsOf(days.bot[0]);
    expect(dayRows.length).toBeLessThanOrEqual(10);
    expect(dayRows[0]).toMatchObject({ id: "day:2026-11-23", title: "Seg, 23/11" });
    expect(time.title).toBe("10:30");
    expect((await agendaOf(c.agendaId!)).whatsappState).toBe("respondido");

    const done = await say(c.phone, tap(rowsOf(confirm.bot[0])[0], "button_reply"));
    expect(done.bot.map((m) => m.body)).toEqual(["Pronto! Seu agendamento está marcado para 23/11/2026 às 10:30. Até lá!"]);
    const [appt] = await appointmentsOf(c.id);
    expect(appt).toMatchObject({ source: "chatbot", createdBy: null, agendaId: c.agendaId, assetId: c.assetIds[0], status: "agendado" });
    expect(appt.startsAt.getTime()).toBe(slot.getTime());
    expect((await agendaOf(c.agendaId!)).status).toBe("agendou");
    expect(await historyOf(c.agendaId!)).toEqual([expect.objectContaining({ fromStatus: "pendente", toStatus: "agendou", userId: null })]);
    expect((await stateOf(done.conversationId)).flow).toBe("idle");
    // No human ticket for a conversation the bot handled.
    expect(await t.db.select().from(tickets).where(eq(tickets.conversationId, done.conversationId))).toEqual([]);
  });

  it("asks which vehicle first when the customer has several", async () => {
    const c = await customer({ assets: 2 });
    const first = await say(c.phone, template("Quero agendar"));
    expect(first.bot[0].body).toBe("Qual veículo/plano?");
    const options = rowsOf(first.bot[0]);
    expect(options.map((o) => o.id)).toEqual(c.assetIds.map((id) => `asset:${id}`));
    expect(options[1].title).toBe(`Onix ABC1D${phoneSeq}1`);
    const { confirm } = await toConfirmation(c.phone, tap(options[1]));
    await say(c.phone, tap(rowsOf(confirm.bot[0])[0], "button_reply"));
    const [appt] = await appointmentsOf(c.id);
    expect(appt.assetId).toBe(c.assetIds[1]);
  });

  it("pages the times with 'Mais horários' and goes back to the days with 'Escolher outro'", async () => {
    const c = await customer();
    const days = await say(c.phone, template("Quero agendar"));
    const tuesday = rowsOf(days.bot[0]).find((r) => r.id === "day:2026-11-24")!;
    const times = await say(c.phone, tap(tuesday));
    const rows = rowsOf(times.bot[0]);
    expect(rows).toHaveLength(10);
    expect(rows.at(-2)!.title).toBe("Mais horários");
    expect(rows.at(-1)!.title).toBe("Outro dia");
    const more = await say(c.phone, tap(rows.at(-2)!));
    expect(rowsOf(more.bot[0])[0].title).toBe("12:00");
    const confirm = await say(c.phone, tap(rowsOf(more.bot[0])[0]));
    const back = await say(c.phone, tap(rowsOf(confirm.bot[0])[1], "button_reply"));
    expect(back.bot[0].body).toBe("Escolha o melhor dia:");
  });

  it("apologises and offers the times again when the slot is taken in between", async () => {
    const c = await customer();
    const other = await customer({ agenda: null });
    const { confirm, slot } = await toConfirmation(c.phone);
    const { capacityPerSlot } = await getCalendar(t.db, s.sp);
    const taken = (await appointmentsOf(other.id)).length;
    for (let i = 0; i < capacityPerSlot; i++) {
      try {
        await bookAppointment(t.db, { companyId: s.sp, customerId: other.id, startsAt: slot, source: "phone", userId: null }, clock);
      } catch {
        // Already full from an earlier test.
      }
    }
    expect((await appointmentsOf(other.id)).length).toBeGreaterThan(taken);
    const answer = await say(c.phone, tap(rowsOf(confirm.bot[0])[0], "button_reply"));
    expect(answer.bot[0].body).toBe(BOT_TEXTS.slotTaken);
    expect(answer.bot[1].type).toBe("list");
    expect(rowsOf(answer.bot[1]).some((r) => r.id === `time:${slot.toISOString()}`)).toBe(false);
    expect(await appointmentsOf(c.id)).toEqual([]);
    expect((await agendaOf(c.agendaId!)).status).toBe("pendente");
    expect((await stateOf(answer.conversationId)).step).toBe("time");
  });
});

describe("free text and hand-over", () => {
  it("answers a typed option, helps once on nonsense, and keeps the step", async () => {
    const c = await customer();
    const days = await say(c.phone, template("Quero agendar"));
    const typed = await say(c.phone, text("ter, 24/11"));
    expect(typed.bot[0].body).toBe("Horários livres em 24/11/2026:");
    const lost = await say(c.phone, text("que horas abre?"));
    expect(lost.bot.map((m) => m.body)).toEqual([BOT_TEXTS.help, "Horários livres em 24/11/2026:"]);
    expect(await stateOf(lost.conversationId)).toMatchObject({ flow: "booking", step: "time", misses: 1 });
    const typedTime = await say(c.phone, text("08:00"));
    expect(typedTime.bot[0].body).toBe("Confirma o agendamento para 24/11/2026 às 08:00?");
    expect(await stateOf(typedTime.conversationId)).toMatchObject({ step: "confirm", misses: 0 });
    expect(days.bot).toHaveLength(1);
  });

  it("hands over to a human after two misses, with the protocol; the human then owns the conversation", async () => {
    const c = await customer();
    await say(c.phone, template("Quero agendar"));
    const first = await say(c.phone, text("blá blá"));
    expect(first.bot[0].body).toBe(BOT_TEXTS.help);
    const second = await say(c.phone, text("???"));
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.conversationId, second.conversationId));
    expect(ticket.status).toBe("aguardando");
    expect(second.bot).toEqual([expect.objectContaining({ body: BOT_TEXTS.protocol(ticket.protocol), ticketId: ticket.id })]);
    expect(second.bot[0].body).toMatch(/^Seu protocolo de atendimento é \d{14}\. Em instantes um atendente vai falar com você\.$/);
    expect((await stateOf(second.conversationId)).flow).toBe("idle");

    const later = await say(c.phone, text("Alô?"));
    expect(later.bot).toEqual([]);
    const [m] = await t.db.select({ ticketId: messages.ticketId }).from(messages).where(eq(messages.id, later.messageId));
    expect(m.ticketId).toBe(ticket.id);
  });

  it("restarts a stale flow with the invitation options", async () => {
    const c = await customer();
    await say(c.phone, template("Quero agendar"));
    const again = await say(c.phone, text("oi"), { advance: 25 * 3600_000 });
    expect(again.bot[0].body).toBe(BOT_TEXTS.invite);
    expect(rowsOf(again.bot[0]).map((r) => r.title)).toEqual(["Quero agendar", "Prefiro que me liguem", "Não tenho interesse"]);
    const booking = await say(c.phone, tap(rowsOf(again.bot[0])[0]));
    expect(booking.bot[0].body).toBe("Escolha o melhor dia:");
    clock = NOW;
  });
});

describe("invitation answers", () => {
  it("'Prefiro que me liguem' → pediu_ligar with history and a thank-you", async () => {
    const c = await customer();
    const r = await say(c.phone, template("Prefiro que me liguem"));
    expect(r.bot.map((m) => m.body)).toEqual([BOT_TEXTS.callMe]);
    const agenda = await agendaOf(c.agendaId!);
    expect(agenda).toMatchObject({ status: "pediu_ligar", whatsappState: "respondido" });
    expect(await historyOf(c.agendaId!)).toEqual([expect.objectContaining({ fromStatus: "pendente", toStatus: "pediu_ligar", userId: null })]);
  });

  it("'Não tenho interesse' → recusou with the reason", async () => {
    const c = await customer();
    const r = await say(c.phone, template("Não tenho interesse"));
    expect(r.bot.map((m) => m.body)).toEqual([BOT_TEXTS.refused]);
    expect(await agendaOf(c.agendaId!)).toMatchObject({ status: "recusou", resultReason: "Cliente recusou pelo WhatsApp" });
  });

  it("no-show 'Quero remarcar' → booking for that agenda", async () => {
    const c = await customer({ agenda: { status: "no_show", whatsappState: "enviado" } });
    const { confirm } = await toConfirmation(c.phone, template("Quero remarcar"));
    await say(c.phone, tap(rowsOf(confirm.bot[0])[0], "button_reply"));
    expect((await agendaOf(c.agendaId!)).status).toBe("agendou");
    expect((await appointmentsOf(c.id))[0].agendaId).toBe(c.agendaId);
  });

  it("no-show 'Quero remarcar' → the missed appointment's agenda and vehicle, even with a newer invitation open", async () => {
    const c = await customer({ assets: 2, agenda: { status: "no_show", whatsappState: "respondido", whatsappAt: new Date("2026-11-16T13:00:00Z") } });
    await t.db.insert(appointments).values({
      companyId: s.sp,
      customerId: c.id,
      agendaId: c.agendaId,
      assetId: c.assetIds[1],
      startsAt: new Date("2026-11-21T13:00:00Z"),
      status: "no_show",
      source: "chatbot",
    });
    const [newer] = await t.db
      .insert(agendas)
      .values({ companyId: s.sp, customerId: c.id, contactDate: "2026-11-22", origin: "automatica", direction: "ativo", status: "pendente", whatsappState: "entregue", whatsappAt: new Date("2026-11-22T13:00:00Z") })
      .returning({ id: agendas.id });

    // No vehicle question: the new time is for the missed one.
    const { confirm } = await toConfirmation(c.phone, template("Quero remarcar"));
    await say(c.phone, tap(rowsOf(confirm.bot[0])[0], "button_reply"));
    expect((await agendaOf(c.agendaId!)).status).toBe("agendou");
    expect((await agendaOf(newer.id)).status).toBe("pendente");
    expect((await appointmentsOf(c.id)).find((a) => a.status === "agendado")).toMatchObject({ agendaId: c.agendaId, assetId: c.assetIds[1] });
  });
});

describe("confirmation answers", () => {
  async function booked() {
    const c = await customer({ agenda: { status: "agendou", whatsappState: "respondido" } });
    const appt = await bookAppointment(
      t.db,
      { companyId: s.sp, customerId: c.id, agendaId: c.agendaId, assetId: c.assetIds[0], startsAt: new Date("2026-11-26T17:00:00Z"), source: "chatbot", userId: null },
      NOW,
    );
    return { ...c, appointmentId: appt.id };
  }

  it("Confirmar → confirmado", async () => {
    const c = await booked();
    const r = await say(c.phone, template("Confirmar"));
    expect(r.bot.map((m) => m.body)).toEqual(["Agendamento confirmado para 26/11/2026 às 14:00. Até lá!"]);
    expect((await appointmentsOf(c.id))[0].status).toBe("confirmado");
  });

  it("Cancelar → cancelado, agenda back to pendente", async () => {
    const c = await booked();
    const r = await say(c.phone, template("Cancelar"));
    expect(r.bot[0].body).toMatch(/^Seu agendamento de 26\/11\/2026 às 14:00 foi cancelado/);
    expect((await appointmentsOf(c.id))[0].status).toBe("cancelado");
    expect((await agendaOf(c.agendaId!)).status).toBe("pendente");
    expect(await historyOf(c.agendaId!)).toEqual([expect.objectContaining({ fromStatus: "agendou", toStatus: "pendente", userId: null })]);
  });

  it("Remarcar → booking again; the old appointment becomes remarcado", async () => {
    const c = await booked();
    const { confirm, slot } = await toConfirmation(c.phone, template("Remarcar"));
    await say(c.phone, tap(rowsOf(confirm.bot[0])[0], "button_reply"));
    const [old, fresh] = await appointmentsOf(c.id);
    expect(old.status).toBe("remarcado");
    expect(fresh).toMatchObject({ status: "agendado", rescheduledFromId: old.id, agendaId: c.agendaId, assetId: c.assetIds[0], source: "chatbot" });
    expect(fresh.startsAt.getTime()).toBe(slot.getTime());
    expect((await agendaOf(c.agendaId!)).status).toBe("agendou");
  });
});

describe("passive customer", () => {
  it("gets the menu and a passive agenda once a day; Minhas OS lists the orders; Falar com um atendente opens a ticket", async () => {
    const c = await customer({ agenda: null });
    await t.db.insert(serviceOrders).values([
      { companyId: s.sp, customerId: c.id, number: "OS-7001", status: "em_andamento", openedAt: new Date("2026-11-20T12:00:00Z"), description: "Revisão dos 20.000 km" },
      { companyId: s.sp, customerId: c.id, number: "OS-6001", status: "concluida", openedAt: new Date("2025-01-10T12:00:00Z"), closedAt: new Date("2025-01-11T12:00:00Z") },
    ]);
    const hello = await say(c.phone, text("Oi, bom dia"));
    expect(hello.bot[0].body).toBe(BOT_TEXTS.menu);
    const menu = rowsOf(hello.bot[0]);
    expect(menu.map((r) => r.title)).toEqual(["Agendar serviço", "Minhas OS", "Falar com um atendente"]);
    const passive = await t.db.select().from(agendas).where(eq(agendas.customerId, c.id));
    expect(passive).toEqual([
      expect.objectContaining({ direction: "passivo", origin: "manual", status: "pendente", whatsappState: "respondido", contactDate: "2026-11-23" }),
    ]);

    const orders = await say(c.phone, tap(menu[1]));
    expect(orders.bot[0].body).toBe("Suas ordens de serviço:\n• OS OS-7001 — Em andamento — Revisão dos 20.000 km");

    const again = await say(c.phone, text("oi de novo"));
    expect(again.bot[0].body).toBe(BOT_TEXTS.menu);
    expect(await t.db.select().from(agendas).where(eq(agendas.customerId, c.id))).toHaveLength(1);

    const human = await say(c.phone, tap(menu[2]));
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.conversationId, human.conversationId));
    expect(human.bot.map((m) => m.body)).toEqual([BOT_TEXTS.protocol(ticket.protocol)]);
  });

  it("'Agendar serviço' books against the passive agenda", async () => {
    const c = await customer({ agenda: null });
    const hello = await say(c.phone, text("Olá"));
    const { confirm } = await toConfirmation(c.phone, tap(rowsOf(hello.bot[0])[0]));
    await say(c.phone, tap(rowsOf(confirm.bot[0])[0], "button_reply"));
    const [agenda] = await t.db.select().from(agendas).where(eq(agendas.customerId, c.id));
    expect(agenda).toMatchObject({ direction: "passivo", status: "agendou" });
    expect((await appointmentsOf(c.id))[0].agendaId).toBe(agenda.id);
  });

  it("answers an unknown number with the menu and marks it unidentified", async () => {
    const r = await say("5511966660001", text("Oi"));
    expect(r.bot[0].body).toBe(BOT_TEXTS.menu);
    expect(await stateOf(r.conversationId)).toMatchObject({ flow: "menu", unidentified: true });
  });
});

describe("idempotency", () => {
  it("a repeated delivery or a repeated follow-up sends nothing twice", async () => {
    const c = await customer();
    const wamid = newSimulatorWamid();
    const first = await say(c.phone, template("Quero agendar"), { wamid });
    expect(first.bot).toHaveLength(1);
    const count = async () =>
      (await t.db.select({ n: sql<number>`count(*)::int` }).from(messages).where(and(eq(messages.conversationId, first.conversationId), eq(messages.author, "bot"))))[0].n;
    expect(await count()).toBe(1);

    // The same wamid again: stored once, no follow-up.
    const repeat = await say(c.phone, template("Quero agendar"), { wamid });
    expect(repeat.result.inbound[0].isNew).toBe(false);
    // The same follow-up run twice (a sweep after a crash): the message was handled already.
    await followUpDelivery(t.db, first.result, clock, gateway);
    expect(await count()).toBe(1);

    // Even after later messages moved the state on.
    const next = await say(c.phone, text("não entendi"));
    expect(next.bot).toHaveLength(2);
    await followUpDelivery(t.db, first.result, clock, gateway);
    expect(await count()).toBe(3);
  });

  it("a booking confirmed twice books once", async () => {
    const c = await customer();
    const { confirm } = await toConfirmation(c.phone);
    const done = await say(c.phone, tap(rowsOf(confirm.bot[0])[0], "button_reply"));
    await followUpDelivery(t.db, done.result, clock, gateway);
    expect(await appointmentsOf(c.id)).toHaveLength(1);
    expect(await botReplies(done.messageId)).toHaveLength(1);
  });
});

describe("messages that are not for the bot", () => {
  /** A raw Cloud API message of any type from the phone, through parse → store → follow-up. */
  async function deliver(phone: string, message: Record<string, unknown>) {
    clock = new Date(clock.getTime() + 60_000);
    const wamid = newSimulatorWamid();
    const delivery = parseWebhook({
      entry: [
        {
          changes: [
            {
              field: "messages",
              value: {
                metadata: { phone_number_id: SENDER.providerPhoneId },
                contacts: [{ wa_id: phone, profile: { name: "Cliente" } }],
                messages: [{ from: phone, id: wamid, timestamp: String(Math.floor(clock.getTime() / 1000)), ...message }],
              },
            },
          ],
        },
      ],
    })!;
    const result = await processDelivery(t.db, delivery, clock);
    await followUpDelivery(t.db, result, clock, gateway);
    return { messageId: result.inbound[0].messageId!, conversationId: result.inbound[0].conversationId };
  }

  it("does not answer a reaction or a system notice with the menu; a text still gets it", async () => {
    const c = await customer({ agenda: null });
    const first = await say(c.phone, text("Oi"));
    expect(first.bot.length).toBeGreaterThan(0);
    const reaction = await deliver(c.phone, { type: "reaction", reaction: { message_id: "wamid.bot", emoji: "👍" } });
    expect(await botReplies(reaction.messageId)).toEqual([]);
    const system = await deliver(c.phone, { type: "system", system: { body: "O cliente trocou de número", type: "user_changed_number" } });
    expect(await botReplies(system.messageId)).toEqual([]);
    const [stored] = await t.db.select({ body: messages.body }).from(messages).where(eq(messages.id, system.messageId));
    expect(stored.body).toBe("O cliente trocou de número");
    const open = await t.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.conversationId, reaction.conversationId));
    expect(open).toEqual([]);
  });
});
