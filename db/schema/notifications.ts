import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { companies, users } from "./org";
import { tickets } from "./tickets";

/** What a notification is about: the bell shows its icon, and callers of other areas add their own kind here. */
export const NOTIFICATION_KINDS = ["scheduled_action", "scheduled_action_failed", "transfer", "offer_expired", "job_failed"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * One message for one user (the bell in the top bar, SPEC §7). Title and text are written by the caller in
 * the company's language, so the bell shows what happened then even after the ticket changed.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    // "Ir para conversa" opens the ticket, or the customer when there is none.
    ticketId: uuid("ticket_id").references(() => tickets.id),
    customerId: uuid("customer_id").references(() => customers.id),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_created_idx").on(t.userId, t.createdAt)],
);
