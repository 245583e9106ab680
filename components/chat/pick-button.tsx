"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { pickTicket } from "@/app/(app)/conversas/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/use-action-runner";

export function PickButton({ ticketId }: { ticketId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, run } = useActionRunner();
  return (
    <Button
      size="sm"
      disabled={pending}
      onClick={() =>
        void run(() => pickTicket({ ticketId }), {
          success: t("chat.picked"),
          onFailure: () => router.refresh(),
          onSuccess: () => router.push(`/conversas?t=${ticketId}`),
        })
      }
    >
      {t("chat.pick")}
    </Button>
  );
}
