import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { openPglite, openPostgres, type Db, type Listen } from "@/db/client";
import { migrate } from "@/db/migrate";
import { fileDatabasePrefix, quoteIdent, withDatabase } from "./pg-urls";

/** `url`: the per-file database (Postgres mode only), for tests that need connections of their own. */
export type TestDb = { db: Db; close(): Promise<void>; url?: string; listen: Listen };

/**
 * A fresh, migrated, empty database for one test file.
 * - Default: in-memory PGlite.
 * - TEST_DATABASE_URL set: a new database on that server, copied from the template that
 *   test/global-setup.ts migrated for this run (and drops, with every copy, at the end).
 */
export async function createTestDb(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const handle = openPglite();
    await migrate(handle);
    return { db: handle.db, close: handle.close, listen: handle.listen };
  }

  const template = inject("testTemplateDb");
  if (!template) throw new Error("TEST_DATABASE_URL is set but the vitest globalSetup provided no template database");
  const name = `${fileDatabasePrefix(template)}${randomBytes(5).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
  } finally {
    await admin.end();
  }
  const fileUrl = withDatabase(url, name);
  const handle = openPostgres(fileUrl, 4);
  return { db: handle.db, close: handle.close, url: fileUrl, listen: handle.listen };
}
