import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/org/users";

export default async function UsersPage() {
  const user = await requireUser("users.manage");
  const t = await getTranslations();
  const rows = await listUsers(getDb(), user);
  return (
    <>
      <PageHeader title={t("admin.users")} description={t("admin.usersText")} action={{ href: "/admin/users/new", label: t("users.new") }} />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("users.name")}</TableHead>
            <TableHead>{t("users.email")}</TableHead>
            <TableHead>{t("users.role")}</TableHead>
            <TableHead>{t("users.homeCompany")}</TableHead>
            <TableHead>{t("users.status")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={5} className="text-center text-muted-foreground">{t("common.empty")}</TableCell>
            </TableRow>
          )}
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                <Link href={`/admin/users/${row.id}`} className="font-medium underline-offset-4 hover:underline">{row.name}</Link>
              </TableCell>
              <TableCell>{row.email}</TableCell>
              <TableCell>{row.roleName}</TableCell>
              <TableCell>{row.homeCompanyName}</TableCell>
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
