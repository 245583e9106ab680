import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/org";

/** The version a session token must carry to be honoured, or null when the user is gone or inactive. */
export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const [row] = await db
    .select({ version: users.sessionVersion })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  return row?.version ?? null;
}

/** The column change that revokes a user's sessions, for writers that update the user anyway. */
export const nextSessionVersion = () => sql`${users.sessionVersion} + 1`;

/** Ends every session the user has open, on every device (logout, a new password, deactivation). */
export async function revokeSessions(db: Db, userId: string) {
  await db.update(users).set({ sessionVersion: nextSessionVersion() }).where(eq(users.id, userId));
}
