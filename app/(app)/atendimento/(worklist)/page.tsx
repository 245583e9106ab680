import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Pagination } from "@/components/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { WorklistFilters } from "@/components/worklist/filters";
import { Totalizers } from "@/components/worklist/totalizers";
import { WorklistIconSprite } from "@/components/worklist/worklist-icons";
import { WorklistRow } from "@/components/worklist/worklist-row";
import { getDb } from "@/db/index";
import { worklistFilterOptions } from "@/lib/agendas/filter-options";
import { resolveWorklistFilters } from "@/lib/agendas/resolve-filters";
import { parseWorklistParams, type WorklistParams } from "@/lib/agendas/schema";
import type { Totalizer } from "@/lib/agendas/totalizers";
import { getWorklist } from "@/lib/agendas/worklist";
import { requireSection } from "@/lib/auth/session";
import { DEFAULT_TIME_ZONE } from "@/lib/dates";
import { companyTimeZones } from "@/lib/org/companies";

export async function generateMetadata() {
  const t = await getTranslations("worklist");
  return { title: t("title") };
}

const SORTABLE = { customer: "cliente", contactDate: "data", status: "status", agent: "agente" } as const;

export default async function WorklistPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSection("atendimento");
  const { params, invalidDate, reversedRange } = parseWorklistParams(await searchParams);
  const db = getDb();
  const now = new Date();
  const zones = await companyTimeZones(db, user.companyIds);
  const canViewAllAgents = user.can("agendas.view_all_agents");
  const filters = resolveWorklistFilters(
    { id: user.id, companyId: user.companyId, companyIds: user.companyIds, canViewAllAgents },
    params,
    { now, timeZoneOf: (id) => zones.get(id) ?? DEFAULT_TIME_ZONE },
  );
  const timeZone = zones.get(filters.companyId) ?? DEFAULT_TIME_ZONE;
  const [worklist, options, t] = await Promise.all([
    getWorklist(db, filters),
    worklistFilterOptions(db, filters.companyId),
    getTranslations("worklist"),
  ]);

  // Links keep every filter in the URL and change only what they are about.
  const query = (changes: Partial<Record<keyof WorklistParams, string | undefined>>) => {
    const q = new URLSearchParams();
    const merged = { ...params, empresa: filters.companyId, ...changes } as Record<string, unknown>;
    for (const [key, value] of Object.entries(merged)) {
      if (value === undefined || value === "" || (key === "pagina" && value === 1)) continue;
      if (key === "ordem" && value === "data") continue;
      if (key === "dir" && value === "asc") continue;
      q.set(key, String(value));
    }
    return q;
  };
  const totalHref = (total: Totalizer | undefined) => `/atendimento?${query({ total, pagina: undefined })}`;
  const sortHref = (column: (typeof SORTABLE)[keyof typeof SORTABLE]) =>
    `/atendimento?${query({ ordem: column, dir: params.ordem === column && params.dir === "asc" ? "desc" : "asc", pagina: undefined })}`;
  const sortMark = (column: string) => (params.ordem === column ? (params.dir === "asc" ? " ↑" : " ↓") : "");
  const ariaSort = (column: string) =>
    params.ordem === column ? (params.dir === "asc" ? "ascending" : "descending") : undefined;

  return (
    <div className="space-y-4">
      <LiveRefresh types={["agenda.changed", "appointment.changed"]} />
      <PageHeader title={t("title")} description={t("subtitle")} />
      <WorklistFilters
        key={JSON.stringify(params)}
        params={params}
        companyId={filters.companyId}
        companies={user.companies}
        campaigns={options.campaigns}
        teams={options.teams}
        agents={options.agents}
        lockedAgent={canViewAllAgents ? undefined : { id: user.id, name: user.name }}
      />
      {invalidDate && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" role="status" data-testid="invalid-date">
          {t("invalidDate")}
        </p>
      )}
      {reversedRange && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" role="status" data-testid="reversed-range">
          {t("reversedNotice")}
        </p>
      )}
      <Totalizers totals={worklist.totals} selected={filters.totalizer} hrefFor={totalHref} />
      {filters.totalizer && (
        <p className="text-sm text-muted-foreground" role="status">
          {t("totalSelected", { name: t(`totals.${filters.totalizer}`) })}
        </p>
      )}
      <WorklistIconSprite />
      <Table data-testid="worklist">
        <TableHeader className="[&_th]:whitespace-normal">
          <TableRow>
            {(Object.keys(SORTABLE) as (keyof typeof SORTABLE)[]).slice(0, 2).map((key) => (
              <TableHead key={key} aria-sort={ariaSort(SORTABLE[key])}>
                <Link href={sortHref(SORTABLE[key])} className="hover:underline" aria-label={t("sortBy", { column: t(`columns.${key}`) })}>
                  {t(`columns.${key}`)}
                  {sortMark(SORTABLE[key])}
                </Link>
              </TableHead>
            ))}
            <TableHead>{t("columns.campaign")}</TableHead>
            <TableHead aria-sort={ariaSort("agente")}>
              <Link href={sortHref("agente")} className="hover:underline" aria-label={t("sortBy", { column: t("columns.agent") })}>
                {t("columns.agent")}
                {sortMark("agente")}
              </Link>
            </TableHead>
            <TableHead>{t("columns.origin")}</TableHead>
            <TableHead aria-sort={ariaSort("status")}>
              <Link href={sortHref("status")} className="hover:underline" aria-label={t("sortBy", { column: t("columns.status") })}>
                {t("columns.status")}
                {sortMark("status")}
              </Link>
            </TableHead>
            <TableHead>{t("columns.whatsapp")}</TableHead>
            <TableHead>{t("columns.channel")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody className="worklist-rows">
          {worklist.rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={8} className="py-10 text-center">
                <p className="font-medium">{t("empty")}</p>
                <p className="text-sm text-muted-foreground">{t("emptyHint")}</p>
              </TableCell>
            </TableRow>
          )}
          {worklist.rows.map((row) => (
            <WorklistRow key={row.id} row={row} now={now} timeZone={timeZone} />
          ))}
        </TableBody>
      </Table>
      <Pagination
        page={filters.page}
        pages={worklist.pages}
        param="pagina"
        query={Object.fromEntries(query({ pagina: undefined }))}
      />
    </div>
  );
}
