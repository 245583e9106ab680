import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { companies, queues, users } from "./org";
import { tickets } from "./tickets";

/** pronto: takes offers · nao_pronto: paused (with a reason) · offline: no live desk open. */
export const PRESENCE_STATES = ["pronto", "nao_pronto", "offline"] as const;

/** "Motivos de pausa": the company's list an agent picks from when going Não pronto (Almoço, Pausa…). */
export const pauseReasons = pgTable(
  "pause_reasons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [uniqueIndex("pause_reasons_company_name_key").on(t.companyId, t.name)],
);

/** An agent's current presence: one row per user, locked (FOR UPDATE) while an offer to them is made. */
export const agentPresence = pgTable("agent_presence", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  state: text("state", { enum: PRESENCE_STATES }).notNull().default("nao_pronto"),
  pauseReasonId: uuid("pause_reason_id").references(() => pauseReasons.id),
  since: timestamp("since", { withTimezone: true }).notNull(),
  // "Pausar após concluir": no new offers; Não pronto once the last ticket is finished.
  pauseAfterFinish: boolean("pause_after_finish").notNull().default(false),
  pendingPauseReasonId: uuid("pending_pause_reason_id").references(() => pauseReasons.id),
  // Offers let expire in a row; the third sets the agent Não pronto.
  expiredInARow: integer("expired_in_a_row").notNull().default(0),
  // The routing tie-break: who has waited longest since their last offer (or since going Pronto).
  idleSince: timestamp("idle_since", { withTimezone: true }).notNull(),
  // Last sign of a live desk (the event stream); Offline after 60 s without one.
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
});

/** Every presence change, for the pause reports: who, from, to, reason, when, by whom (null: the system). */
export const presenceChanges = pgTable(
  "presence_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fromState: text("from_state", { enum: PRESENCE_STATES }),
    toState: text("to_state", { enum: PRESENCE_STATES }).notNull(),
    pauseReasonId: uuid("pause_reason_id").references(() => pauseReasons.id),
    // Why the system changed it (signed_in, three_expired, no_stream, paused_after_finish).
    cause: text("cause"),
    actorId: uuid("actor_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("presence_changes_user_at_idx").on(t.userId, t.at)],
);

export const OFFER_STATUSES = ["pending", "accepted", "declined", "expired", "cancelled"] as const;
export const OFFER_KINDS = ["route", "transfer"] as const;

/**
 * An offer of a ticket to one agent (Aceitar / Recusar). At most one pending per ticket (partial unique
 * index); a route offer holds the ticket in "oferecido", a transfer offer leaves it with its sender.
 */
export const ticketOffers = pgTable(
  "ticket_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    queueId: uuid("queue_id").references(() => queues.id),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: OFFER_KINDS }).notNull().default("route"),
    fromAgentId: uuid("from_agent_id").references(() => users.id),
    reason: text("reason"),
    status: text("status", { enum: OFFER_STATUSES }).notNull().default("pending"),
    offeredAt: timestamp("offered_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("ticket_offers_one_pending").on(t.ticketId).where(sql`status = 'pending'`),
    index("ticket_offers_agent_status_idx").on(t.agentId, t.status),
    index("ticket_offers_pending_expiry_idx").on(t.expiresAt).where(sql`status = 'pending'`),
  ],
);

/**
 * "Notas internas": staff-only remarks on a ticket. A table of their own, apart from `messages`, so the
 * outbox (which reads only messages) can never send one to WhatsApp.
 */
export const internalNotes = pgTable(
  "internal_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("internal_notes_ticket_idx").on(t.ticketId, t.createdAt)],
);
