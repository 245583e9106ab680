"use client";

import { AlertTriangle, Bell, CalendarClock, X } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { deleteNotification, readAllNotifications, readNotification } from "@/app/(app)/notificacoes/actions";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { NotificationKind } from "@/db/schema/notifications";
import { cn } from "@/lib/cn";

export type BellItem = { id: string; kind: NotificationKind; title: string; body: string; time: string; href: string | null; read: boolean };

const FAILURES: NotificationKind[] = ["scheduled_action_failed", "job_failed", "offer_expired"];

/** The bell in the top bar (SPEC §7): the unread count, live, and the panel of the user's notifications. */
export function NotificationBell({ items, unread }: { items: BellItem[]; unread: number }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const act = (run: () => Promise<{ ok: boolean; error?: string }>, after?: () => void) =>
    startTransition(async () => {
      const result = await run();
      if (!result.ok) {
        toast.error(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unexpected"));
        return;
      }
      after?.();
      router.refresh();
    });
  const label = unread > 0 ? t("shell.notificationsUnread", { count: unread }) : t("shell.notifications");

  return (
    <>
      <LiveRefresh types={["notification.created"]} />
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={label} className="relative" data-testid="notification-bell">
            <Bell className="size-5" />
            {unread > 0 && (
              <span
                aria-hidden
                data-testid="notification-count"
                className="absolute -right-0.5 -top-0.5 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold leading-4 text-white"
              >
                {unread > 99 ? "99+" : unread}
              </span>
            )}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-80">
          <div className="flex items-center justify-between gap-2 pr-1">
            <DropdownMenuLabel>{t("shell.notifications")}</DropdownMenuLabel>
            {unread > 0 && (
              <Button variant="link" size="sm" disabled={pending} onClick={() => act(() => readAllNotifications({}))}>
                {t("shell.markAllRead")}
              </Button>
            )}
          </div>
          <DropdownMenuSeparator />
          {items.length === 0 ? (
            <p className="px-2 py-3 text-sm text-muted-foreground">{t("shell.noNotifications")}</p>
          ) : (
            <ul className="max-h-96 overflow-y-auto" aria-label={t("shell.notifications")}>
              {items.map((n) => {
                const Icon = FAILURES.includes(n.kind) ? AlertTriangle : CalendarClock;
                return (
                  <li key={n.id} className={cn("flex gap-2 rounded px-2 py-2 text-sm", !n.read && "bg-accent/50")} data-testid="notification">
                    <Icon className={cn("mt-0.5 size-4 shrink-0", FAILURES.includes(n.kind) ? "text-destructive" : "text-primary")} aria-hidden />
                    <div className="min-w-0 flex-1">
                      <p className={cn("truncate", !n.read && "font-semibold")}>{n.title}</p>
                      {n.body && <p className="whitespace-pre-line text-muted-foreground">{n.body}</p>}
                      <p className="text-xs text-muted-foreground">{n.time}</p>
                      <div className="mt-1 flex gap-2">
                        {n.href && (
                          <Button
                            variant="outline"
                            size="sm"
                            disabled={pending}
                            onClick={() => act(() => (n.read ? Promise.resolve({ ok: true }) : readNotification({ id: n.id })), () => router.push(n.href!))}
                          >
                            {t("shell.goToConversation")}
                          </Button>
                        )}
                        {!n.read && (
                          <Button variant="ghost" size="sm" disabled={pending} onClick={() => act(() => readNotification({ id: n.id }))}>
                            {t("shell.markRead")}
                          </Button>
                        )}
                      </div>
                    </div>
                    <Button
                      variant="ghost"
                      size="icon"
                      className="size-6"
                      disabled={pending}
                      aria-label={t("shell.removeNotification", { title: n.title })}
                      onClick={() => act(() => deleteNotification({ id: n.id }))}
                    >
                      <X className="size-3" />
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
