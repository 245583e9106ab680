import { and, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentPresence } from "@/db/schema/desk";
import { setPresence } from "./presence";

/** An agent whose desk has had no live stream for this long is Offline. */
export const OFFLINE_AFTER_MS = 60_000;

/**
 * Liveness from the stream hubs: each process marks the users it streams to as seen, then anyone not
 * seen by any process for 60 s goes Offline (their pending offers expire as usual and go to the next).
 */
export async function markSeenAndOffline(db: Db, connectedUserIds: string[], now: Date): Promise<string[]> {
  if (connectedUserIds.length) await db.update(agentPresence).set({ lastSeenAt: now }).where(inArray(agentPresence.userId, connectedUserIds));
  const cutoff = new Date(now.getTime() - OFFLINE_AFTER_MS);
  const stale = await db
    .select({ userId: agentPresence.userId })
    .from(agentPresence)
    .where(and(ne(agentPresence.state, "offline"), or(isNull(agentPresence.lastSeenAt), lt(agentPresence.lastSeenAt, cutoff))));
  for (const { userId } of stale) await setPresence(db, { userId, state: "offline", cause: "no_stream", actorId: null, now });
  return stale.map((s) => s.userId);
}

/** Sign-in: Não pronto (the agent chooses Pronto), seen now so the sweep waits for the desk's stream. */
export async function signedIn(db: Db, userId: string, now: Date) {
  await setPresence(db, { userId, state: "nao_pronto", cause: "signed_in", actorId: userId, now });
  await db.update(agentPresence).set({ lastSeenAt: now }).where(sql`${agentPresence.userId} = ${userId}::uuid`);
}
