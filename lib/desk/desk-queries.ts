import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pauseReasons, presenceChanges } from "@/db/schema/desk";
import { getPresence } from "./presence";

/** The agent's presence for the desk bar: state, reason name, since, and why the system last changed it. */
export async function deskPresence(db: Db, userId: string) {
  const p = await getPresence(db, userId);
  const [reason] = p.pauseReasonId ? await db.select({ name: pauseReasons.name }).from(pauseReasons).where(eq(pauseReasons.id, p.pauseReasonId)) : [];
  const [last] = await db
    .select({ cause: presenceChanges.cause })
    .from(presenceChanges)
    .where(eq(presenceChanges.userId, userId))
    .orderBy(desc(presenceChanges.id))
    .limit(1);
  return { state: p.state, reasonName: reason?.name ?? null, since: p.since, pauseAfterFinish: p.pauseAfterFinish, cause: last?.cause ?? null };
}
