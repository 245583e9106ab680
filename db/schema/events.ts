import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Domain events (lib/events/): one row per change others must see, written in the change's transaction,
 * read by sequence. Ids only, plus the audience: the company, and a queue or a user when narrower.
 * Kept 48 hours (the events-cleanup job).
 */
export const events = pgTable(
  "events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    type: text("type").notNull(),
    // Null: every company (a job run is deployment-wide).
    companyId: uuid("company_id"),
    queueId: uuid("queue_id"),
    userId: uuid("user_id"),
    payload: jsonb("payload").$type<Record<string, string | null>>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("events_at_idx").on(t.at)],
);
