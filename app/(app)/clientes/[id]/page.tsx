import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { ContactDialog } from "@/components/customers/contact-dialog";
import { CustomerForm } from "@/components/customers/customer-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { requireSection } from "@/lib/auth/session";
import { getCustomerDetail } from "@/lib/customers/customers";
import { formatDocument } from "@/lib/customers/document";
import { PhoneLink } from "@/components/customers/phone-link";
import { isUuid } from "@/lib/ids";

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSection("clientes");
  const { id } = await params;
  const customer = isUuid(id) ? await getCustomerDetail(getDb(), user.companyIds, id) : null;
  if (!customer) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const date = (d: Date | null) => (d ? format.dateTime(d, { day: "2-digit", month: "2-digit", year: "numeric" }) : "—");

  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <PageHeader title={customer.name} description={formatDocument(customer.document)} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{t("customers.edit")}</CardTitle></CardHeader>
          <CardContent>
            <CustomerForm companies={user.companies} defaultCompanyId={customer.companyId} customer={customer} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>{t("customers.assets")}</CardTitle></CardHeader>
          <CardContent>
            {customer.assets.length === 0 && <p className="text-sm text-muted-foreground">{t("customers.noAssets")}</p>}
            <ul className="space-y-2 text-sm">
              {customer.assets.map((a) => (
                <li key={a.id} className="rounded-md border px-3 py-2">
                  {a.kind === "vehicle"
                    ? t("customers.vehicle", { model: a.model ?? "", plate: a.plate ?? "", year: a.year ?? "", km: format.number(a.km ?? 0) })
                    : t("customers.plan", { plan: a.planName ?? "", points: a.routingPoints ?? "", login: a.accessLogin ?? "" })}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader className="flex flex-row items-center justify-between">
          <CardTitle>{t("customers.contacts")}</CardTitle>
          <ContactDialog customerId={customer.id} />
        </CardHeader>
        <CardContent>
          {customer.contacts.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("customers.noContacts")}</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("contacts.name")}</TableHead>
                  <TableHead>{t("contacts.contactType")}</TableHead>
                  <TableHead>{t("contacts.position")}</TableHead>
                  <TableHead>{t("contacts.phone")}</TableHead>
                  <TableHead>{t("contacts.mobile")}</TableHead>
                  <TableHead>{t("contacts.email")}</TableHead>
                  <TableHead><span className="sr-only">{t("common.actions")}</span></TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {customer.contacts.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell className="font-medium">{c.name}</TableCell>
                    <TableCell>{c.contactType}</TableCell>
                    <TableCell>{c.position}</TableCell>
                    <TableCell>{c.phone && <PhoneLink phone={c.phone} />}</TableCell>
                    <TableCell>
                      {c.mobile && <PhoneLink phone={c.mobile} />}
                      {c.mobileInvalid && <Badge variant="destructive" className="ml-2">{t("contacts.mobileInvalid")}</Badge>}
                    </TableCell>
                    <TableCell>{c.email}</TableCell>
                    <TableCell className="text-right"><ContactDialog customerId={customer.id} contact={c} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader><CardTitle>{t("customers.serviceOrders")}</CardTitle></CardHeader>
        <CardContent>
          {customer.serviceOrders.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("customers.noOrders")}</p>
          ) : (
            <Table>
              <TableBody>
                {customer.serviceOrders.map((o) => (
                  <TableRow key={o.id}>
                    <TableCell className="font-mono">OS {o.number}</TableCell>
                    <TableCell>{o.description}</TableCell>
                    <TableCell><Badge variant="outline">{t(`customers.orderStatus.${o.status}`)}</Badge></TableCell>
                    <TableCell className="tabular-nums">{date(o.openedAt)}</TableCell>
                    <TableCell className="tabular-nums">{date(o.closedAt)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
