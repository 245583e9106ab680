import { weekday } from "@/lib/dates";

/** What every state carries, whatever the flow. */
type Common = {
  misses: number;
  updatedAt: string;
  /** The last inbound message the bot handled: a repeated follow-up of it does nothing. */
  lastMessageId?: string;
  /** The number is not any customer's (SPEC §3.6 "não identificado"). */
  unidentified?: boolean;
};

export type BookingStep = "asset" | "day" | "time" | "confirm";

/** Booking: the customer picks the asset, the day, the time and confirms (lib/chatbot/flows/booking.ts). */
export type BookingState = Common & {
  flow: "booking";
  step: BookingStep;
  agendaId: string | null;
  /** Booking from "Remarcar": the appointment that becomes `remarcado` when the new one is booked. */
  appointmentId: string | null;
  assetId: string | null;
  day: string | null;
  /** Offset into the day's free times ("Mais horários"). */
  offset: number;
  /** The chosen slot (ISO instant) waiting for "Confirmar". */
  slot: string | null;
};

/**
 * The chatbot's state of one conversation, kept in conversations.bot_state (SPEC §3.6), one variant per
 * flow. `idle` is "no flow": the next message gets the menu (or the invitation options).
 */
export type BotState =
  | (Common & { flow: "idle"; step: "idle" })
  | (Common & { flow: "menu"; step: "choose" })
  | (Common & { flow: "invite"; step: "choose"; agendaId: string | null })
  | BookingState;

export type BotFlow = BotState["flow"];

/** A state to save: the flow's own fields (the common ones are filled in by Turn.save). */
export type NextState = BotState extends infer S ? (S extends BotState ? Omit<S, keyof Common> & Partial<Pick<Common, "misses" | "unidentified">> : never) : never;

/** A flow untouched for this long starts over. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
/** Misunderstood answers in a row before the conversation goes to a human. */
export const MAX_MISSES = 2;

export const IDLE = { flow: "idle", step: "idle" } as const satisfies NextState;

const BOOKING_STEPS: readonly string[] = ["asset", "day", "time", "confirm"] satisfies BookingStep[];
const str = (v: unknown) => (typeof v === "string" ? v : null);

/** The stored state, or idle when there is none, it is malformed or it went stale. */
export function currentState(raw: unknown, now: Date): BotState {
  const idle: BotState = { ...IDLE, misses: 0, updatedAt: now.toISOString() };
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return idle;
  const state = raw as Record<string, unknown>;
  const lastMessageId = str(state.lastMessageId) ?? undefined;
  const keep: BotState = { ...idle, ...(lastMessageId ? { lastMessageId } : {}), ...(state.unidentified ? { unidentified: true } : {}) };
  const updated = typeof state.updatedAt === "string" ? Date.parse(state.updatedAt) : NaN;
  if (!Number.isFinite(updated) || now.getTime() - updated > STALE_AFTER_MS) return keep;
  const common = { ...keep, misses: Number(state.misses) || 0, updatedAt: state.updatedAt as string };
  switch (state.flow) {
    case "menu":
      return { ...common, flow: "menu", step: "choose" };
    case "invite":
      return { ...common, flow: "invite", step: "choose", agendaId: str(state.agendaId) };
    case "booking":
      if (!BOOKING_STEPS.includes(state.step as string)) return keep;
      return {
        ...common,
        flow: "booking",
        step: state.step as BookingStep,
        agendaId: str(state.agendaId),
        appointmentId: str(state.appointmentId),
        assetId: str(state.assetId),
        day: str(state.day),
        offset: Number(state.offset) || 0,
        slot: str(state.slot),
      };
    default:
      return keep;
  }
}

/** Lower case, no accents, no punctuation, single spaces: how answers are compared. */
export function normalize(text: string | null | undefined): string {
  return (text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export type CustomerReply = {
  /** Template quick reply (payload/text) or a tapped button/row. */
  kind: "template" | "tap" | "text" | "other";
  /** The button/row id, or the template button's payload. */
  id: string | null;
  /** What the customer typed or the title of what they tapped. */
  text: string;
};

/** What the customer answered, from the stored inbound message. */
export function readReply(inbound: { type: string; body: string | null; interactive: Record<string, unknown> | null }): CustomerReply {
  const interactive = inbound.interactive ?? {};
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  if (interactive.type === "template_button") {
    return { kind: "template", id: str(interactive.payload), text: str(interactive.text) ?? str(interactive.payload) ?? inbound.body ?? "" };
  }
  if (interactive.type === "button_reply" || interactive.type === "list_reply") {
    return { kind: "tap", id: str(interactive.id), text: str(interactive.title) ?? inbound.body ?? "" };
  }
  if (inbound.type === "text") return { kind: "text", id: null, text: inbound.body ?? "" };
  return { kind: "other", id: null, text: inbound.body ?? "" };
}

export type TemplateIntent = "agendar" | "ligar" | "recusar" | "confirmar" | "remarcar" | "cancelar" | "remarcar_no_show";

/** The quick replies of the seeded templates (db/seed-whatsapp.ts). */
const TEMPLATE_INTENTS: Record<string, TemplateIntent> = {
  "quero agendar": "agendar",
  "prefiro que me liguem": "ligar",
  "nao tenho interesse": "recusar",
  confirmar: "confirmar",
  remarcar: "remarcar",
  cancelar: "cancelar",
  "quero remarcar": "remarcar_no_show",
};

export function templateIntent(reply: CustomerReply): TemplateIntent | null {
  if (reply.kind !== "template") return null;
  return TEMPLATE_INTENTS[normalize(reply.text)] ?? TEMPLATE_INTENTS[normalize(reply.id)] ?? null;
}

const WEEKDAYS = ["Dom", "Seg", "Ter", "Qua", "Qui", "Sex", "Sáb"];

/** "2026-11-24" → "Ter, 24/11". */
export function dayLabel(day: string): string {
  const [, m, d] = day.split("-");
  return `${WEEKDAYS[weekday(day)]}, ${d}/${m}`;
}

/** Cuts a title to the Cloud API's limit, with an ellipsis. */
export function fit(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}
