import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as agendas from "./schema/agendas";
import * as customers from "./schema/customers";
import * as desk from "./schema/desk";
import * as events from "./schema/events";
import * as jobs from "./schema/jobs";
import * as notifications from "./schema/notifications";
import * as org from "./schema/org";
import * as phone from "./schema/phone";
import * as scheduledActions from "./schema/scheduled-actions";
import * as tickets from "./schema/tickets";
import * as whatsapp from "./schema/whatsapp";

export const schema = { ...org, ...customers, ...agendas, ...whatsapp, ...tickets, ...events, ...jobs, ...phone, ...notifications, ...scheduledActions, ...desk };
export type Schema = typeof schema;

/** A database or a transaction: lib commands take either, so callers can compose them. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/**
 * `listen`: LISTEN on a channel. `onListen` runs each time the listen is (re)established — postgres.js
 * listens again on a new connection after a dropped one. Resolves to the unlisten function.
 */
export type Listen = (channel: string, onNotify: (payload: string) => void, onListen?: () => void) => Promise<() => Promise<void>>;

export type DbHandle = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void>; listen: Listen };

export function openPostgres(url: string, max = 10): DbHandle {
  const client = postgres(url, { max, onnotice: () => {} });
  const listen: Listen = async (channel, onNotify, onListen) => {
    const { unlisten } = await client.listen(channel, onNotify, onListen);
    return unlisten;
  };
  return { db: drizzlePostgres(client, { schema }) as unknown as Db, kind: "postgres", close: () => client.end({ timeout: 5 }), listen };
}

/** dataDir undefined → in memory (tests). */
export function openPglite(dataDir?: string): DbHandle {
  const client = new PGlite(dataDir);
  const listen: Listen = async (channel, onNotify, onListen) => {
    const unlisten = await client.listen(channel, onNotify);
    onListen?.();
    return unlisten;
  };
  return { db: drizzlePglite(client, { schema }) as unknown as Db, kind: "pglite", close: () => client.close(), listen };
}
