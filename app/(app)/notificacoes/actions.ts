"use server";

import { defineAction } from "@/lib/actions/define-action";
import { markAllNotificationsRead, markNotificationRead, removeNotification } from "@/lib/notifications/notifications";
import { noInputSchema, notificationIdSchema } from "@/lib/notifications/schema";

// Any signed-in user manages their own notifications: each command is scoped to the session's user.

export const readNotification = defineAction({
  name: "readNotification",
  schema: notificationIdSchema,
  permission: null,
  run: (db, input, ctx) => markNotificationRead(db, ctx.userId, input.id, ctx.clock.now()),
  revalidate: ["/"],
});

export const readAllNotifications = defineAction({
  name: "readAllNotifications",
  schema: noInputSchema,
  permission: null,
  run: (db, _input, ctx) => markAllNotificationsRead(db, ctx.userId, ctx.clock.now()),
  revalidate: ["/"],
});

export const deleteNotification = defineAction({
  name: "deleteNotification",
  schema: notificationIdSchema,
  permission: null,
  run: (db, input, ctx) => removeNotification(db, ctx.userId, input.id),
  revalidate: ["/"],
});
