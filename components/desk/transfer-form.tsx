"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { transferTicket } from "@/app/(app)/conversas/desk-actions";
import { Button } from "@/components/ui/button";

type Props = {
  ticketId: string;
  agents: { id: string; name: string; state: "pronto" | "nao_pronto" | "offline"; available: boolean }[];
  queues: { id: string; name: string }[];
};

/** Transferir: to a Pronto colleague with free capacity (the others are listed, disabled) or to a queue. */
export function TransferForm({ ticketId, agents, queues }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [target, setTarget] = useState("");
  const [reason, setReason] = useState("");
  const submit = () =>
    startTransition(async () => {
      const [kind, id] = target.split(":");
      const result = await transferTicket({ ticketId, toAgentId: kind === "agent" ? id : "", queueId: kind === "queue" ? id : "", reason });
      if (!result.ok) {
        toast.error(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unexpected"));
        router.refresh();
        return;
      }
      toast.success(result.data.to === "agent" ? t("desk.transferOffered") : t("desk.transferredToQueue"));
      if (result.data.to === "queue") router.push("/conversas");
      else router.refresh();
    });
  return (
    <section aria-labelledby="transfer-title" className="space-y-2" data-testid="transfer">
      <h2 id="transfer-title" className="font-semibold">
        {t("desk.transfer")}
      </h2>
      <label className="block text-xs text-muted-foreground" htmlFor="transfer-target">
        {t("desk.transferTo")}
      </label>
      <select id="transfer-target" className="h-8 w-full rounded-md border bg-background px-2 text-sm" value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">—</option>
        <optgroup label={t("desk.agents")}>
          {agents.map((a) => (
            <option key={a.id} value={`agent:${a.id}`} disabled={!a.available}>
              {a.name} ({a.available ? t("desk.state.pronto") : a.state === "pronto" ? t("desk.full") : t(`desk.state.${a.state}`)})
            </option>
          ))}
        </optgroup>
        <optgroup label={t("desk.queues")}>
          {queues.map((q) => (
            <option key={q.id} value={`queue:${q.id}`}>
              {q.name}
            </option>
          ))}
        </optgroup>
      </select>
      <label className="block text-xs text-muted-foreground" htmlFor="transfer-reason">
        {t("desk.transferReason")}
      </label>
      <input id="transfer-reason" className="h-8 w-full rounded-md border bg-background px-2 text-sm" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      <Button size="sm" variant="outline" disabled={pending || !target} onClick={submit}>
        {t("desk.transferButton")}
      </Button>
    </section>
  );
}
