import { AlertTriangle, Check, CheckCheck, MessageSquareOff, MessageSquareReply, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/dates";
import { cn } from "@/lib/cn";
import { WorklistIcon, type WorklistIconName } from "./worklist-icons";

const ICONS: Record<string, { icon: LucideIcon; sprite: WorklistIconName; className: string }> = {
  nao_enviado: { icon: MessageSquareOff, sprite: "message-off", className: "text-muted-foreground" },
  enviado: { icon: Check, sprite: "check", className: "text-muted-foreground" },
  entregue: { icon: CheckCheck, sprite: "check-check", className: "text-muted-foreground" },
  lido: { icon: CheckCheck, sprite: "check-check", className: "text-sky-600 dark:text-sky-400" },
  respondido: { icon: MessageSquareReply, sprite: "message-reply", className: "text-emerald-700 dark:text-emerald-400" },
  falhou: { icon: AlertTriangle, sprite: "alert", className: "text-destructive" },
};

// Synchronous (useTranslations, not getTranslations): an async component per row would suspend and stream each
// cell on its own, with a hidden copy and a script per cell.
// `inRow`: the worklist's row, whose page draws the icons once (WorklistIconSprite) and styles the cell.
export function WhatsappState({ state, at, timeZone, inRow }: { state: string; at: Date | null; timeZone: string; inRow?: boolean }) {
  const t = useTranslations("worklist");
  const { icon: Icon, sprite, className } = ICONS[state] ?? ICONS.nao_enviado;
  if (inRow) {
    return (
      <span className="wl-state">
        <WorklistIcon name={sprite} className={className} />
        <span>
          {t(`whatsappStates.${state}`)}
          {at && <span className="wl-sub tabular-nums">{formatDateTime(at, timeZone)}</span>}
        </span>
      </span>
    );
  }
  return (
    <span className="inline-flex items-start gap-1.5 whitespace-nowrap">
      <Icon className={cn("mt-0.5 size-4", className)} aria-hidden />
      <span>
        {t(`whatsappStates.${state}`)}
        {at && <span className="block text-xs text-muted-foreground tabular-nums">{formatDateTime(at, timeZone)}</span>}
      </span>
    </span>
  );
}
