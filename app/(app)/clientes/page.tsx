import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { Pagination } from "@/components/pagination";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { requireSection } from "@/lib/auth/session";
import { searchCustomers } from "@/lib/customers/customers";
import { formatDocument } from "@/lib/customers/document";
import { formatPhone } from "@/lib/customers/phone";
import { customerSearchSchema } from "@/lib/customers/schema";

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requireSection("clientes");
  const t = await getTranslations();
  const params = customerSearchSchema.parse(await searchParams);
  const result = await searchCustomers(getDb(), user.companyId, params);
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader title={t("customers.title")} description={t("customers.subtitle")} action={{ href: "/clientes/new", label: t("customers.new") }} />
      <form role="search" className="mb-4 flex max-w-lg gap-2">
        <label htmlFor="q" className="sr-only">{t("common.search")}</label>
        <Input id="q" name="q" type="search" defaultValue={params.q} placeholder={t("customers.searchPlaceholder")} />
        <Button type="submit" variant="secondary">{t("common.search")}</Button>
      </form>
      <p className="mb-2 text-sm text-muted-foreground" aria-live="polite">{t("common.total", { count: result.total })}</p>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("customers.name")}</TableHead>
            <TableHead>{t("customers.document")}</TableHead>
            <TableHead>{t("contacts.mobile")}</TableHead>
            <TableHead className="text-right">{t("customers.contactsCount")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={4} className="py-8 text-center text-muted-foreground">{t("common.empty")}</TableCell>
            </TableRow>
          )}
          {result.rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                <Link href={`/clientes/${row.id}`} className="font-medium underline-offset-4 hover:underline">{row.name}</Link>
                {row.whatsappOptOut && <Badge variant="outline" className="ml-2">opt-out</Badge>}
              </TableCell>
              <TableCell className="tabular-nums">{formatDocument(row.document)}</TableCell>
              <TableCell className="tabular-nums">{formatPhone(row.mobile)}</TableCell>
              <TableCell className="text-right tabular-nums">{row.contactCount}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Pagination page={params.page} pages={result.pages} query={params.q ? { q: params.q } : {}} />
    </div>
  );
}
