import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const companies = pgTable("companies", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  cnpj: text("cnpj"),
  timeZone: text("time_zone").notNull().default("America/Sao_Paulo"),
  // "Script de encerramento obrigatório": closing a ticket requires reason and description.
  closeScriptRequired: boolean("close_script_required").notNull().default(false),
  // Automatic WhatsApp sends only go out between these wall-clock times (company time zone).
  sendingStartsAt: text("sending_starts_at").notNull().default("08:00"),
  sendingEndsAt: text("sending_ends_at").notNull().default("20:00"),
  // Agendamentos: no two pending actions within this window centred on one (seed 002: 6 minutes).
  schedulingSpacingMinutes: integer("scheduling_spacing_minutes").notNull().default(6),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const roles = pgTable("roles", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  description: text("description"),
  permissions: text("permissions").array().notNull().default(sql`'{}'::text[]`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id),
    homeCompanyId: uuid("home_company_id")
      .notNull()
      .references(() => companies.id),
    // Simultaneous tickets an agent may be offered.
    capacity: integer("capacity").notNull().default(3),
    active: boolean("active").notNull().default(true),
    // Copied into the session token at sign-in; bumped by logout, a password change or deactivation, so
    // every token issued before stops working at once (the JWT itself cannot be recalled).
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

/** "Empresas cruzadas para a função": every company a user may work in (the home company included). */
export const userCompanies = pgTable(
  "user_companies",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.companyId] }), index("user_companies_company_idx").on(t.companyId)],
);

export const teams = pgTable(
  "teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    // "É de PA": only these teams appear in the worklist's Time filter.
    isPa: boolean("is_pa").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("teams_company_idx").on(t.companyId)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);

export const queues = pgTable(
  "queues",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    // Seconds an agent has to Aceitar / Recusar an offer before it goes to the next one.
    offerTimeoutSeconds: integer("offer_timeout_seconds").notNull().default(30),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("queues_company_idx").on(t.companyId)],
);

export const queueMembers = pgTable(
  "queue_members",
  {
    queueId: uuid("queue_id")
      .notNull()
      .references(() => queues.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.queueId, t.userId] }), index("queue_members_user_idx").on(t.userId)],
);

/**
 * Sign-in attempts per account (known or not) and client address, for the back-off: per address, so
 * that a stranger's failures lock only the stranger out. Counted before the password is checked.
 */
export const loginAccountAttempts = pgTable(
  "login_account_attempts",
  {
    email: text("email").notNull(),
    address: text("address").notNull(),
    failures: integer("failures").notNull().default(0),
    lastFailedAt: timestamp("last_failed_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.email, t.address] })],
);

/** Sign-in attempts per client address across all accounts, in fixed windows, so one address cannot guess through many. */
export const loginAddressAttempts = pgTable("login_address_attempts", {
  address: text("address").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});
