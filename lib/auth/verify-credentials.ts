import bcrypt from "bcryptjs";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/org";
import { clearAccountAttempts, refundAddressAttempt, reserveAccountAttempt, reserveAddressAttempt } from "./login-throttle";

// Compared against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
const DUMMY_HASH = "$2b$10$DDg.3zCOgLsUVf6Foz8WJ.UPU3CO2M2jxg/LpqNlZgpwztS28yDk.";

export type CredentialsResult =
  | { ok: true; user: { id: string; name: string; email: string; sessionVersion: number } }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "locked"; retryAfterSeconds: number };

const locked = (retryAfterSeconds: number): CredentialsResult => ({ ok: false, error: "locked", retryAfterSeconds });

/**
 * Checks an e-mail and password from a client address (lib/auth/client-address.ts). The attempt is
 * counted, per address and per account from that address, before the password is checked, so a locked
 * account or address refuses even the right password until the lock ends, and concurrent attempts cannot
 * slip past the count.
 */
export async function verifyCredentials(
  db: Db,
  input: { email: string; password: string; address: string },
  now: Date,
): Promise<CredentialsResult> {
  const email = input.email.trim().toLowerCase();
  const address = input.address;

  const byAddress = await reserveAddressAttempt(db, address, now);
  if (!byAddress.ok) return locked(byAddress.retryAfterSeconds);
  const byAccount = await reserveAccountAttempt(db, { email, address }, now);
  if (!byAccount.ok) {
    await refundAddressAttempt(db, address);
    return locked(byAccount.retryAfterSeconds);
  }

  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email}`, eq(users.active, true)));
  const matches = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);

  if (user && matches) {
    await Promise.all([clearAccountAttempts(db, { email, address }), refundAddressAttempt(db, address)]);
    return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion } };
  }
  // This attempt was the one that reached a lock: say so now rather than on the next try.
  const until = Math.max(byAccount.lockedUntil?.getTime() ?? 0, byAddress.lockedUntil?.getTime() ?? 0);
  if (until > now.getTime()) return locked(Math.ceil((until - now.getTime()) / 1000));
  return { ok: false, error: "invalid" };
}
