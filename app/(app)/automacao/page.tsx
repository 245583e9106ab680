import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { RunNowButton } from "@/components/automation/run-now-button";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { requireSection } from "@/lib/auth/session";
import { DEFAULT_TIME_ZONE, formatDateTime } from "@/lib/dates";
import { lastRuns } from "@/lib/jobs/last-runs";
import { JOB_KEYS, JOBS } from "@/lib/jobs/registry";
import { nextRunAt, schedulerMode } from "@/lib/jobs/schedule";

export async function generateMetadata() {
  const t = await getTranslations("automation");
  return { title: t("title") };
}

export default async function AutomationPage() {
  await requireSection("automacao");
  const [runs, t] = await Promise.all([lastRuns(getDb(), JOB_KEYS), getTranslations()]);
  const mode = schedulerMode(process.env);
  const now = new Date();
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <LiveRefresh types={["job_run.changed"]} />
      <PageHeader title={t("automation.title")} description={t("automation.subtitle")} />
      <p className="text-sm text-muted-foreground" data-testid="scheduler-mode">{t(`automation.scheduler.${mode}`)}</p>
      {JOBS.map((job) => {
        const mine = runs.filter((r) => r.job === job.key);
        const label = t(`automation.jobs.${job.key}.name`);
        return (
          <Card key={job.key} data-testid={`job-${job.key}`}>
            <CardHeader className="flex flex-row items-start justify-between gap-4">
              <div>
                <CardTitle>{label}</CardTitle>
                <CardDescription>{t(`automation.jobs.${job.key}.description`)}</CardDescription>
                <p className="mt-1 text-xs text-muted-foreground">{t(`automation.jobs.${job.key}.schedule`)}</p>
                {mode !== "off" && (
                  <p className="mt-1 text-xs text-muted-foreground tabular-nums" data-testid="next-run">
                    {t("automation.nextRun", { at: formatDateTime(nextRunAt(job, now), DEFAULT_TIME_ZONE) })}
                  </p>
                )}
              </div>
              <RunNowButton job={job.key} label={label} />
            </CardHeader>
            <CardContent>
              {mine.length === 0 ? (
                <p className="text-sm text-muted-foreground">{t("automation.noRuns")}</p>
              ) : (
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>{t("automation.startedAt")}</TableHead>
                      <TableHead>{t("automation.trigger")}</TableHead>
                      <TableHead>{t("automation.status")}</TableHead>
                      <TableHead className="text-right">{t("automation.considered")}</TableHead>
                      <TableHead className="text-right">{t("automation.sent")}</TableHead>
                      <TableHead>{t("automation.skipped")}</TableHead>
                      <TableHead className="text-right">{t("automation.failed")}</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {mine.map((r) => (
                      <TableRow key={r.id} data-testid="job-run">
                        <TableCell className="tabular-nums">{formatDateTime(r.startedAt, DEFAULT_TIME_ZONE)}</TableCell>
                        <TableCell>{t(`automation.triggers.${r.trigger}`)}</TableCell>
                        <TableCell>
                          <Badge variant={r.status === "failed" ? "destructive" : r.status === "succeeded" ? "success" : "secondary"}>
                            {t(`automation.statuses.${r.status}`)}
                          </Badge>
                        </TableCell>
                        <TableCell className="text-right tabular-nums">{r.considered}</TableCell>
                        <TableCell className="text-right tabular-nums">{r.sent}</TableCell>
                        <TableCell className="text-sm">
                          {Object.entries(r.skipped).map(([reason, n]) => (
                            <span key={reason} className="mr-2 whitespace-nowrap">
                              {t.has(`automation.reasons.${reason}`) ? t(`automation.reasons.${reason}`) : reason}: {n}
                            </span>
                          ))}
                        </TableCell>
                        <TableCell className="text-right tabular-nums" title={r.errors.join("\n")}>{r.failed}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        );
      })}
    </div>
  );
}
