import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One row per run of a scheduled job, with its counts (SPEC §3.5): what supervisors see in Automação. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    job: text("job").notNull(),
    trigger: text("trigger", { enum: ["cron", "manual", "event", "test"] }).notNull(),
    status: text("status", { enum: ["running", "succeeded", "failed"] }).notNull().default("running"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    considered: integer("considered").notNull().default(0),
    sent: integer("sent").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    // { reason: count } for the skipped ones, e.g. { celular_invalido: 3, optout: 1, fora_do_horario: 12 }.
    skipped: jsonb("skipped").$type<Record<string, number>>().notNull().default({}),
    errors: jsonb("errors").$type<string[]>().notNull().default([]),
    triggeredBy: uuid("triggered_by"),
  },
  (t) => [index("job_runs_job_started_idx").on(t.job, t.startedAt)],
);
