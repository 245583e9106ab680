import { bookForAgenda, rescheduleBooking } from "@/lib/appointments/book-appointment";
import { freeSlots } from "@/lib/appointments/calendar";
import { UserError } from "@/lib/errors";
import { formatDay, formatTime, localDate } from "@/lib/dates";
import { customerAssets, ensurePassiveAgenda } from "../lookups";
import { dayLabel, fit, type BookingState } from "../state";
import { BOT_TEXTS } from "../texts";
import type { Option, Prompt, Turn } from "../turn";
import { handOver, miss, notIdentified } from "./hand-over";

/** How far ahead the bot offers days, and how many rows a list shows. */
const BOOKING_DAYS = 21;
const MAX_DAYS = 10;
const TIMES_PER_PAGE = 8;

type Booking = Omit<BookingState, "misses" | "updatedAt" | "lastMessageId" | "unidentified">;

/** The booking state with `patch`, keeping what the current booking already chose. */
function booking(turn: Turn, patch: Partial<Booking>): Booking {
  const prev = turn.state.flow === "booking" ? turn.state : null;
  return {
    flow: "booking",
    step: "day",
    agendaId: prev?.agendaId ?? null,
    appointmentId: prev?.appointmentId ?? null,
    assetId: prev?.assetId ?? null,
    day: prev?.day ?? null,
    offset: prev?.offset ?? 0,
    slot: prev?.slot ?? null,
    ...patch,
  };
}

function assetTitle(a: { kind: string; plate: string | null; model: string | null; planName: string | null }) {
  if (a.kind === "plan") return a.planName ?? "Plano";
  return [a.model, a.plate].filter(Boolean).join(" ") || "Veículo";
}

async function assetPrompt(turn: Turn): Promise<Prompt | null> {
  const rows = (await customerAssets(turn)).slice(0, 10);
  if (!rows.length) return null;
  const options = rows.map((a) => ({ id: `asset:${a.id}`, title: fit(assetTitle(a), 24) }));
  return { options, payload: { type: "list", body: "Qual veículo/plano?", buttonText: "Escolher", rows: options } };
}

async function dayPrompt(turn: Turn): Promise<Prompt | null> {
  const days = (await freeSlots(turn.db, turn.conversation.companyId, { from: turn.today, days: BOOKING_DAYS, now: turn.now })).slice(0, MAX_DAYS);
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
  return { options, payload: { type: "buttons", body: `Confirma o agendamento para ${turn.when(slot)}?`, buttons: options } };
}

/** The booking step's question (to read an answer against, or to send again). */
export async function bookingPrompt(turn: Turn, state: BookingState): Promise<Prompt | null> {
  switch (state.step) {
    case "asset":
      return assetPrompt(turn);
    case "day":
      return dayPrompt(turn);
    case "time":
      return timePrompt(turn, state.day ?? turn.today, state.offset);
    case "confirm":
      return state.slot ? confirmPrompt(turn, new Date(state.slot)) : null;
  }
}

/** Starts a booking for an agenda (or the customer's passive one), or a reschedule of `appointmentId`. */
export async function startBooking(turn: Turn, opts: { agendaId: string | null; appointmentId?: string | null; assetId?: string | null }) {
  if (!turn.conversation.customerId) return notIdentified(turn);
  const base = { agendaId: opts.agendaId, appointmentId: opts.appointmentId ?? null };
  let assetId = opts.assetId ?? null;
  if (!assetId) {
    const owned = await customerAssets(turn);
    if (owned.length > 1) {
      const prompt = await assetPrompt(turn);
      if (prompt) {
        await turn.send(prompt.payload);
        return turn.save({ ...booking(turn, base), step: "asset", assetId: null, day: null, offset: 0, slot: null });
      }
    }
    assetId = owned[0]?.id ?? null;
  }
  return askDays(turn, { ...base, assetId });
}

async function askDays(turn: Turn, patch: Partial<Booking>) {
  const prompt = await dayPrompt(turn);
  if (!prompt) {
    await turn.text(BOT_TEXTS.noSlots);
    return handOver(turn);
  }
  await turn.send(prompt.payload);
  await turn.save({ ...booking(turn, patch), step: "day", day: null, slot: null, offset: 0 });
}

export async function askTimes(turn: Turn, day: string, offset: number) {
  const prompt = await timePrompt(turn, day, offset);
  if (!prompt) return askDays(turn, {});
  await turn.send(prompt.payload);
  await turn.save({ ...booking(turn, {}), step: "time", day, offset, slot: null });
}

/** An option of the booking's current question. */
export async function onBooking(turn: Turn, state: BookingState, id: string) {
  if (id.startsWith("asset:")) return askDays(turn, { assetId: id.slice("asset:".length) });
  if (id.startsWith("day:")) return askTimes(turn, id.slice("day:".length), 0);
  if (id.startsWith("more:")) return askTimes(turn, state.day ?? turn.today, Number(id.slice("more:".length)) || 0);
  if (id === "other-day" || id === "confirm:other") return askDays(turn, {});
  if (id.startsWith("time:")) {
    const slot = new Date(id.slice("time:".length));
    await turn.send(confirmPrompt(turn, slot).payload);
    return turn.save({ ...booking(turn, {}), step: "confirm", slot: slot.toISOString() });
  }
  if (id === "confirm:ok" && state.slot) return book(turn, state, new Date(state.slot));
  return miss(turn, await bookingPrompt(turn, state));
}

/** "Confirmar": books (or reschedules) through the appointment transitions; a slot taken meanwhile asks again. */
async function book(turn: Turn, state: BookingState, startsAt: Date) {
  const { db, now } = turn;
  const customerId = turn.conversation.customerId!;
  let booked: { id: string; startsAt: Date };
  try {
    booked = await db.transaction(async (tx) => {
      const rescheduled = state.appointmentId
        ? await rescheduleBooking(tx, { appointmentId: state.appointmentId, startsAt, source: "chatbot", userId: null, reason: "remarcado_whatsapp" }, now)
        : null;
      if (rescheduled) return rescheduled;
      const agendaId = state.agendaId ?? (await ensurePassiveAgenda(turn, customerId, tx)).id;
      const input = { companyId: turn.conversation.companyId, customerId, assetId: state.assetId, agendaId, startsAt, source: "chatbot" as const, userId: null };
      return bookForAgenda(tx, input, now, { reason: "agendou_whatsapp" });
    });
  } catch (error) {
    if (error instanceof UserError && (error.code === "slot_full" || error.code === "slot_unavailable")) {
      await turn.text(BOT_TEXTS.slotTaken);
      return askTimes(turn, state.day ?? localDate(startsAt, turn.timeZone), 0);
    }
    throw error;
  }
  await turn.text(`Pronto! Seu agendamento está marcado para ${turn.when(booked.startsAt)}. Até lá!`);
  await turn.idle();
}
