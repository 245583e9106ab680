import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { companies, users } from "./org";
import { tickets } from "./tickets";

/** Asterisk's CDR dispositions. */
export const CALL_DISPOSITIONS = ["ANSWERED", "NO ANSWER", "BUSY", "FAILED"] as const;

/**
 * The key a company's PBX sends its call records with. Only the SHA-256 of the key is kept (the key is
 * 32 random bytes, so a fast hash is enough); the prefix lets an admin tell keys apart. One per company:
 * rotating replaces it, and the old key stops working at once.
 */
export const pbxApiKeys = pgTable(
  "pbx_api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    keyHash: text("key_hash").notNull(),
    keyPrefix: text("key_prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [uniqueIndex("pbx_api_keys_company_key").on(t.companyId), uniqueIndex("pbx_api_keys_hash_key").on(t.keyHash)],
);

/** A call from the PBX (Asterisk CDR fields), stored once per PBX unique id. */
export const callRecords = pgTable(
  "call_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    // Asterisk's uniqueid (or the PBX's own id): what makes a repeated delivery a no-op.
    pbxId: text("pbx_id").notNull(),
    // E.164 digits when the number is a phone number, else what the PBX sent (an extension, "anonymous").
    caller: text("caller").notNull(),
    called: text("called").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }).notNull(),
    durationSeconds: integer("duration_seconds").notNull(),
    billedSeconds: integer("billed_seconds").notNull(),
    disposition: text("disposition", { enum: CALL_DISPOSITIONS }).notNull(),
    queue: text("queue"),
    extension: text("extension"),
    agent: text("agent"),
    // The attendance registered for this call (phone wizard).
    ticketId: uuid("ticket_id").references(() => tickets.id),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("call_records_company_pbx_key").on(t.companyId, t.pbxId),
    index("call_records_company_started_idx").on(t.companyId, t.startedAt),
    index("call_records_company_caller_idx").on(t.companyId, t.caller),
  ],
);

/** An attendance script of a company; its content lives in versions, so a ticket's report keeps the one that ran. */
export const scripts = pgTable(
  "scripts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    name: text("name").notNull(),
    // The plan this script is for (assets.plan_name); null: the company's default script.
    planName: text("plan_name"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("scripts_company_name_key").on(t.companyId, t.name)],
);

export const scriptVersions = pgTable(
  "script_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scriptId: uuid("script_id")
      .notNull()
      .references(() => scripts.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    // lib/phone/script-engine.ts ScriptDefinition, checked by validateScript before it is saved.
    definition: jsonb("definition").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [uniqueIndex("script_versions_script_version_key").on(t.scriptId, t.version)],
);

/** A script as it ran in one attendance: the answers and the report shown to the agent. */
export const scriptRuns = pgTable(
  "script_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    scriptVersionId: uuid("script_version_id").references(() => scriptVersions.id),
    // ScriptReport: [{ question, answer }] and how it ended, as the agent saw it.
    report: jsonb("report").notNull(),
    // The chain of answers by id, and the question shown when the script was closed (null: it reached an
    // end): what the script's analytics count.
    answers: jsonb("answers").notNull().default([]),
    endedAtQuestion: text("ended_at_question"),
    outcome: text("outcome"),
    completed: boolean("completed").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("script_runs_ticket_key").on(t.ticketId), index("script_runs_version_idx").on(t.scriptVersionId)],
);

/** The phone wizard of one user, kept between steps so a reload loses nothing (lib/phone/wizard-state.ts). */
export const phoneDrafts = pgTable("phone_drafts", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  companyId: uuid("company_id")
    .notNull()
    .references(() => companies.id),
  state: jsonb("state").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
