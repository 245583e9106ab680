import fs from "node:fs";
import path from "node:path";
import { openPglite, openPostgres, type Db, type DbHandle } from "./client";

export type { Db } from "./client";

// One handle per process: Next bundles this module into several chunks (instrumentation, routes), the
// production server (server.ts) has its own copy, and two PGlite instances on one data directory would
// corrupt it. The same goes for the readiness signal below.
type Readiness = { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void };
const globalForDb = globalThis as unknown as { __atendeDb?: DbHandle; __atendeDbReady?: Readiness };

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

function readiness(): Readiness {
  if (!globalForDb.__atendeDbReady) {
    const ready = {} as Readiness;
    ready.promise = new Promise<void>((resolve, reject) => Object.assign(ready, { resolve, reject }));
    // Nobody may be waiting (next dev, next start): a failure is reported by instrumentation.ts itself.
    ready.promise.catch(() => {});
    globalForDb.__atendeDbReady = ready;
  }
  return globalForDb.__atendeDbReady;
}

/** instrumentation.ts, once the database is migrated (and seeded), or could not be. */
export function markDatabaseReady(error?: unknown) {
  if (error === undefined) readiness().resolve();
  else readiness().reject(error);
}

/**
 * Resolves when instrumentation.ts has prepared the database. In production Next runs instrumentation.ts
 * in the background and holds its own requests until it is done; server.ts waits for this before it
 * listens, since its webhook fast path does not go through Next.
 */
export function databaseReady(): Promise<void> {
  return readiness().promise;
}
