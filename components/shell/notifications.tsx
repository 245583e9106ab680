import { NotificationBell, type BellItem } from "@/components/shell/notification-bell";
import { getDb } from "@/db/index";
import { formatDateTime } from "@/lib/dates";
import { listNotifications, notificationHref } from "@/lib/notifications/notifications";
import { companyTimeZones } from "@/lib/org/companies";

/** Loads the user's notifications for the bell; the bell re-renders this on `notification.created`. */
export async function Notifications({ userId, companyId }: { userId: string; companyId: string }) {
  const db = getDb();
  const { items, unread } = await listNotifications(db, userId);
  const timeZone = (await companyTimeZones(db, [companyId])).get(companyId) ?? "America/Sao_Paulo";
  const list: BellItem[] = items.map((n) => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    time: formatDateTime(n.createdAt, timeZone),
    href: notificationHref(n),
    read: n.readAt !== null,
  }));
  return <NotificationBell items={list} unread={unread} />;
}
