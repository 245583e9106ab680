import fs from "node:fs";
import path from "node:path";
import { openPglite, openPostgres, type Db, type DbHandle } from "./client";

export type { Db } from "./client";

// One handle per process: Next bundles this module into several chunks (instrumentation, routes),
// and two PGlite instances on one data directory would corrupt it.
const globalForDb = globalThis as unknown as { __atendeDb?: DbHandle };

export function pgliteDir() {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

export function getDbHandle(): DbHandle {
  if (!globalForDb.__atendeDb) {
    const url = process.env.DATABASE_URL;
    if (url) {
      globalForDb.__atendeDb = openPostgres(url);
    } else {
      fs.mkdirSync(pgliteDir(), { recursive: true });
      globalForDb.__atendeDb = openPglite(pgliteDir());
    }
  }
  return globalForDb.__atendeDb;
}

export function getDb(): Db {
  return getDbHandle().db;
}
