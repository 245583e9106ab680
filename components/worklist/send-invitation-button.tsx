"use client";

import { Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { sendInvitation } from "@/app/(app)/atendimento/actions";
import { Button } from "@/components/ui/button";
import { WorklistIcon } from "./worklist-icons";
import { useActionToast } from "@/components/forms/use-action-toast";

/** Why an invitation cannot go out at all: the send would only be refused. */
export type InvitationBlock = "optout" | "celular_invalido";

/**
 * Sends the chatbot invitation by hand (manual agendas and re-sends). When it cannot go out (the customer
 * opted out of WhatsApp, the mobile is invalid) the button stays, disabled, with the reason beside it
 * (or in its tooltip in the worklist's narrow column), rather than offering a click the server refuses.
 */
export function SendInvitationButton({ agendaId, compact, blocked }: { agendaId: string; compact?: boolean; blocked?: InvitationBlock }) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (blocked) {
    const why = t(`worklist.invitationBlocked.${blocked}`);
    const reasonId = `invite-blocked-${agendaId}`;
    return (
      // A disabled button gets no hover: the tooltip sits on its wrapper.
      <span title={why} className="inline-flex items-center gap-2" data-testid="invitation-blocked">
        {compact ? (
          <button type="button" className="wl-invite" disabled aria-describedby={reasonId} aria-label={t("worklist.sendInvitation")}>
            <WorklistIcon name="send" />
          </button>
        ) : (
          <Button type="button" variant="outline" size="sm" disabled aria-describedby={reasonId} aria-label={t("worklist.sendInvitation")}>
            <Send className="size-4" aria-hidden />
            {t("worklist.sendInvitation")}
          </Button>
        )}
        <span id={reasonId} className={compact ? "sr-only" : "text-xs text-muted-foreground"}>
          {why}
        </span>
      </span>
    );
  }
  const send = () =>
    startTransition(async () => {
      const result = await sendInvitation({ agendaId, requestId: crypto.randomUUID() });
      if (!result.ok) {
        toastError(result.error);
        return;
      }
      if (result.data.sent) toast.success(t("worklist.invitationSent"));
      else toast.error(t("worklist.invitationFailed"));
      router.refresh();
    });
  if (compact) {
    // The worklist's row: a short class (globals.css) and the page's sprite instead of the Button's utilities
    // and an inline SVG on each of 50 rows.
    return (
      <button type="button" className="wl-invite" disabled={pending} aria-label={t("worklist.sendInvitation")} title={t("worklist.sendInvitation")} onClick={send}>
        <WorklistIcon name="send" />
      </button>
    );
  }
  return (
    <Button type="button" variant="outline" size="sm" disabled={pending} aria-label={t("worklist.sendInvitation")} title={t("worklist.sendInvitation")} onClick={send}>
      <Send className="size-4" aria-hidden />
      {t("worklist.sendInvitation")}
    </Button>
  );
}
