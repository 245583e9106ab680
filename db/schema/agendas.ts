import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { assets, customers } from "./customers";
import { companies, teams, users } from "./org";

export const AGENDA_STATUSES = ["pendente", "recusou", "pediu_ligar", "agendou", "nao_respondeu", "no_show", "concluido"] as const;
export const WHATSAPP_STATES = ["nao_enviado", "enviado", "entregue", "lido", "respondido", "falhou"] as const;
export const NOT_SENT_REASONS = ["celular_invalido", "optout", "erro_envio", "manual"] as const;
export const APPOINTMENT_STATUSES = ["agendado", "confirmado", "compareceu", "no_show", "cancelado", "remarcado"] as const;
// "appointment": a change of the agenda's appointment (from/to are the appointment's statuses). A text
// column without a check, so a kind added here needs no migration.
export const HISTORY_KINDS = ["status", "call_attempt", "whatsapp", "note", "appointment"] as const;

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("campaigns_company_idx").on(t.companyId)],
);

/** "Programação Automática": a service cycle rule and the parameters of its three dispatches. */
export const programs = pgTable(
  "programs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    name: text("name").notNull(),
    // Cycle: due every N months or N km since the last service (or the sale), whichever comes first.
    cycleMonths: integer("cycle_months").notNull().default(12),
    cycleKm: integer("cycle_km"),
    contactDaysBefore: integer("contact_days_before").notNull().default(15),
    invitationTemplate: text("invitation_template"),
    confirmationTemplate: text("confirmation_template"),
    confirmDaysBefore: integer("confirm_days_before").notNull().default(2),
    noShowTemplate: text("no_show_template"),
    noShowToleranceMinutes: integer("no_show_tolerance_minutes").notNull().default(60),
    noReplyDays: integer("no_reply_days").notNull().default(3),
    autoSend: boolean("auto_send").notNull().default(true),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("programs_company_idx").on(t.companyId)],
);

export const agendas = pgTable(
  "agendas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    // None = manual agenda.
    programId: uuid("program_id").references(() => programs.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    agentId: uuid("agent_id").references(() => users.id),
    teamId: uuid("team_id").references(() => teams.id),
    // "Data do contato": a calendar day in the company's time zone.
    contactDate: date("contact_date").notNull(),
    origin: text("origin", { enum: ["automatica", "manual"] }).notNull(),
    direction: text("direction", { enum: ["ativo", "passivo"] }).notNull(),
    status: text("status", { enum: AGENDA_STATUSES }).notNull().default("pendente"),
    whatsappState: text("whatsapp_state", { enum: WHATSAPP_STATES }).notNull().default("nao_enviado"),
    // nao_enviado: one of NOT_SENT_REASONS; falhou: the provider's error code and title.
    whatsappReason: text("whatsapp_reason"),
    whatsappAt: timestamp("whatsapp_at", { withTimezone: true }),
    callbackAt: timestamp("callback_at", { withTimezone: true }),
    resultReason: text("result_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The worklist: every filter starts from a company and a contact-date range; (company, date, id)
    // is also the list's default order. The rest of the key holds every other filter and totalizer
    // column, so the seven totalizers are counted by an index-only scan instead of one heap visit per
    // agenda (README, "Performance"; `npm run bench:worklist`).
    index("agendas_worklist_idx").on(
      t.companyId,
      t.contactDate,
      t.id,
      t.agentId,
      t.teamId,
      t.campaignId,
      t.origin,
      t.direction,
      t.status,
    ),
    index("agendas_agent_idx").on(t.companyId, t.agentId, t.contactDate),
    index("agendas_campaign_idx").on(t.companyId, t.campaignId, t.contactDate),
    index("agendas_customer_idx").on(t.customerId),
  ],
);

export const cycleEvents = pgTable(
  "cycle_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    programId: uuid("program_id").references(() => programs.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    assetId: uuid("asset_id").references(() => assets.id),
    agendaId: uuid("agenda_id").references(() => agendas.id),
    dueDate: date("due_date").notNull(),
    description: text("description").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cycle_events_agenda_idx").on(t.agendaId),
    // A program creates one event per asset and due date, however often it runs.
    uniqueIndex("cycle_events_unique_due").on(t.programId, t.assetId, t.dueDate),
  ],
);

/** Every status change of an agenda, and every call attempt: who, when, from, to, why. */
export const agendaHistory = pgTable(
  "agenda_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agendaId: uuid("agenda_id")
      .notNull()
      .references(() => agendas.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    // Null: the system (a job or the chatbot).
    userId: uuid("user_id").references(() => users.id),
    kind: text("kind", { enum: HISTORY_KINDS }).notNull().default("status"),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    reason: text("reason"),
    note: text("note"),
  },
  (t) => [index("agenda_history_agenda_idx").on(t.agendaId, t.at)],
);

export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    agendaId: uuid("agenda_id").references(() => agendas.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    assetId: uuid("asset_id").references(() => assets.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    service: text("service"),
    status: text("status", { enum: APPOINTMENT_STATUSES })
      .notNull()
      .default("agendado"),
    source: text("source", { enum: ["chatbot", "phone", "passive", "reception"] }).notNull(),
    // Null: booked by the chatbot.
    createdBy: uuid("created_by").references(() => users.id),
    rescheduledFromId: uuid("rescheduled_from_id"),
    confirmationSentAt: timestamp("confirmation_sent_at", { withTimezone: true }),
    noShowMarkedBy: text("no_show_marked_by", { enum: ["automatic", "manual"] }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("appointments_company_starts_idx").on(t.companyId, t.startsAt),
    index("appointments_agenda_idx").on(t.agendaId),
    index("appointments_customer_idx").on(t.customerId),
  ],
);

/** The workshop's calendar: one row per company. Days are 0 (Sunday) to 6 (Saturday). */
export const companyCalendars = pgTable("company_calendars", {
  companyId: uuid("company_id")
    .primaryKey()
    .references(() => companies.id),
  openDays: integer("open_days").array().notNull().default(sql`'{1,2,3,4,5}'::int[]`),
  opensAt: text("opens_at").notNull().default("08:00"),
  closesAt: text("closes_at").notNull().default("18:00"),
  slotMinutes: integer("slot_minutes").notNull().default(30),
  capacityPerSlot: integer("capacity_per_slot").notNull().default(2),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const holidays = pgTable(
  "holidays",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    date: date("date").notNull(),
    name: text("name").notNull(),
  },
  (t) => [uniqueIndex("holidays_company_date_key").on(t.companyId, t.date)],
);
