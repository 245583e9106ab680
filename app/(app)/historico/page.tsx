import { MoreVertical } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@/components/admin/page-header";
import { HistoryNewConversation } from "@/components/chat/history-new-conversation";
import { MessageList } from "@/components/chat/message-list";
import { ScriptReportTable } from "@/components/phone/script-report-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { calendarDay } from "@/lib/appointments/schema";
import { requireSection } from "@/lib/auth/session";
import { formatPhone } from "@/lib/customers/phone";
import { DEFAULT_TIME_ZONE, formatDateTime, zonedInstant, addDaysToDate } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { companyMembers } from "@/lib/org/members";
import { ticketScriptReport } from "@/lib/phone/finish-attendance";
import { closedTickets, newConversationOptions, ticketDetail } from "@/lib/tickets/desk-queries";

// Real calendar days only, as the forms (2026-02-31 would silently mean March 3rd).
const filtersSchema = z.object({
  de: calendarDay.optional().catch(undefined),
  ate: calendarDay.optional().catch(undefined),
  agente: z.string().uuid().optional().catch(undefined),
  motivo: z.string().uuid().optional().catch(undefined),
  numero: z.string().max(20).optional().catch(undefined),
  ver: z.string().optional().catch(undefined),
});

export async function generateMetadata() {
  const t = await getTranslations("history");
  return { title: t("title") };
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requireSection("historico");
  const f = filtersSchema.parse(await searchParams);
  const db = getDb();
  const [rows, options, agents, t] = await Promise.all([
    closedTickets(db, user.companyIds, {
      from: f.de ? zonedInstant(f.de, "00:00", DEFAULT_TIME_ZONE) : undefined,
      to: f.ate ? zonedInstant(addDaysToDate(f.ate, 1), "00:00", DEFAULT_TIME_ZONE) : undefined,
      agentId: f.agente,
      reasonId: f.motivo,
      phone: f.numero,
    }),
    newConversationOptions(db, user.companyIds),
    companyMembers(db, user.companyIds),
    getTranslations(),
  ]);
  const viewing = f.ver && isUuid(f.ver) ? await ticketDetail(db, user, f.ver) : null;
  const scriptReport = viewing ? await ticketScriptReport(db, user.companyIds, viewing.ticket.id) : null;
  const agentOptions = [...new Map(agents.map((a) => [a.id, a])).values()];
  const keep = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(f).filter(([k, v]) => v && k !== "ver")), ...extra })}`;

  return (
    <div className="mx-auto max-w-7xl space-y-4">
      <PageHeader title={t("history.title")} description={t("history.subtitle")} />
      <form className="grid gap-3 rounded-lg border bg-card p-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("history.filter")}>
        <div className="space-y-1">
          <Label htmlFor="h-de">{t("history.from")}</Label>
          <Input id="h-de" name="de" type="date" defaultValue={f.de} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="h-ate">{t("history.to")}</Label>
          <Input id="h-ate" name="ate" type="date" defaultValue={f.ate} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="h-agente">{t("history.agent")}</Label>
          <NativeSelect id="h-agente" name="agente" defaultValue={f.agente ?? ""}>
            <option value="">{t("history.all")}</option>
            {agentOptions.map((a) => (
              <option key={a.id} value={a.id}>{a.name}</option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1">
          <Label htmlFor="h-motivo">{t("history.reason")}</Label>
          <NativeSelect id="h-motivo" name="motivo" defaultValue={f.motivo ?? ""}>
            <option value="">{t("history.all")}</option>
            {options.reasons.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </NativeSelect>
        </div>
        <div className="space-y-1">
          <Label htmlFor="h-numero">{t("history.phone")}</Label>
          <Input id="h-numero" name="numero" inputMode="numeric" defaultValue={f.numero} />
        </div>
        <Button type="submit" variant="secondary" className="self-end">{t("history.filter")}</Button>
      </form>

      <Table data-testid="history">
        <TableHeader>
          <TableRow>
            <TableHead>{t("history.protocol")}</TableHead>
            <TableHead>{t("history.customer")}</TableHead>
            <TableHead>{t("history.phone")}</TableHead>
            <TableHead>{t("history.agent")}</TableHead>
            <TableHead>{t("history.reason")}</TableHead>
            <TableHead>{t("history.closedAt")}</TableHead>
            <TableHead>{t("history.resolved")}</TableHead>
            <TableHead><span className="sr-only">{t("history.actions")}</span></TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={8} className="py-8 text-center text-muted-foreground">{t("history.empty")}</TableCell>
            </TableRow>
          )}
          {rows.map((r) => (
            <TableRow key={r.id} data-testid="history-row">
              <TableCell className="font-mono text-xs">
                <Link href={keep({ ver: r.id })} className="hover:underline">{r.protocol}</Link>
              </TableCell>
              <TableCell>{r.customerName ?? r.contactName ?? "—"}</TableCell>
              <TableCell className="tabular-nums">{formatPhone(r.customerPhone)}</TableCell>
              <TableCell>{r.agentName}</TableCell>
              <TableCell>{r.reasonName ?? "—"}</TableCell>
              <TableCell className="tabular-nums">{r.closedAt ? formatDateTime(r.closedAt, DEFAULT_TIME_ZONE) : ""}</TableCell>
              <TableCell>
                {r.resolved === null ? "—" : <Badge variant={r.resolved ? "success" : "secondary"}>{r.resolved ? t("chat.resolvedYes") : t("chat.resolvedNo")}</Badge>}
              </TableCell>
              <TableCell className="text-right">
                <HistoryNewConversation
                  options={options}
                  senderNumberId={r.senderNumberId}
                  customerPhone={r.customerPhone}
                  viewHref={keep({ ver: r.id })}
                  label={<MoreVertical className="size-4" aria-hidden />}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      {viewing && (
        <Card>
          <CardHeader>
            <CardTitle>{t("history.conversation", { protocol: viewing.ticket.protocol })}</CardTitle>
            {viewing.ticket.description && <p className="text-sm text-muted-foreground">{viewing.ticket.description}</p>}
          </CardHeader>
          <CardContent className="space-y-4">
            {scriptReport && (
              <section aria-label={t("phone.scriptReportTitle")} className="space-y-2">
                <h3 className="text-sm font-medium">{t("phone.scriptReportTitle")}</h3>
                <ScriptReportTable report={scriptReport} />
              </section>
            )}
            <MessageList
              messages={viewing.messages}
              timeZone={DEFAULT_TIME_ZONE}
              customerLabel={viewing.ticket.customerName ?? viewing.ticket.contactName ?? formatPhone(viewing.ticket.customerPhone)}
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
