import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { listCampaigns, listPrograms } from "@/lib/agendas/programs";
import { requireUser } from "@/lib/auth/session";
import { formatDay } from "@/lib/dates";

export default async function ProgramsPage() {
  const user = await requireUser("programs.manage");
  const db = getDb();
  const [t, format, programs, campaigns] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listPrograms(db, user.companyId),
    listCampaigns(db, user.companyId),
  ]);
  const companyName = user.companies.find((c) => c.id === user.companyId)?.name ?? "";
  const yesNo = (value: boolean, yes: string, no: string) => (
    <Badge variant={value ? "success" : "secondary"}>{value ? yes : no}</Badge>
  );
  return (
    <>
      <PageHeader
        title={t("admin.programs")}
        description={t("programs.subtitle", { company: companyName })}
        action={campaigns.length ? { href: "/admin/programs/new", label: t("programs.new") } : undefined}
      />
      {campaigns.length === 0 && <p className="mb-4 text-sm text-muted-foreground">{t("programs.needCampaign")}</p>}
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("programs.name")}</TableHead>
            <TableHead>{t("programs.campaign")}</TableHead>
            <TableHead>{t("programs.cycle")}</TableHead>
            <TableHead className="text-right whitespace-normal">{t("programs.contactDaysBeforeShort")}</TableHead>
            <TableHead className="text-right whitespace-normal">{t("programs.noReplyDaysShort")}</TableHead>
            <TableHead>{t("users.status")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {programs.length === 0 && (
            <TableRow>
              <TableCell colSpan={6} className="text-center text-muted-foreground">{t("programs.empty")}</TableCell>
            </TableRow>
          )}
          {programs.map((p) => (
            <TableRow key={p.id}>
              <TableCell className="whitespace-normal">
                <Link href={`/admin/programs/${p.id}`} className="font-medium underline-offset-4 hover:underline">{p.name}</Link>
              </TableCell>
              <TableCell className="whitespace-normal">{p.campaignName}</TableCell>
              <TableCell>
                {p.cycleKm === null
                  ? t("programs.cycleMonthsOnly", { months: p.cycleMonths })
                  : t("programs.cycleMonthsKm", { months: p.cycleMonths, km: format.number(p.cycleKm) })}
              </TableCell>
              <TableCell className="text-right tabular-nums">{p.contactDaysBefore}</TableCell>
              <TableCell className="text-right tabular-nums">{p.noReplyDays}</TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-1">
                  {yesNo(p.active, t("common.active"), t("common.inactive"))}
                  <Badge variant="outline">{p.autoSend ? t("programs.autoSendOn") : t("programs.autoSendOff")}</Badge>
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <div className="mt-10 mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold tracking-tight">{t("programs.campaigns")}</h2>
          <p className="text-sm text-muted-foreground">{t("programs.campaignsText")}</p>
        </div>
        <Button asChild variant="outline">
          <Link href="/admin/programs/campaigns/new">{t("programs.newCampaign")}</Link>
        </Button>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("programs.campaign")}</TableHead>
            <TableHead>{t("programs.period")}</TableHead>
            <TableHead className="text-right">{t("programs.programCount")}</TableHead>
            <TableHead>{t("users.status")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {campaigns.length === 0 && (
            <TableRow>
              <TableCell colSpan={4} className="text-center text-muted-foreground">{t("programs.noCampaigns")}</TableCell>
            </TableRow>
          )}
          {campaigns.map((c) => (
            <TableRow key={c.id}>
              <TableCell>
                <Link href={`/admin/programs/campaigns/${c.id}`} className="font-medium underline-offset-4 hover:underline">{c.name}</Link>
              </TableCell>
              <TableCell className="tabular-nums">
                {c.startsOn || c.endsOn
                  ? t("programs.periodRange", { from: c.startsOn ? formatDay(c.startsOn) : "…", to: c.endsOn ? formatDay(c.endsOn) : "…" })
                  : t("programs.noPeriod")}
              </TableCell>
              <TableCell className="text-right tabular-nums">{c.programCount}</TableCell>
              <TableCell>{yesNo(c.active, t("common.active"), t("common.inactive"))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
