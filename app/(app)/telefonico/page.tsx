import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ContactDialog } from "@/components/customers/contact-dialog";
import { CallsStep } from "@/components/phone/calls-step";
import { ContactStepForm } from "@/components/phone/contact-step-form";
import { DoneStep } from "@/components/phone/done-step";
import { FilterStep } from "@/components/phone/filter-step";
import { FirstContactStep } from "@/components/phone/first-contact-step";
import { LinkCustomerButton } from "@/components/phone/link-customer-button";
import { OriginStep } from "@/components/phone/origin-step";
import { PendingNotice } from "@/components/phone/pending-notice";
import { PlanStep } from "@/components/phone/plan-step";
import { ReportStep } from "@/components/phone/report-step";
import { ScriptStep } from "@/components/phone/script-step";
import { WizardSteps } from "@/components/phone/wizard-steps";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { requireSection } from "@/lib/auth/session";
import { searchCustomers } from "@/lib/customers/customers";
import { formatDocument } from "@/lib/customers/document";
import { formatPhone } from "@/lib/customers/phone";
import { DEFAULT_TIME_ZONE, formatDateTime } from "@/lib/dates";
import { knownNumbers } from "@/lib/phone/call-search";
import { DEFAULT_FILTER, loadWizard } from "@/lib/phone/wizard-state";
import { wizardView } from "@/lib/phone/wizard-view";

export async function generateMetadata() {
  const t = await getTranslations("phone");
  return { title: t("title") };
}

const duration = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

/**
 * Novo Atendimento (seed 003): the step of the user's draft (phone_drafts), so a reload shows the same
 * step with everything entered. Each step's form posts to its action, which validates it on the server.
 */
