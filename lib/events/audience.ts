import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { queueMembers } from "@/db/schema/org";
import { events } from "@/db/schema/events";
import { loadUserAccess } from "@/lib/auth/load-user-access";
import type { Audience } from "./types";

/** Who a stream belongs to, as far as the events' audiences go. */
export type Viewer = {
  userId: string;
  companyIds: string[];
  /** The queues the user answers. */
  queueIds: string[];
  /** Supervisors (tickets.transfer, as pickTicket's "any queue") hear every queue of their companies. */
  supervisor: boolean;
};

/** The viewer of an active user, read fresh (a role, company or queue change applies on the next read). */
export async function loadViewer(db: Db, userId: string): Promise<Viewer | null> {
  const access = await loadUserAccess(db, userId);
  if (!access) return null;
  const queues = await db.select({ id: queueMembers.queueId }).from(queueMembers).where(eq(queueMembers.userId, userId));
  return {
    userId,
    companyIds: access.companies.map((c) => c.id),
    queueIds: queues.map((q) => q.id),
    supervisor: access.permissions.includes("tickets.transfer"),
  };
}

/**
 * The one rule of who hears an event: the event's company must be one of the viewer's (none: every
 * company); narrowed to a queue, its members, the supervisors and the event's user (a ticket's agent);
 * narrowed to a user only, that user.
 */
export function mayReceive(viewer: Viewer, audience: Required<{ [K in keyof Audience]: Audience[K] | null }>): boolean {
  if (audience.companyId !== null && !viewer.companyIds.includes(audience.companyId)) return false;
  if (audience.queueId !== null) return viewer.supervisor || viewer.queueIds.includes(audience.queueId) || audience.userId === viewer.userId;
  if (audience.userId !== null) return audience.userId === viewer.userId;
  return true;
}

/** mayReceive as a condition on the events table, for the replay. */
export function visibleTo(viewer: Viewer): SQL {
  const companies = sql`(${events.companyId} is null or ${events.companyId} = any(${sql.param(viewer.companyIds)}::uuid[]))`;
  const queue = viewer.supervisor
    ? sql`true`
    : sql`(${events.queueId} = any(${sql.param(viewer.queueIds)}::uuid[]) or ${events.userId} = ${viewer.userId}::uuid)`;
  return sql`${companies} and case
    when ${events.queueId} is not null then ${queue}
    when ${events.userId} is not null then ${events.userId} = ${viewer.userId}::uuid
    else true end`;
}
