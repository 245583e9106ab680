import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { listScripts } from "@/lib/phone/scripts";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("scripts") };
}

export default async function ScriptsPage() {
  const user = await requireUser("settings.manage");
  const [t, rows] = await Promise.all([getTranslations(), listScripts(getDb(), user.companyId)]);
  return (
    <>
      <PageHeader title={t("admin.scripts")} description={t("scriptsAdmin.subtitle")} action={{ href: "/admin/scripts/new", label: t("scriptsAdmin.new") }} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("scriptsAdmin.name")}</TableHead>
            <TableHead>{t("scriptsAdmin.planName")}</TableHead>
            <TableHead>{t("scriptsAdmin.version")}</TableHead>
            <TableHead>{t("scriptsAdmin.runs")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={4} className="py-8 text-center text-muted-foreground">{t("scriptsAdmin.empty")}</TableCell>
            </TableRow>
          )}
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell>
                <Link href={`/admin/scripts/${r.id}`} className="font-medium hover:underline">{r.name}</Link>
                {!r.active && <Badge variant="secondary" className="ml-2">{t("common.inactive")}</Badge>}
              </TableCell>
              <TableCell>{r.planName ?? t("scriptsAdmin.anyPlan")}</TableCell>
              <TableCell className="tabular-nums">{r.version ?? "—"}</TableCell>
              <TableCell className="tabular-nums">{r.runs}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
