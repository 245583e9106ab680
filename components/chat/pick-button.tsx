"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { pickTicket } from "@/app/(app)/conversas/actions";
import { Button } from "@/components/ui/button";
import { useActionToast } from "@/components/forms/use-action-toast";

export function PickButton({ ticketId }: { ticketId: string }) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await pickTicket({ ticketId });
          if (!result.ok) {
            toastError(result.error);
            router.refresh();
            return;
          }
          toast.success(t("chat.picked"));
          router.push(`/conversas?t=${ticketId}`);
        })
      }
    >
      {t("chat.pick")}
    </Button>
  );
}
