import bcrypt from "bcryptjs";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginAttempts, users } from "@/db/schema/org";

export const MAX_FAILURES_BEFORE_LOCK = 5;
const MAX_LOCK_MINUTES = 15;

// Compared against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
const DUMMY_HASH = "$2b$10$DDg.3zCOgLsUVf6Foz8WJ.UPU3CO2M2jxg/LpqNlZgpwztS28yDk.";

export type CredentialsResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "locked"; retryAfterSeconds: number };

/** The lock grows with each failure past the fifth: 1, 2, 4, 8, then 15 minutes. */
export function lockMinutes(failures: number) {
  if (failures < MAX_FAILURES_BEFORE_LOCK) return 0;
  return Math.min(2 ** (failures - MAX_FAILURES_BEFORE_LOCK), MAX_LOCK_MINUTES);
}

export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string },
  now: Date,
): Promise<CredentialsResult> {
  const email = input.email.trim().toLowerCase();
  const [attempt] = await db
    .select({ failures: loginAttempts.failures, lockedUntil: loginAttempts.lockedUntil })
    .from(loginAttempts)
    .where(eq(loginAttempts.email, email));
  if (attempt?.lockedUntil && attempt.lockedUntil > now) {
    return { ok: false, error: "locked", retryAfterSeconds: Math.ceil((attempt.lockedUntil.getTime() - now.getTime()) / 1000) };
  }

  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, eq(users.active, true)));
  const matches = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);

  if (user && matches) {
    await db.delete(loginAttempts).where(eq(loginAttempts.email, email));
    return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
  }

  const failures = (attempt?.failures ?? 0) + 1;
  const minutes = lockMinutes(failures);
  const lockedUntil = minutes ? new Date(now.getTime() + minutes * 60_000) : null;
  await db
    .insert(loginAttempts)
    .values({ email, failures, lastFailedAt: now, lockedUntil })
    .onConflictDoUpdate({
      target: loginAttempts.email,
      set: { failures: sql`${loginAttempts.failures} + 1`, lastFailedAt: now, lockedUntil },
    });
  if (lockedUntil) return { ok: false, error: "locked", retryAfterSeconds: minutes * 60 };
  return { ok: false, error: "invalid" };
}
