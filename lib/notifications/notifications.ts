import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications, type NotificationKind } from "@/db/schema/notifications";
import { emit } from "@/lib/events/emit";

export type NewNotification = {
  companyId: string;
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  ticketId?: string | null;
  customerId?: string | null;
  at?: Date;
};

/**
 * Creates notifications in the caller's transaction, each with a `notification.created` event for its user:
 * the bell learns of it only if the change that caused it commits. Returns the ids.
 */
export async function notify(tx: Db, ...list: NewNotification[]): Promise<string[]> {
  if (!list.length) return [];
  const rows = await tx
    .insert(notifications)
    .values(
      list.map((n) => ({
        companyId: n.companyId,
        userId: n.userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? "",
        ticketId: n.ticketId ?? null,
        customerId: n.customerId ?? null,
        ...(n.at ? { createdAt: n.at } : {}),
      })),
    )
    .returning({ id: notifications.id, companyId: notifications.companyId, userId: notifications.userId });
  await emit(
    tx,
    ...rows.map((r) => ({
      type: "notification.created" as const,
      audience: { companyId: r.companyId, userId: r.userId },
      payload: { notificationId: r.id },
    })),
  );
  return rows.map((r) => r.id);
}

export type NotificationItem = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  ticketId: string | null;
  customerId: string | null;
  readAt: Date | null;
  createdAt: Date;
};

/** The user's latest notifications (of every company: the bell is the person's) and the unread count. */
export async function listNotifications(db: Db, userId: string, limit = 30): Promise<{ items: NotificationItem[]; unread: number }> {
  const items = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      ticketId: notifications.ticketId,
      customerId: notifications.customerId,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items, unread: Number(count?.n ?? 0) };
}

/** Marks one of the user's notifications read; another user's id changes nothing. */
export async function markNotificationRead(db: Db, userId: string, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllNotificationsRead(db: Db, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function removeNotification(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Where "Ir para conversa" leads: the ticket's conversation, else the customer, else nowhere. */
export function notificationHref(n: { ticketId: string | null; customerId: string | null }): string | null {
  if (n.ticketId) return `/conversas?t=${n.ticketId}`;
  if (n.customerId) return `/clientes/${n.customerId}`;
  return null;
}
