"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { acceptOffer, declineOffer } from "@/app/(app)/conversas/desk-actions";
import { Button } from "@/components/ui/button";
import { formatPhone } from "@/lib/customers/phone";
import { Elapsed } from "./elapsed";

export type OfferView = {
  id: string;
  ticketId: string;
  kind: "route" | "transfer";
  reason: string | null;
  queueName: string | null;
  subject: string | null;
  customerPhone: string;
  openedAt: string;
  fromName: string | null;
};

/** An offer: Entrada, Fila, Assunto, Tempo de espera (ticking) and Aceitar / Recusar. */
export function OfferCard({ offer }: { offer: OfferView }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const answer = (accept: boolean) =>
    startTransition(async () => {
      const result = accept ? await acceptOffer({ offerId: offer.id }) : await declineOffer({ offerId: offer.id });
      if (!result.ok) {
        toast.error(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unexpected"));
        router.refresh();
        return;
      }
      if (accept) router.push(`/conversas?t=${offer.ticketId}`);
      else router.refresh();
    });
  return (
    <article className="space-y-2 rounded-md border-2 border-primary bg-primary/5 p-3 text-sm" data-testid="offer-card" aria-label={t("desk.offerTitle")}>
      <h3 className="font-semibold">{offer.kind === "transfer" ? t("desk.transferTitle", { name: offer.fromName ?? "" }) : t("desk.offerTitle")}</h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
        <dt className="text-muted-foreground">{t("desk.entry")}</dt>
        <dd data-testid="offer-entry">WhatsApp · {formatPhone(offer.customerPhone)}</dd>
        <dt className="text-muted-foreground">{t("desk.queue")}</dt>
        <dd data-testid="offer-queue">{offer.queueName ?? "—"}</dd>
        <dt className="text-muted-foreground">{t("desk.subject")}</dt>
        <dd data-testid="offer-subject">{offer.subject ?? "—"}</dd>
        <dt className="text-muted-foreground">{t("desk.wait")}</dt>
        <dd>
          <Elapsed from={offer.openedAt} testId="offer-wait" />
        </dd>
        {offer.reason && (
          <>
            <dt className="text-muted-foreground">{t("desk.reason")}</dt>
            <dd>{offer.reason}</dd>
          </>
        )}
      </dl>
      <div className="flex gap-2">
        <Button size="sm" disabled={pending} onClick={() => answer(true)}>
          {t("desk.accept")}
        </Button>
        <Button size="sm" variant="outline" disabled={pending} onClick={() => answer(false)}>
          {t("desk.decline")}
        </Button>
      </div>
    </article>
  );
}
