import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { migrationsFolder } from "@/db/migrate";
import { rowsOf } from "@/db/rows-of";

export type Readiness = {
  ready: boolean;
  checks: { database: boolean; migrations: boolean; listener: boolean };
};

/** The newest migration this build ships (drizzle's journal), read once. */
let shipped: number | undefined;
function newestShippedMigration(): number {
  if (shipped === undefined) {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
    shipped = Math.max(...journal.entries.map((e) => e.when));
  }
  return shipped;
}

// Migrations only change on deploy: once applied, they stay applied for this process.
let migrationsApplied = false;

/**
 * What a load balancer asks every few seconds: one round trip to the database (two until the
 * migrations are seen applied) and the event listener's state. Says nothing about the data.
 */
export async function checkReadiness(db: Db, listenerConnected: boolean, timeoutMs = 2_000): Promise<Readiness> {
  const withTimeout = <T>(work: Promise<T>) =>
    Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref?.())]);
  let database = false;
  try {
    await withTimeout(db.execute(sql`select 1`));
    database = true;
  } catch {
    database = false;
  }
  if (database && !migrationsApplied) {
    try {
      const result = await withTimeout(db.execute(sql`select max(created_at)::text as newest from drizzle.__drizzle_migrations`));
      const newest = Number(rowsOf<{ newest: string | null }>(result)[0]?.newest ?? 0);
      migrationsApplied = newest >= newestShippedMigration();
    } catch {
      // No migrations table yet: nothing applied.
    }
  }
  const checks = { database, migrations: database && migrationsApplied, listener: listenerConnected };
  return { ready: checks.database && checks.migrations && checks.listener, checks };
}
