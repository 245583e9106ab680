import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { protocolCounters } from "@/db/schema/tickets";
import { localDate } from "@/lib/dates";

/**
 * AAAAMMDD + a per-day sequence (6 digits), unique per deployment. The counter row is
 * incremented atomically, so concurrent tickets never share a number.
 */
export async function nextProtocol(db: Db, now: Date, timeZone = "America/Sao_Paulo"): Promise<string> {
  const day = localDate(now, timeZone).replaceAll("-", "");
  const [row] = await db
    .insert(protocolCounters)
    .values({ day, last: 1 })
    .onConflictDoUpdate({ target: protocolCounters.day, set: { last: sql`${protocolCounters.last} + 1` } })
    .returning({ last: protocolCounters.last });
  return `${day}${String(row.last).padStart(6, "0")}`;
}
