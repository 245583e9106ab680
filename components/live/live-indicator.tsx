"use client";

import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { cn } from "@/lib/cn";
import { liveConnection } from "./live-connection";

/** "ao vivo" while the live connection is up, "reconectando…" while it is down (every app page shows it). */
export function LiveIndicator() {
  const t = useTranslations("live");
  const status = useSyncExternalStore(
    (onChange) => liveConnection().onStatus(onChange),
    () => liveConnection().status,
    () => "connecting" as const,
  );
  return (
    <span role="status" data-testid="live-indicator" data-status={status} className="flex items-center gap-1.5 px-2 text-xs text-muted-foreground">
      <span aria-hidden className={cn("size-2 rounded-full", status === "live" ? "bg-emerald-500" : "animate-pulse bg-amber-500")} />
      {t(status)}
    </span>
  );
}
