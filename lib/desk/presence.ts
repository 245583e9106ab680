import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentPresence, pauseReasons, presenceChanges, PRESENCE_STATES } from "@/db/schema/desk";
import { userCompanies } from "@/db/schema/org";
import { emit } from "@/lib/events/emit";
import { UserError } from "@/lib/errors";

export type PresenceState = (typeof PRESENCE_STATES)[number];
/** Why the system (not the agent) changed a presence. */
export type PresenceCause = "signed_in" | "three_expired" | "no_stream" | "paused_after_finish";

export type PresenceChange = {
  userId: string;
  state: PresenceState;
  pauseReasonId?: string | null;
  cause?: PresenceCause | null;
  /** Who changed it; null: the system. */
  actorId: string | null;
  now: Date;
};

const current = {
  state: agentPresence.state,
  pauseReasonId: agentPresence.pauseReasonId,
  since: agentPresence.since,
  pauseAfterFinish: agentPresence.pauseAfterFinish,
  pendingPauseReasonId: agentPresence.pendingPauseReasonId,
  expiredInARow: agentPresence.expiredInARow,
};

/** The agent's presence; an agent never seen is Offline. */
export async function getPresence(db: Db, userId: string) {
  const [row] = await db.select(current).from(agentPresence).where(eq(agentPresence.userId, userId));
  return row ?? { state: "offline" as const, pauseReasonId: null, since: null, pauseAfterFinish: false, pendingPauseReasonId: null, expiredInARow: 0 };
}

/**
 * Sets an agent's presence: the row (locked, so a concurrent offer to them waits), a presence_changes
 * row and `presence.changed`. Não pronto by the agent needs a pause reason of one of their companies.
 * Going Pronto resets the expiry count and starts the idle clock. Returns false when nothing changed.
 */
export async function setPresence(db: Db, input: PresenceChange): Promise<boolean> {
  const reasonId = input.state === "nao_pronto" ? (input.pauseReasonId ?? null) : null;
  if (input.state === "nao_pronto" && !input.cause && !reasonId) throw new UserError("pause_reason_required");
  return db.transaction(async (tx) => {
    if (reasonId) await assertOwnReason(tx, input.userId, reasonId);
    const [before] = await tx.select(current).from(agentPresence).where(eq(agentPresence.userId, input.userId)).for("update");
    if (before && before.state === input.state && before.pauseReasonId === reasonId && !before.pauseAfterFinish) return false;
    const values = {
      state: input.state,
      pauseReasonId: reasonId,
      since: input.now,
      pauseAfterFinish: false,
      pendingPauseReasonId: null,
      ...(input.state === "pronto" ? { expiredInARow: 0, idleSince: input.now } : {}),
    };
    await tx
      .insert(agentPresence)
      .values({ userId: input.userId, idleSince: input.now, ...values })
      .onConflictDoUpdate({ target: agentPresence.userId, set: values });
    await tx.insert(presenceChanges).values({
      userId: input.userId,
      fromState: before?.state ?? null,
      toState: input.state,
      pauseReasonId: reasonId,
      cause: input.cause ?? null,
      actorId: input.actorId,
      at: input.now,
    });
    // Signing in and dropping off change nobody's transfer options but the agent's own (Não pronto and
    // Offline are both unavailable): only they hear it, so an idle desk is not refreshed by strangers.
    if (input.cause === "signed_in" || input.cause === "no_stream") {
      await emit(tx, { type: "presence.changed", audience: { companyId: null, userId: input.userId }, payload: { userId: input.userId } });
    } else {
      await emitPresence(tx, input.userId);
    }
    return true;
  });
}

/** "Pausar após concluir": no new offers from now; Não pronto (with the reason) when the last ticket is done. */
export async function pauseAfterFinish(db: Db, input: { userId: string; pauseReasonId: string; now: Date }) {
  await db.transaction(async (tx) => {
    await assertOwnReason(tx, input.userId, input.pauseReasonId);
    const [row] = await tx
      .update(agentPresence)
      .set({ pauseAfterFinish: true, pendingPauseReasonId: input.pauseReasonId })
      .where(and(eq(agentPresence.userId, input.userId), eq(agentPresence.state, "pronto")))
      .returning({ userId: agentPresence.userId });
    if (!row) throw new UserError("agent_unavailable");
    await emitPresence(tx, input.userId);
  });
}

/** To the agent's companies: colleagues' transfer lists (and, later, supervisors) follow it live. */
async function emitPresence(tx: Db, userId: string) {
  const companies = await tx.select({ id: userCompanies.companyId }).from(userCompanies).where(eq(userCompanies.userId, userId));
  await emit(tx, ...companies.map((c) => ({ type: "presence.changed" as const, audience: { companyId: c.id }, payload: { userId } })));
}

async function assertOwnReason(tx: Db, userId: string, reasonId: string) {
  const mine = tx.select({ id: userCompanies.companyId }).from(userCompanies).where(eq(userCompanies.userId, userId));
  const [ok] = await tx
    .select({ id: pauseReasons.id })
    .from(pauseReasons)
    .where(and(eq(pauseReasons.id, reasonId), eq(pauseReasons.active, true), inArray(pauseReasons.companyId, mine)));
  if (!ok) throw new UserError("pause_reason_required");
}

/** The active pause reasons of the given companies, for the presence menu. */
export async function listPauseReasons(db: Db, companyIds: string[]) {
  if (!companyIds.length) return [];
  return db
    .select({ id: pauseReasons.id, name: pauseReasons.name, companyId: pauseReasons.companyId })
    .from(pauseReasons)
    .where(and(inArray(pauseReasons.companyId, companyIds), eq(pauseReasons.active, true)))
    .orderBy(pauseReasons.name);
}
