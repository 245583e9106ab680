import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openPostgres } from "../db/client";
import { migrate } from "../db/migrate";
import { fileDatabasePrefix, quoteIdent, withDatabase } from "./pg-urls";

declare module "vitest" {
  export interface ProvidedContext {
    /** Postgres mode: the migrated template database each test file copies; "" in PGlite mode. */
    testTemplateDb: string;
  }
}

/**
 * Without TEST_DATABASE_URL the tests use in-memory PGlite and nothing happens here. With it, one
 * template database is created and migrated per run; each test file then gets a fresh copy of it
 * (test/db.ts) and the teardown drops the template and every copy.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide("testTemplateDb", "");
    return;
  }

  const template = `atende_tpl_${process.pid}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${quoteIdent(template)}`);
  } finally {
    await admin.end();
  }
  const handle = openPostgres(withDatabase(url, template), 1);
  try {
    await migrate(handle);
  } finally {
    // A template must have no open connections while it is copied.
    await handle.close();
  }
  project.provide("testTemplateDb", template);

  return async () => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const prefix = fileDatabasePrefix(template);
      const rows = await sql<{ datname: string }[]>`
        select datname from pg_database where left(datname, ${prefix.length}) = ${prefix}`;
      for (const { datname } of rows) await sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      await sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(template)} WITH (FORCE)`);
    } finally {
      await sql.end();
    }
  };
}
