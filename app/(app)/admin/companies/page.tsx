import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { formatDocument } from "@/lib/customers/document";
import { listCompanies } from "@/lib/org/companies";

export default async function CompaniesPage() {
  const user = await requireUser("settings.manage");
  const t = await getTranslations();
  const rows = await listCompanies(getDb(), user);
  return (
    <>
      <PageHeader title={t("admin.companies")} description={t("admin.companiesText")} action={{ href: "/admin/companies/new", label: t("companies.new") }} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("companies.name")}</TableHead>
            <TableHead>{t("companies.cnpj")}</TableHead>
            <TableHead>{t("companies.timeZone")}</TableHead>
            <TableHead>{t("users.status")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                <Link href={`/admin/companies/${row.id}`} className="font-medium underline-offset-4 hover:underline">{row.name}</Link>
              </TableCell>
              <TableCell className="tabular-nums">{formatDocument(row.cnpj)}</TableCell>
              <TableCell>{row.timeZone}</TableCell>
              <TableCell>
                <Badge variant={row.active ? "success" : "secondary"}>{row.active ? t("common.active") : t("common.inactive")}</Badge>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
