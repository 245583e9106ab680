import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { companies, queues, users } from "./org";
import { conversations } from "./whatsapp";

/**
 * aguardando: in its queue, nobody has it · oferecido: offered to one agent, waiting for Aceitar/Recusar ·
 * em_atendimento: an agent has it · finalizado: closed. The allowed moves live in lib/tickets/state.ts.
 */
export const TICKET_STATUSES = ["aguardando", "oferecido", "em_atendimento", "finalizado"] as const;

export const contactReasons = pgTable(
  "contact_reasons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [uniqueIndex("contact_reasons_company_name_key").on(t.companyId, t.name)],
);

/** An "atendimento": a human handling of a conversation, with its protocol number. */
export const tickets = pgTable(
  "tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id),
    protocol: text("protocol").notNull(),
    queueId: uuid("queue_id").references(() => queues.id),
    agentId: uuid("agent_id").references(() => users.id),
    status: text("status", { enum: TICKET_STATUSES }).notNull().default("aguardando"),
    subject: text("subject"),
    contactReasonId: uuid("contact_reason_id").references(() => contactReasons.id),
    description: text("description"),
    resolved: boolean("resolved"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id),
    agentReadAt: timestamp("agent_read_at", { withTimezone: true }),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("tickets_protocol_key").on(t.protocol),
    index("tickets_agent_status_idx").on(t.agentId, t.status),
    index("tickets_queue_status_idx").on(t.queueId, t.status),
    index("tickets_conversation_idx").on(t.conversationId),
    // At most one open ticket per conversation.
    uniqueIndex("tickets_one_open_per_conversation").on(t.conversationId).where(sql`status <> 'finalizado'`),
  ],
);

export const TICKET_EVENT_KINDS = [
  "opened",
  "queued",
  "offered",
  "offer_declined",
  "offer_expired",
  "assigned",
  "first_reply",
  "transferred",
  "closed",
  "reopened",
] as const;
export const ASSIGNED_HOW = ["picked", "offered", "transferred", "started"] as const;

/**
 * What happened to a ticket, in order: the source of first response, handling time and first-contact
 * resolution. Written only by lib/tickets/state.ts, in the transaction of the change it records.
 */
export const ticketEvents = pgTable(
  "ticket_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    kind: text("kind", { enum: TICKET_EVENT_KINDS }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    // Who did it; null: the system (the bot, a job, the router).
    actorId: uuid("actor_id").references(() => users.id),
    // The agent and queue the ticket is with after the event.
    agentId: uuid("agent_id").references(() => users.id),
    queueId: uuid("queue_id").references(() => queues.id),
    fromAgentId: uuid("from_agent_id").references(() => users.id),
    fromQueueId: uuid("from_queue_id").references(() => queues.id),
    channel: text("channel"),
    how: text("how", { enum: ASSIGNED_HOW }),
    reason: text("reason"),
    contactReasonId: uuid("contact_reason_id").references(() => contactReasons.id),
    resolved: boolean("resolved"),
    description: text("description"),
  },
  (t) => [
    index("ticket_events_ticket_idx").on(t.ticketId, t.at),
    index("ticket_events_company_kind_at_idx").on(t.companyId, t.kind, t.at),
    // A ticket's first human reply is recorded once.
    uniqueIndex("ticket_events_one_first_reply").on(t.ticketId).where(sql`kind = 'first_reply'`),
  ],
);

/** Protocol numbers: AAAAMMDD + a per-day sequence, unique per deployment. */
export const protocolCounters = pgTable("protocol_counters", {
  day: text("day").primaryKey(),
  last: integer("last").notNull().default(0),
});
