import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { EVENTS_CHANNEL, type DomainEvent } from "./types";

/**
 * Records domain events in the caller's transaction and notifies `atende_events` with the highest new
 * sequence: NOTIFY is delivered on commit only, so an event exists (and is announced) only if its change
 * committed. The payload is a number, far below Postgres's 8,000-byte limit. Returns the sequences.
 */
export async function emit(tx: Db, ...list: DomainEvent[]): Promise<number[]> {
  if (!list.length) return [];
  const column = (pick: (e: DomainEvent) => string | null | undefined) => sql.param(list.map((e) => pick(e) ?? null));
  const rows = await tx.execute<{ seq: string | number }>(sql`
    with added as (
      insert into events (type, company_id, queue_id, user_id, payload)
      select t, c::uuid, q::uuid, u::uuid, p::jsonb
      from unnest(
        ${column((e) => e.type)}::text[], ${column((e) => e.audience.companyId)}::text[],
        ${column((e) => e.audience.queueId)}::text[], ${column((e) => e.audience.userId)}::text[],
        ${column((e) => JSON.stringify(e.payload))}::text[]
      ) as x(t, c, q, u, p)
      returning seq
    ), announced as materialized (
      select pg_notify(${EVENTS_CHANNEL}, max(seq)::text) from added
    )
    select seq from added, announced`);
  return rowsOf<{ seq: string | number }>(rows).map((r) => Number(r.seq));
}
