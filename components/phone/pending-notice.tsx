"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

export type PendingTicket = { id: string; protocol: string; status: string; openedAt: string; subject: string | null };

/** Dados do Atendimento: "Existem X atendimentos pendentes…" with Ok, and the list to check them. */
export function PendingNotice({ tickets }: { tickets: PendingTicket[] }) {
  const t = useTranslations("phone");
  const [open, setOpen] = useState(tickets.length > 0);
  const [listed, setListed] = useState(false);
  if (!tickets.length) return null;
  const message = t("pendingNotice", { count: tickets.length });
  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent closeLabel={t("ok")}>
          <DialogHeader>
            <DialogTitle>{t("pendingTitle")}</DialogTitle>
            <DialogDescription>{message}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button onClick={() => setOpen(false)}>{t("ok")}</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
      <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" role="status">
        <p>{message}</p>
        <Button type="button" variant="link" className="h-auto p-0" aria-expanded={listed} onClick={() => setListed((v) => !v)}>
          {listed ? t("hidePending") : t("showPending")}
        </Button>
        {listed && (
          <ul className="mt-2 space-y-1" data-testid="pending-tickets">
            {tickets.map((p) => (
              <li key={p.id} className="tabular-nums">
                {p.protocol} · {t(`ticketStatus.${p.status}`)} · {p.openedAt}
                {p.subject && <> · {p.subject}</>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
