"use client";

import { useTranslations } from "next-intl";
import { saveCustomer } from "@/app/(app)/clientes/actions";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, SwitchField, TextAreaField, TextField } from "@/components/forms/fields";
import { formatDocument } from "@/lib/customers/document";

type Props = {
  companies: { id: string; name: string }[];
  defaultCompanyId: string;
  customer?: { id: string; companyId: string; name: string; document: string | null; whatsappOptOut: boolean; notes: string | null };
};

export function CustomerForm({ companies, defaultCompanyId, customer }: Props) {
  const t = useTranslations("customers");
  return (
    <ActionForm
      action={saveCustomer}
      redirectTo={customer ? undefined : "/clientes"}
      // A new customer opens on its own page, where its contacts and assets are added next.
      successHref={customer ? undefined : (data) => `/clientes/${(data as { id: string }).id}`}
      successMessage={customer ? "saved" : "created"}
      className="max-w-2xl"
    >
      {customer && <input type="hidden" name="id" value={customer.id} />}
      <TextField name="name" label={t("name")} defaultValue={customer?.name} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="document" label={t("document")} defaultValue={formatDocument(customer?.document)} inputMode="numeric" placeholder="000.000.000-00" />
        <SelectField
          name="companyId"
          label={t("company")}
          required
          defaultValue={customer?.companyId ?? defaultCompanyId}
          options={companies.map((c) => ({ value: c.id, label: c.name }))}
        />
      </div>
      <SwitchField name="whatsappOptOut" label={t("optOut")} defaultChecked={customer?.whatsappOptOut} />
      <TextAreaField name="notes" label={t("notes")} defaultValue={customer?.notes} />
    </ActionForm>
  );
}