export default async function PhonePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireSection("telefonico");
  const db = getDb();
  const now = new Date();
  const [state, t, params] = await Promise.all([loadWizard(db, user.id, user.companyId), getTranslations(), searchParams]);
  const view = await wizardView(db, user.companyId, state, now);
  const when = (d: Date) => formatDateTime(d, DEFAULT_TIME_ZONE);
  const step = Math.min(state.step, 8);

  let body: React.ReactNode = null;
  if (state.done) body = <DoneStep ticketId={state.done.ticketId} protocol={state.done.protocol} />;
  else if (state.step === 1) body = <OriginStep />;
  else if (state.step === 2) {
    const filter = state.filter ?? DEFAULT_FILTER;
    const known = await knownNumbers(db, user.companyId, filter.found);
    body = <FilterStep filter={filter} found={filter.found.map((n) => ({ number: n, known: known.has(n) }))} />;
  } else if (state.step === 3) {
    body = (
      <CallsStep
        selectedId={state.callId}
        calls={view.calls.map((c) => ({
          id: c.id,
          caller: c.caller,
          startedAt: when(c.startedAt),
          duration: duration(c.durationSeconds),
          disposition: c.disposition,
          queue: [c.queue, c.extension].filter(Boolean).join(" · ") || null,
          customerName: c.customerName,
          contactName: c.contactName,
        }))}
      />
    );
  } else if (state.step === 4) {
    const q = params.cliente?.trim().slice(0, 100) ?? "";
    const found = q ? (await searchCustomers(db, user.companyId, { q, page: 1 })).rows : [];
    const customer = view.customer;
    body = (
      <div className="space-y-5">
        {view.call && (
          <p className="text-sm">
            {t("phone.callFrom", { phone: formatPhone(view.call.caller) || view.call.caller, date: when(view.call.startedAt) })}
            {!view.call.customerId && <span className="ml-2 text-muted-foreground">({t("phone.unidentified")})</span>}
          </p>
        )}
        {customer ? (
          <section aria-labelledby="w-customer" className="space-y-3 rounded-md border p-4">
            <h3 id="w-customer" className="font-medium" data-testid="wizard-customer">{customer.name}</h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted-foreground">{t("phone.document")}</dt>
              <dd>{formatDocument(customer.document) || "—"}</dd>
              {customer.notes && (
                <>
                  <dt className="text-muted-foreground">{t("phone.notes")}</dt>
                  <dd>{customer.notes}</dd>
                </>
              )}
            </dl>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("contacts.name")}</TableHead>
                  <TableHead>{t("contacts.contactType")}</TableHead>
                  <TableHead>{t("contacts.position")}</TableHead>
                  <TableHead>{t("contacts.phone")}</TableHead>
                  <TableHead>{t("contacts.mobile")}</TableHead>
                  <TableHead>{t("contacts.email")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {customer.contacts.map((c) => (
                  <TableRow key={c.id} data-testid="wizard-contact">
                    <TableCell>{c.name}</TableCell>
                    <TableCell>{c.contactType ?? "—"}</TableCell>
                    <TableCell>{c.position ?? "—"}</TableCell>
                    <TableCell className="tabular-nums">{formatPhone(c.phone) || "—"}</TableCell>
                    <TableCell className="tabular-nums">{formatPhone(c.mobile) || "—"}</TableCell>
                    <TableCell>{c.email ?? "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        ) : (
          <p className="text-sm text-muted-foreground">{t("phone.linkHint")}</p>
        )}
        <section aria-labelledby="w-link" className="space-y-2">
          <h3 id="w-link" className="text-sm font-medium">{customer ? t("phone.linkOther") : t("phone.linkTitle")}</h3>
          <form className="flex max-w-md gap-2" role="search">
            <Label htmlFor="w-cliente" className="sr-only">{t("phone.searchCustomer")}</Label>
            <Input id="w-cliente" name="cliente" defaultValue={q} placeholder={t("phone.searchCustomer")} />
            <Button type="submit" variant="secondary">{t("common.search")}</Button>
          </form>
          {q && found.length === 0 && <p className="text-sm text-muted-foreground">{t("phone.noCustomers")}</p>}
          {found.length > 0 && (
            <ul className="divide-y rounded-md border" data-testid="customer-results">
              {found.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-2 px-3 py-2 text-sm">
                  <span>
                    {c.name} <span className="text-muted-foreground">{formatDocument(c.document)}</span>
                  </span>
                  <LinkCustomerButton customerId={c.id} name={c.name} />
                </li>
              ))}
            </ul>
          )}
          {user.can("customers.manage") && (
            <p className="text-sm">
              <Link href="/clientes/new" className="underline" target="_blank">{t("phone.newCustomer")}</Link>
            </p>
          )}
        </section>
        <ContactStepForm
          hasCustomer={!!customer}
          contactId={state.contactId}
          contacts={(customer?.contacts ?? []).map((c) => ({ id: c.id, label: [c.name, c.contactType].filter(Boolean).join(" — ") }))}
        >
          {customer && user.can("customers.manage") && <ContactDialog customerId={customer.id} />}
        </ContactStepForm>
      </div>
    );
  } else if (state.step === 5) {
    const customer = view.customer;
    body = (
      <div className="space-y-4">
        <PendingNotice
          tickets={view.pending.map((p) => ({ id: p.id, protocol: p.protocol, status: p.status, openedAt: when(p.openedAt), subject: p.subject }))}
        />
        <PlanStep
          assetId={state.assetId}
          assets={(customer?.assets ?? []).map((a) =>
            a.kind === "plan"
              ? {
                  id: a.id,
                  label: a.planName ?? t("phone.plan"),
                  routingPoints: a.routingPoints ?? "",
                  accessLogin: a.accessLogin ?? "",
                  details: [
                    { label: t("phone.plan"), value: a.planName ?? "—" },
                    { label: t("phone.routingPoints"), value: a.routingPoints ?? "—" },
                    { label: t("phone.accessLogin"), value: a.accessLogin ?? "—" },
                    { label: t("phone.serviceOrders"), value: String(customer?.serviceOrders.length ?? 0) },
                  ],
                }
              : {
                  id: a.id,
                  label: [a.model, a.plate].filter(Boolean).join(" — "),
                  routingPoints: null,
                  accessLogin: null,
                  details: [
                    { label: t("phone.vehicle"), value: a.model ?? "—" },
                    { label: t("phone.plate"), value: a.plate ?? "—" },
                    { label: t("phone.year"), value: a.year ? String(a.year) : "—" },
                    { label: t("phone.km"), value: a.km !== null ? a.km.toLocaleString("pt-BR") : "—" },
                  ],
                },
          )}
        />
      </div>
    );
  } else if (state.step === 6) {
    body = <ScriptStep script={view.script} />;
  } else if (state.step === 7) {
    body = <ReportStep report={view.report ?? { items: [], completed: false, outcome: null }} />;
  } else if (state.step === 8) {
    body = <FirstContactStep reasons={view.reasons} />;
  }

  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <PageHeader title={t("phone.title")} description={t("phone.subtitle")} />
      <WizardSteps current={state.done ? 9 : step} />
      <Card>
        <CardHeader>
          <CardTitle>{state.done ? t("phone.doneTitle") : t(`phone.steps.${step}`)}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">{body}</CardContent>
      </Card>
    </div>
  );
}
