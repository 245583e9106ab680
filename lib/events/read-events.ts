import { asc, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema/events";

/** The events after a sequence, in order: what a listener reads when NOTIFY says there is more. */
export async function readEvents(db: Db, params: { after: number; limit?: number }) {
  return db
    .select({ seq: events.seq, type: events.type, companyId: events.companyId, queueId: events.queueId, userId: events.userId, payload: events.payload, at: events.at })
    .from(events)
    .where(gt(events.seq, params.after))
    .orderBy(asc(events.seq))
    .limit(params.limit ?? 500);
}
