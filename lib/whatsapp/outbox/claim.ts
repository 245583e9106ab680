import { and, eq, isNull, lt, or } from "drizzle-orm";
import { anyText } from "@/db/any-of";
import type { Db } from "@/db/client";
import { messages } from "@/db/schema/whatsapp";

/** A queued row older than this whose sender vanished (crash between insert and send) may be claimed again. */
export const QUEUED_LEASE_MS = 2 * 60 * 1000;

export type MessageRow = typeof messages.$inferSelect;

/**
 * The outbox's one claim, for idempotency keys whose insert found them already used. For a queued row,
 * status_at is its lease: who holds it since when. A row still queued whose lease ran out (its sender
 * crashed between the insert and the provider call) is claimed — status_at set to `now`, so no one
 * else claims it for QUEUED_LEASE_MS — and returned in `claimed`, for the caller to send (a duplicate
 * key, but nothing was sent under it). Every other row (finished, or queued and in flight elsewhere)
 * is returned as it is in `taken`: nothing to send.
 */
export async function claimUsedKeys(db: Db, keys: string[], now: Date): Promise<{ claimed: MessageRow[]; taken: MessageRow[] }> {
  if (!keys.length) return { claimed: [], taken: [] };
  const claimed = await db
    .update(messages)
    .set({ statusAt: now })
    .where(
      and(
        anyText(messages.idempotencyKey, keys),
        eq(messages.status, "queued"),
        or(isNull(messages.statusAt), lt(messages.statusAt, new Date(now.getTime() - QUEUED_LEASE_MS))),
      ),
    )
    .returning();
  const claimedKeys = new Set(claimed.map((row) => row.idempotencyKey));
  const rest = keys.filter((key) => !claimedKeys.has(key));
  const taken = rest.length ? await db.select().from(messages).where(anyText(messages.idempotencyKey, rest)) : [];
  return { claimed, taken };
}
