import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { companies, queues, users } from "./org";
import { tickets } from "./tickets";

/** "Número de Origem": a WhatsApp number of the contact center, answering into a queue. */
export const senderNumbers = pgTable(
  "sender_numbers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    queueId: uuid("queue_id").references(() => queues.id),
    // E.164 digits, e.g. 551140001000.
    phone: text("phone").notNull(),
    displayName: text("display_name").notNull(),
    // Meta's phone-number id (Cloud API); in the sandbox any unique value.
    providerPhoneId: text("provider_phone_id").notNull(),
    ratePerSecond: integer("rate_per_second").notNull().default(80),
    active: boolean("active").notNull().default(true),
  },
  (t) => [uniqueIndex("sender_numbers_phone_key").on(t.phone), uniqueIndex("sender_numbers_provider_key").on(t.providerPhoneId)],
);

/** One per sender number and customer number; holds the 24-hour customer-service window. */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    senderNumberId: uuid("sender_number_id")
      .notNull()
      .references(() => senderNumbers.id),
    customerPhone: text("customer_phone").notNull(),
    customerId: uuid("customer_id").references(() => customers.id),
    contactName: text("contact_name"),
    // The window is open for 24 h after the customer's last message.
    lastInboundAt: timestamp("last_inbound_at", { withTimezone: true }),
    windowClosedMarkedAt: timestamp("window_closed_marked_at", { withTimezone: true }),
    // Chatbot flow state (automation).
    botState: jsonb("bot_state"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("conversations_sender_customer_key").on(t.senderNumberId, t.customerPhone),
    index("conversations_customer_phone_idx").on(t.customerPhone),
  ],
);

export const MESSAGE_STATUSES = ["queued", "sent", "delivered", "read", "failed", "received"] as const;

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id),
    ticketId: uuid("ticket_id").references(() => tickets.id),
    direction: text("direction", { enum: ["in", "out"] }).notNull(),
    author: text("author", { enum: ["customer", "agent", "bot", "system"] }).notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id),
    type: text("type").notNull(),
    body: text("body"),
    templateName: text("template_name"),
    templateParams: jsonb("template_params"),
    // Buttons/list sent, or the reply chosen (id + title).
    interactive: jsonb("interactive"),
    media: jsonb("media"),
    wamid: text("wamid"),
    // Outbound only: the purpose of the send ("invite:<agendaId>", "chat:<uuid>"), never sent twice.
    idempotencyKey: text("idempotency_key"),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull(),
    statusAt: timestamp("status_at", { withTimezone: true }),
    errorCode: integer("error_code"),
    errorTitle: text("error_title"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("messages_wamid_key").on(t.wamid),
    uniqueIndex("messages_idempotency_key").on(t.idempotencyKey),
    index("messages_conversation_idx").on(t.conversationId, t.createdAt),
    index("messages_ticket_idx").on(t.ticketId),
  ],
);

/** Message templates ("Modelos"), approved by Meta; `{{n}}` variables mapped to customer fields or free input. */
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    language: text("language").notNull().default("pt_BR"),
    category: text("category", { enum: ["MARKETING", "UTILITY", "AUTHENTICATION"] }).notNull().default("UTILITY"),
    status: text("status", { enum: ["APPROVED", "PENDING", "REJECTED"] }).notNull().default("PENDING"),
    body: text("body").notNull(),
    // Per variable number: "customer.name", "agent.name", "company.name" or "free".
    variables: jsonb("variables").$type<Record<string, string>>().notNull().default({}),
    buttons: jsonb("buttons").$type<{ type: "QUICK_REPLY" | "URL"; text: string }[]>().notNull().default([]),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("message_templates_company_name_lang_key").on(t.companyId, t.name, t.language)],
);
