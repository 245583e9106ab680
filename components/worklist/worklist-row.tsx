import Link from "next/link";
import { useTranslations } from "next-intl";
import { ChannelCell } from "@/components/worklist/call-badge";
import { WhatsappState } from "@/components/worklist/whatsapp-state";
import { callAdvice } from "@/lib/agendas/call-advice";
import type { getWorklist } from "@/lib/agendas/worklist";
import { formatDay, formatDayTimeShort } from "@/lib/dates";

type Row = Awaited<ReturnType<typeof getWorklist>>["rows"][number];

/**
 * One worklist row, in the `worklist-rows` styles of globals.css rather than utilities on every cell: a page
 * has 50 rows of 8 cells, and the page's HTML and its RSC payload both carry each class, so per-cell
 * utilities cost about 2 KB a row. Long names and campaigns are cut with the whole text on hover, so the row
 * fits a 1366 px screen.
 */
export function WorklistRow({ row, now, timeZone }: { row: Row; now: Date; timeZone: string }) {
  const t = useTranslations("worklist");
  return (
    <tr data-testid="worklist-row">
      <td>
        <Link href={`/atendimento/${row.id}`} title={row.customerName} className="wl-name">
          {row.customerName}
        </Link>
      </td>
      <td className="tabular-nums">{formatDay(row.contactDate)}</td>
      <td>
        {row.campaignName ? (
          <span title={row.campaignName} className="wl-campaign">{row.campaignName}</span>
        ) : (
          <span className="wl-muted">{t("noCampaign")}</span>
        )}
      </td>
      <td>
        {row.agentName ? (
          <span title={row.agentName} className="wl-agent">{row.agentName}</span>
        ) : (
          <span className="wl-muted">{t("noAgent")}</span>
        )}
      </td>
      <td>
        {t(`origins.${row.origin}`)}
        {row.direction === "passivo" && <span className="wl-sub">{t("direction.passivo")}</span>}
      </td>
      <td className="wl-wrap">
        {t(`statuses.${row.status}`)}
        {row.status === "pediu_ligar" && row.callbackAt && (
          <span className="wl-sub" data-testid="callback-at">
            {t("callbackAt")} <span className="whitespace-nowrap tabular-nums">{formatDayTimeShort(row.callbackAt, timeZone)}</span>
          </span>
        )}
      </td>
      <td>
        <WhatsappState state={row.whatsappState} at={row.whatsappAt} timeZone={timeZone} inRow />
      </td>
      <td className="wl-channel">
        <ChannelCell agendaId={row.id} advice={callAdvice(row, { noReplyDays: row.noReplyDays ?? 3, now })} optOut={row.customerOptOut} />
      </td>
    </tr>
  );
}
