import { and, asc, eq, gt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema/events";

export type StoredEvent = {
  seq: number;
  type: string;
  companyId: string | null;
  queueId: string | null;
  userId: string | null;
  payload: Record<string, string | null>;
  at: Date;
};

const columns = {
  seq: events.seq,
  type: events.type,
  companyId: events.companyId,
  queueId: events.queueId,
  userId: events.userId,
  payload: events.payload,
  at: events.at,
};

/**
 * The events after a sequence (and those of `also`, sequences the reader saw missing), in order: what
 * the hub reads when NOTIFY says there is more, and the replay of a reconnecting stream (`where`: what
 * its user may see).
 */
export async function readEvents(db: Db, params: { after: number; also?: number[]; where?: SQL; limit?: number }): Promise<StoredEvent[]> {
  const after = gt(events.seq, params.after);
  const range = params.also?.length ? or(after, sql`${events.seq} = any(${sql.param(params.also)}::bigint[])`) : after;
  const rows = await db
    .select(columns)
    .from(events)
    .where(and(range, params.where))
    .orderBy(asc(events.seq))
    .limit(params.limit ?? 500);
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** Whether an event is still kept: a stream whose last event is gone missed some the retention deleted. */
export async function eventKept(db: Db, seq: number): Promise<boolean> {
  const [row] = await db.select({ seq: events.seq }).from(events).where(eq(events.seq, seq));
  return !!row;
}

/** The highest sequence recorded so far (0: none). */
export async function lastEventSeq(db: Db): Promise<number> {
  const [row] = await db.select({ seq: sql<string | number | null>`max(${events.seq})` }).from(events);
  return Number(row?.seq ?? 0);
}
