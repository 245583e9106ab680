import type { Db } from "@/db/client";
import { callRecords } from "@/db/schema/phone";
import type { PbxCall } from "./call-schema";

/**
 * Stores a company's call records in one statement: all or none, and a record whose PBX id the
 * company already has is skipped (a PBX retrying a batch stores nothing twice).
 */
export async function storeCalls(db: Db, companyId: string, calls: PbxCall[], now: Date) {
  if (!calls.length) return { stored: 0, duplicates: 0 };
  const rows = await db
    .insert(callRecords)
    .values(
      calls.map((c) => ({
        companyId,
        pbxId: c.uniqueid,
        caller: c.src,
        called: c.dst,
        startedAt: c.start,
        answeredAt: c.answer ?? null,
        endedAt: c.end,
        durationSeconds: c.duration,
        billedSeconds: c.billsec,
        disposition: c.disposition,
        queue: c.queue,
        extension: c.extension,
        agent: c.agent,
        receivedAt: now,
      })),
    )
    .onConflictDoNothing({ target: [callRecords.companyId, callRecords.pbxId] })
    .returning({ id: callRecords.id });
  return { stored: rows.length, duplicates: calls.length - rows.length };
}
