import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loginAccountAttempts, loginAddressAttempts } from "@/db/schema/org";

export const MAX_FAILURES_BEFORE_LOCK = 5;
const MAX_LOCK_MINUTES = 15;
// An account's failures from an address are forgotten after a day without any.
const FORGET_ACCOUNT_FAILURES_MS = 24 * 60 * 60_000;

/** Failures one address may have across all accounts per window before it has to wait. */
export const MAX_ADDRESS_FAILURES = 20;
const ADDRESS_WINDOW_MINUTES = 15;
const ADDRESS_LOCK_MINUTES = 15;

export type Gate = { ok: true; lockedUntil: Date | null } | { ok: false; retryAfterSeconds: number };

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
// Constants written into the statement, not sent as parameters of unknown type.
const n = (value: number) => sql.raw(String(value));

function retryAfter(lockedUntil: Date | null | undefined, now: Date) {
  // A lock that ended between the refusal and this read still made the attempt wait: one second.
  return Math.max(1, Math.ceil(((lockedUntil?.getTime() ?? 0) - now.getTime()) / 1000));
}

/**
 * Counts an attempt on the account from this address before its password is checked, in one conditional
 * upsert, so that concurrent attempts cannot all read "not locked yet": the fifth one sets the lock and
 * the ones after it are refused without a check. The lock grows with each failure past the fifth: 1, 2,
 * 4, 8, then 15 minutes. `lockedUntil`: the lock this attempt set, if it was the one that reached it.
 */
export async function reserveAccountAttempt(db: Db, key: { email: string; address: string }, now: Date): Promise<Gate> {
  const t = loginAccountAttempts;
  const failures = sql`(case when ${t.lastFailedAt} < ${at(new Date(now.getTime() - FORGET_ACCOUNT_FAILURES_MS))} then 1 else ${t.failures} + 1 end)`;
  const [row] = await db
    .insert(t)
    .values({ ...key, failures: 1, lastFailedAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: [t.email, t.address],
      set: {
        failures,
        lastFailedAt: now,
        lockedUntil: sql`case when ${failures} >= ${n(MAX_FAILURES_BEFORE_LOCK)}
          then ${at(now)} + least(power(2, ${failures} - ${n(MAX_FAILURES_BEFORE_LOCK)}), ${n(MAX_LOCK_MINUTES)}) * interval '1 minute' end`,
      },
      setWhere: sql`${t.lockedUntil} is null or ${t.lockedUntil} <= ${at(now)}`,
    })
    .returning({ lockedUntil: t.lockedUntil });
  if (row) return { ok: true, lockedUntil: row.lockedUntil };
  const [lock] = await db
    .select({ lockedUntil: t.lockedUntil })
    .from(t)
    .where(and(eq(t.email, key.email), eq(t.address, key.address)));
  return { ok: false, retryAfterSeconds: retryAfter(lock?.lockedUntil, now) };
}

/** The right password: the account starts over from this address. */
export async function clearAccountAttempts(db: Db, key: { email: string; address: string }) {
  await db.delete(loginAccountAttempts).where(and(eq(loginAccountAttempts.email, key.email), eq(loginAccountAttempts.address, key.address)));
}

/**
 * Counts an attempt from this address, whatever the account, in fixed windows of 15 minutes; the
 * twentieth in a window locks the address for 15 minutes. Same single conditional upsert as the account's.
 */
export async function reserveAddressAttempt(db: Db, address: string, now: Date): Promise<Gate> {
  const t = loginAddressAttempts;
  const stale = sql`${t.windowStartedAt} <= ${at(new Date(now.getTime() - ADDRESS_WINDOW_MINUTES * 60_000))}`;
  const failures = sql`(case when ${stale} then 1 else ${t.failures} + 1 end)`;
  const [row] = await db
    .insert(t)
    .values({ address, failures: 1, windowStartedAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: t.address,
      set: {
        failures,
        windowStartedAt: sql`case when ${stale} then ${at(now)} else ${t.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${n(MAX_ADDRESS_FAILURES)} then ${at(now)} + interval '${n(ADDRESS_LOCK_MINUTES)} minutes' end`,
      },
      setWhere: sql`${t.lockedUntil} is null or ${t.lockedUntil} <= ${at(now)}`,
    })
    .returning({ lockedUntil: t.lockedUntil });
  if (row) return { ok: true, lockedUntil: row.lockedUntil };
  const [lock] = await db.select({ lockedUntil: t.lockedUntil }).from(t).where(eq(t.address, address));
  return { ok: false, retryAfterSeconds: retryAfter(lock?.lockedUntil, now) };
}

/**
 * Gives back an address's attempt that was not a failure (the right password, or an account that was
 * locked anyway), so that a user signing in often from a shared address never throttles it; never reset,
 * or a guesser could clear their address by signing in to an account of their own.
 */
export async function refundAddressAttempt(db: Db, address: string) {
  const t = loginAddressAttempts;
  await db
    .update(t)
    .set({
      failures: sql`greatest(${t.failures} - 1, 0)`,
      lockedUntil: sql`case when ${t.failures} - 1 >= ${n(MAX_ADDRESS_FAILURES)} then ${t.lockedUntil} end`,
    })
    .where(eq(t.address, address));
}
