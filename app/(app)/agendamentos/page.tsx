import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { LiveRefresh } from "@/components/live/live-refresh";
import { CancelScheduledButton } from "@/components/scheduling/cancel-scheduled-button";
import { ScheduledActionDialog } from "@/components/scheduling/scheduled-action-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { SCHEDULED_ACTION_STATUSES } from "@/db/schema/scheduled-actions";
import { requireSection } from "@/lib/auth/session";
import { formatPhone } from "@/lib/customers/phone";
import { addDaysToDate, DEFAULT_TIME_ZONE, formatDateTime, zonedInstant } from "@/lib/dates";
import { companyTimeZones } from "@/lib/org/companies";
import { listScheduledActions, scheduledActionOptions } from "@/lib/scheduled-actions/queries";
import { scheduledActionFiltersSchema } from "@/lib/scheduled-actions/schema";

export async function generateMetadata() {
  const t = await getTranslations("scheduling");
  return { title: t("title") };
}

const STATUS_BADGE = { pendente: "secondary", concluido: "success", falhou: "destructive", cancelado: "outline" } as const;

export default async function SchedulingPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requireSection("agendamentos");
  const f = scheduledActionFiltersSchema.parse(await searchParams);
  const db = getDb();
  const companyId = user.companyId;
  const timeZone = (await companyTimeZones(db, [companyId])).get(companyId) ?? DEFAULT_TIME_ZONE;
  const [rows, options, t] = await Promise.all([
    listScheduledActions(db, companyId, {
      status: f.status,
      from: f.de ? zonedInstant(f.de, "00:00", timeZone) : undefined,
      to: f.ate ? zonedInstant(addDaysToDate(f.ate, 1), "00:00", timeZone) : undefined,
      agentId: f.atendente,
    }),
    scheduledActionOptions(db, companyId),
    getTranslations(),
  ]);
  const canCreate = user.can("scheduled_actions.create");
  const agents = [...new Map(options.members.map((m) => [m.id, m])).values()];
  const local = (at: Date) => formatDateTime(at, timeZone).replace(/^(\d{2})\/(\d{2})\/(\d{4}) /, "$3-$2-$1T");

  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <LiveRefresh types={["notification.created", "job_run.changed"]} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={t("scheduling.title")} description={t("scheduling.subtitle")} />
        {canCreate && <ScheduledActionDialog companyId={companyId} options={options} />}
      </div>
      <form className="grid gap-3 rounded-lg border bg-card p-3 sm:grid-cols-3 lg:grid-cols-5" aria-label={t("scheduling.filter")}>
        <div className="space-y-1">
          <Label htmlFor="s-status">{t("scheduling.status")}</Label>
          <NativeSelect id="s-status" name="status" defaultValue={f.status ?? ""}>
            <option value="">{t("scheduling.all")}</option>
            {SCHEDULED_ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`scheduling.statuses.${s}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1">
          <Label htmlFor="s-de">{t("scheduling.from")}</Label>
          <Input id="s-de" name="de" type="date" defaultValue={f.de} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="s-ate">{t("scheduling.to")}</Label>
          <Input id="s-ate" name="ate" type="date" defaultValue={f.ate} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="s-agent">{t("scheduling.agent")}</Label>
          <NativeSelect id="s-agent" name="atendente" defaultValue={f.atendente ?? ""}>
            <option value="">{t("scheduling.all")}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" variant="secondary" className="self-end">
          {t("scheduling.filter")}
        </Button>
      </form>

      <Table data-testid="scheduled-actions">
        <TableHeader>
          <TableRow>
            <TableHead>{t("scheduling.at")}</TableHead>
            <TableHead>{t("scheduling.contact")}</TableHead>
            <TableHead>{t("scheduling.kind")}</TableHead>
            <TableHead>{t("scheduling.agent")}</TableHead>
            <TableHead>{t("scheduling.status")}</TableHead>
            <TableHead>{t("scheduling.outcome")}</TableHead>
            <TableHead>
              <span className="sr-only">{t("scheduling.actions")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={7} className="py-8 text-center text-muted-foreground">
                {t("scheduling.empty")}
              </TableCell>
            </TableRow>
          )}
          {rows.map((r) => {
            const when = formatDateTime(r.scheduledAt, timeZone);
            return (
              <TableRow key={r.id} data-testid="scheduled-action">
                <TableCell className="tabular-nums">{when}</TableCell>
                <TableCell>
                  {r.customerName && <div>{r.customerName}</div>}
                  <div className="tabular-nums text-muted-foreground">{formatPhone(r.phone)}</div>
                </TableCell>
                <TableCell>{t(`scheduling.kinds.${r.kind}`)}</TableCell>
                <TableCell>
                  {r.agentName}
                  <div className="text-xs text-muted-foreground">{r.queueName}</div>
                </TableCell>
                <TableCell>
                  <Badge variant={STATUS_BADGE[r.status]}>{t(`scheduling.statuses.${r.status}`)}</Badge>
                </TableCell>
                <TableCell className="max-w-xs text-sm">
                  {r.failure && <div>{t(`scheduling.failures.${r.failure}`)}</div>}
                  {r.executedAt && <div className="text-muted-foreground">{t("scheduling.ranAt", { at: formatDateTime(r.executedAt, timeZone) })}</div>}
                  {r.lateMinutes ? <div className="text-muted-foreground">{t("scheduling.late", { minutes: r.lateMinutes })}</div> : null}
                  {r.ticketId && r.status === "concluido" && (
                    <Link className="text-primary hover:underline" href={`/conversas?t=${r.ticketId}`}>
                      {t("scheduling.openTicket")}
                    </Link>
                  )}
                  {r.comment && <div className="text-xs text-muted-foreground">{r.comment}</div>}
                </TableCell>
                <TableCell className="text-right">
                  {r.status === "pendente" && canCreate && (
                    <div className="flex justify-end gap-1">
                      <ScheduledActionDialog
                        companyId={companyId}
                        options={options}
                        initial={{ ...r, scheduledAt: local(r.scheduledAt), phone: r.contactId ? "" : r.phone }}
                      />
                      <CancelScheduledButton id={r.id} when={when} />
                    </div>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
