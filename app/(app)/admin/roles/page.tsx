import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { listRoles } from "@/lib/org/roles";

export default async function RolesPage() {
  await requireUser("users.manage");
  const t = await getTranslations();
  const rows = await listRoles(getDb());
  return (
    <>
      <PageHeader title={t("admin.roles")} description={t("admin.rolesText")} action={{ href: "/admin/roles/new", label: t("roles.new") }} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("roles.name")}</TableHead>
            <TableHead>{t("roles.description")}</TableHead>
            <TableHead>{t("roles.permissions")}</TableHead>
            <TableHead className="text-right">{t("roles.usersCount")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                <Link href={`/admin/roles/${row.id}`} className="font-medium underline-offset-4 hover:underline">{row.name}</Link>
              </TableCell>
              <TableCell className="text-muted-foreground">{row.description}</TableCell>
              <TableCell>{t("roles.permissionsCount", { count: row.permissions.length })}</TableCell>
              <TableCell className="text-right tabular-nums">{row.userCount}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
