"use client";

import { Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { sendInvitation } from "@/app/(app)/atendimento/actions";
import { Button } from "@/components/ui/button";

/** Sends the chatbot invitation by hand (manual agendas and re-sends). */
export function SendInvitationButton({ agendaId, compact }: { agendaId: string; compact?: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant="outline"
      size={compact ? "icon" : "sm"}
      disabled={pending}
      aria-label={t("worklist.sendInvitation")}
      title={t("worklist.sendInvitation")}
      onClick={() =>
        startTransition(async () => {
          const result = await sendInvitation({ agendaId, requestId: crypto.randomUUID() });
          if (!result.ok) {
            toast.error(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unexpected"));
            return;
          }
          if (result.data.sent) toast.success(t("worklist.invitationSent"));
          else toast.error(t("worklist.invitationFailed"));
          router.refresh();
        })
      }
    >
      <Send className="size-4" aria-hidden />
      {!compact && t("worklist.sendInvitation")}
    </Button>
  );
}
