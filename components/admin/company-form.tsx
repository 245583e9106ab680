"use client";

import { useTranslations } from "next-intl";
import { saveCompany } from "@/app/(app)/admin/actions";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, SwitchField, TextField } from "@/components/forms/fields";
import { formatDocument } from "@/lib/customers/document";

const TIME_ZONES = [
  "America/Sao_Paulo",
  "America/Bahia",
  "America/Fortaleza",
  "America/Recife",
  "America/Belem",
  "America/Manaus",
  "America/Cuiaba",
  "America/Campo_Grande",
  "America/Porto_Velho",
  "America/Boa_Vista",
  "America/Rio_Branco",
  "America/Noronha",
];

type Props = {
  company?: {
    id: string;
    name: string;
    cnpj: string | null;
    timeZone: string;
    closeScriptRequired: boolean;
    active: boolean;
    sendingStartsAt: string;
    sendingEndsAt: string;
  };
};

export function CompanyForm({ company }: Props) {
  const t = useTranslations("companies");
  return (
    <ActionForm action={saveCompany} redirectTo="/admin/companies" successMessage={company ? "saved" : "created"} className="max-w-2xl">
      {company && <input type="hidden" name="id" value={company.id} />}
      <TextField name="name" label={t("name")} defaultValue={company?.name} required />
      <TextField name="cnpj" label={t("cnpj")} defaultValue={formatDocument(company?.cnpj)} inputMode="numeric" placeholder="00.000.000/0000-00" />
      <SelectField
        name="timeZone"
        label={t("timeZone")}
        defaultValue={company?.timeZone ?? "America/Sao_Paulo"}
        options={TIME_ZONES.map((tz) => ({ value: tz, label: tz.replace("America/", "").replace("_", " ") }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="sendingStartsAt" label={t("sendingStartsAt")} type="time" defaultValue={company?.sendingStartsAt ?? "08:00"} required />
        <TextField name="sendingEndsAt" label={t("sendingEndsAt")} type="time" defaultValue={company?.sendingEndsAt ?? "20:00"} required hint={t("sendingHint")} />
      </div>
      <SwitchField name="closeScriptRequired" label={t("closeScriptRequired")} hint={t("closeScriptHint")} defaultChecked={company?.closeScriptRequired} />
      <SwitchField name="active" label={t("active")} defaultChecked={company?.active ?? true} />
    </ActionForm>
  );
}
