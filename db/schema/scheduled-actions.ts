import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { contacts, customers } from "./customers";
import { companies, queues, users } from "./org";
import { tickets } from "./tickets";
import { messageTemplates } from "./whatsapp";

/**
 * abrir_chamado: send the message and open a ticket for the agent · abrir_chamado_notificar: the same and
 * notify the agent · notificar: only notify the agent (seed 002).
 */
export const SCHEDULED_ACTION_KINDS = ["abrir_chamado", "abrir_chamado_notificar", "notificar"] as const;
export const SCHEDULED_ACTION_STATUSES = ["pendente", "concluido", "falhou", "cancelado"] as const;
/** Why a run failed: the contact had an open ticket, the 24 h window closed with no template, the send failed. */
export const SCHEDULED_ACTION_FAILURES = ["chamado_aberto", "janela_fechada", "erro_envio", "sem_numero_envio"] as const;

/** An "agendamento": one action for one contact at one time, not recurring (SPEC §7). */
export const scheduledActions = pgTable(
  "scheduled_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    customerId: uuid("customer_id").references(() => customers.id),
    contactId: uuid("contact_id").references(() => contacts.id),
    // E.164 digits: the contact's number, or the one typed when there is no contact.
    phone: text("phone").notNull(),
    queueId: uuid("queue_id")
      .notNull()
      .references(() => queues.id),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: SCHEDULED_ACTION_KINDS }).notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    message: text("message").notNull().default(""),
    // Sent instead of the message when the 24 h window will have closed at the action's time.
    templateId: uuid("template_id").references(() => messageTemplates.id),
    templateParams: text("template_params").array().notNull().default([]),
    comment: text("comment").notNull().default(""),
    status: text("status", { enum: SCHEDULED_ACTION_STATUSES }).notNull().default("pendente"),
    failure: text("failure", { enum: SCHEDULED_ACTION_FAILURES }),
    // The ticket the run opened (set with the ticket, so a rerun after a crash reuses it).
    ticketId: uuid("ticket_id").references(() => tickets.id),
    executedAt: timestamp("executed_at", { withTimezone: true }),
    // Minutes between the action's time and its run (the app was down): the history says how late.
    lateMinutes: integer("late_minutes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("scheduled_actions_company_status_at_idx").on(t.companyId, t.status, t.scheduledAt)],
);
