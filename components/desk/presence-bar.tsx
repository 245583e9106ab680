"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setMyPresence } from "@/app/(app)/conversas/desk-actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { Elapsed } from "./elapsed";

type Props = {
  presence: { state: "pronto" | "nao_pronto" | "offline"; reasonName: string | null; since: string | null; pauseAfterFinish: boolean; cause: string | null };
  reasons: { id: string; name: string }[];
};

/** The agent's presence: Pronto / Não pronto (with a pause reason) / Offline, the time in it, and Pausar após concluir. */
export function PresenceBar({ presence, reasons }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [reasonId, setReasonId] = useState(reasons[0]?.id ?? "");
  const [after, setAfter] = useState(false);
  const run = (input: Parameters<typeof setMyPresence>[0]) =>
    startTransition(async () => {
      const result = await setMyPresence(input);
      if (!result.ok) toast.error(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unexpected"));
      router.refresh();
    });
  const dot = { pronto: "bg-green-600", nao_pronto: "bg-amber-500", offline: "bg-gray-400" }[presence.state];
  return (
    <section aria-label={t("desk.presence")} className="space-y-2 rounded-md border p-2 text-sm" data-testid="presence-bar">
      <p className="flex items-center gap-2">
        <span className={cn("size-2.5 rounded-full", dot)} aria-hidden />
        <span className="font-medium" data-testid="presence-state">
          {t(`desk.state.${presence.state}`)}
          {presence.reasonName && ` — ${presence.reasonName}`}
        </span>
        {presence.since && (
          <span className="ml-auto text-xs text-muted-foreground">
            <Elapsed from={presence.since} testId="presence-elapsed" />
          </span>
        )}
      </p>
      {presence.state === "nao_pronto" && presence.cause === "three_expired" && (
        <Alert variant="warning" data-testid="presence-cause">
          <AlertDescription>{t("desk.threeExpired")}</AlertDescription>
        </Alert>
      )}
      {presence.pauseAfterFinish && <p className="text-xs text-muted-foreground">{t("desk.pausingAfterFinish")}</p>}
      {presence.state !== "pronto" && (
        <Button size="sm" className="w-full" disabled={pending} onClick={() => run({ state: "pronto" })}>
          {t("desk.goReady")}
        </Button>
      )}
      {presence.state !== "offline" && reasons.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor="pause-reason">
            {t("desk.pauseReason")}
          </label>
          <select
            id="pause-reason"
            className="h-8 min-w-0 flex-1 rounded-md border bg-background px-2 text-sm"
            value={reasonId}
            onChange={(e) => setReasonId(e.target.value)}
          >
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          <Button size="sm" variant="outline" disabled={pending || !reasonId} onClick={() => run({ state: "nao_pronto", pauseReasonId: reasonId, after })}>
            {t("desk.pause")}
          </Button>
          {presence.state === "pronto" && (
            <label className="flex w-full items-center gap-2 text-xs">
              <input type="checkbox" checked={after} onChange={(e) => setAfter(e.target.checked)} />
              {t("desk.pauseAfterFinish")}
            </label>
          )}
        </div>
      )}
    </section>
  );
}
