import { Phone } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { SendInvitationButton, type InvitationBlock } from "./send-invitation-button";
import type { CallAdvice } from "@/lib/agendas/call-advice";
import { WorklistIcon } from "./worklist-icons";

/** "Ligar" with its reason only when a call is warranted; otherwise the agent must not call. */
export function CallBadge({ advice, compact }: { advice: CallAdvice; compact?: boolean }) {
  const t = useTranslations("worklist");
  if (advice.kind === "done") return <span className="text-muted-foreground">{t("done")}</span>;
  if (advice.kind === "whatsapp") return <span className="text-sm text-muted-foreground">{t("onWhatsapp")}</span>;
  if (advice.kind === "queued") return <span className="text-sm text-muted-foreground">{t("awaitingDispatch")}</span>;
  if (compact) {
    // The worklist's row (styles in globals.css, icon from the page's sprite); the reason goes under the
    // badge, so the column stays narrow enough for a 1366 px screen.
    return (
      <span className="wl-advice">
        <span className="wl-call">
          <WorklistIcon name="phone" />
          {t("call")}
        </span>
        <span className="text-sm">
          {t(`callReasons.${advice.reason}`)}
          {advice.detail && <span className="wl-sub">{advice.detail}</span>}
        </span>
      </span>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <Badge variant="warning" className="gap-1">
        <Phone className="size-3" aria-hidden />
        {t("call")}
      </Badge>
      <span className="text-sm">
        {t(`callReasons.${advice.reason}`)}
        {advice.detail && <span className="block text-xs text-muted-foreground">{advice.detail}</span>}
      </span>
    </span>
  );
}

/** Why a hand-sent invitation would be refused, from the customer's flag or the last send's reason. */
export function invitationBlock(optOut: boolean, advice: CallAdvice): InvitationBlock | undefined {
  if (optOut || (advice.kind === "call" && advice.reason === "optout")) return "optout";
  if (advice.kind === "call" && advice.reason === "celular_invalido") return "celular_invalido";
  return undefined;
}

/** The worklist's "Canal de contato" cell: the advice, and the hand-sent invitation when a call is due. */
export function ChannelCell({ agendaId, advice, optOut }: { agendaId: string; advice: CallAdvice; optOut: boolean }) {
  return (
    <span className="flex items-center justify-between gap-2">
      <CallBadge advice={advice} compact />
      {advice.kind === "call" && <SendInvitationButton agendaId={agendaId} compact blocked={invitationBlock(optOut, advice)} />}
    </span>
  );
}
