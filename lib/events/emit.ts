import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { EVENTS_CHANNEL, type DomainEvent } from "./types";

/**
 * The CTEs `added` (the events inserted, with their seq) and `announced` (pg_notify of the highest new
 * sequence, nothing when none was added), for a statement that records its events inline: `rows`
 * selects (type, company_id, queue_id, user_id, payload jsonb). A statement that writes a change and its
 * events at once stays one statement (the webhook's hot path), atomic by itself. The caller's final
 * select must read `announced` (a CTE that modifies nothing runs only when read).
 */
export function eventCtes(rows: SQL): SQL {
  return sql`added as (
      insert into events (type, company_id, queue_id, user_id, payload)
      select * from (${rows}) as r
      returning seq
    ), announced as materialized (
      select pg_notify(${EVENTS_CHANNEL}, max(seq)::text) as notified from added having count(*) > 0
    )`;
}

/**
 * Records domain events in the caller's transaction and notifies `atende_events` with the highest new
 * sequence: NOTIFY is delivered on commit only, so an event exists (and is announced) only if its change
 * committed. The payload is a number, far below Postgres's 8,000-byte limit. Returns the sequences.
 */
export async function emit(tx: Db, ...list: DomainEvent[]): Promise<number[]> {
  if (!list.length) return [];
  const column = (pick: (e: DomainEvent) => string | null | undefined) => sql.param(list.map((e) => pick(e) ?? null));
  const rows = await tx.execute<{ seq: string | number }>(sql`
    with ${eventCtes(sql`
      select t, c::uuid, q::uuid, u::uuid, p::jsonb
      from unnest(
        ${column((e) => e.type)}::text[], ${column((e) => e.audience.companyId)}::text[],
        ${column((e) => e.audience.queueId)}::text[], ${column((e) => e.audience.userId)}::text[],
        ${column((e) => JSON.stringify(e.payload))}::text[]
      ) as x(t, c, q, u, p)`)}
    select seq from added left join announced on true`);
  return rowsOf<{ seq: string | number }>(rows).map((r) => Number(r.seq));
}
