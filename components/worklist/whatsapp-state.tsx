import { AlertTriangle, Check, CheckCheck, MessageSquareOff, MessageSquareReply, type LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/dates";
import { cn } from "@/lib/cn";

const ICONS: Record<string, { icon: LucideIcon; className: string }> = {
  nao_enviado: { icon: MessageSquareOff, className: "text-muted-foreground" },
  enviado: { icon: Check, className: "text-muted-foreground" },
  entregue: { icon: CheckCheck, className: "text-muted-foreground" },
  lido: { icon: CheckCheck, className: "text-sky-600 dark:text-sky-400" },
  respondido: { icon: MessageSquareReply, className: "text-emerald-700 dark:text-emerald-400" },
  falhou: { icon: AlertTriangle, className: "text-destructive" },
};

// Synchronous (useTranslations, not getTranslations): an async component per row would suspend and stream each
// cell on its own, with a hidden copy and a script per cell.
export function WhatsappState({ state, at, timeZone }: { state: string; at: Date | null; timeZone: string }) {
  const t = useTranslations("worklist");
  const { icon: Icon, className } = ICONS[state] ?? ICONS.nao_enviado;
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
