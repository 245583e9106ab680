"use client";

import { useTranslations } from "next-intl";
import { saveUser } from "@/app/(app)/admin/actions";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroupField, SelectField, SwitchField, TextField } from "@/components/forms/fields";

type Option = { id: string; name: string };
type Props = {
  options: { roles: Option[]; companies: Option[]; teams: (Option & { companyId: string })[]; queues: (Option & { companyId: string })[] };
  user?: {
    id: string;
    name: string;
    email: string;
    roleId: string;
    homeCompanyId: string;
    capacity: number;
    active: boolean;
    companyIds: string[];
    teamIds: string[];
    queueIds: string[];
  };
};

export function UserForm({ options, user }: Props) {
  const t = useTranslations("users");
  const companyName = (id: string) => options.companies.find((c) => c.id === id)?.name;
  return (
    <ActionForm action={saveUser} redirectTo="/admin/users" successMessage={user ? "saved" : "created"} className="max-w-2xl">
      {user && <input type="hidden" name="id" value={user.id} />}
      <TextField name="name" label={t("name")} defaultValue={user?.name} required autoComplete="off" />
      <TextField name="email" label={t("email")} type="email" defaultValue={user?.email} required autoComplete="off" />
      <TextField
        name="password"
        label={t("password")}
        type="password"
        required={!user}
        hint={t(user ? "passwordHint" : "passwordHintNew")}
        autoComplete="new-password"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="roleId"
          label={t("role")}
          required
          placeholder=""
          defaultValue={user?.roleId}
          options={options.roles.map((r) => ({ value: r.id, label: r.name }))}
        />
        <SelectField
          name="homeCompanyId"
          label={t("homeCompany")}
          required
          placeholder=""
          defaultValue={user?.homeCompanyId}
          options={options.companies.map((c) => ({ value: c.id, label: c.name }))}
        />
      </div>
      <CheckboxGroupField
        name="companyIds"
        label={t("companies")}
        defaultValues={user?.companyIds}
        options={options.companies.map((c) => ({ value: c.id, label: c.name }))}
      />
      <CheckboxGroupField
        name="teamIds"
        label={t("teams")}
        defaultValues={user?.teamIds}
        options={options.teams.map((x) => ({ value: x.id, label: x.name, group: companyName(x.companyId) }))}
      />
      <CheckboxGroupField
        name="queueIds"
        label={t("queues")}
        defaultValues={user?.queueIds}
        options={options.queues.map((x) => ({ value: x.id, label: x.name, group: companyName(x.companyId) }))}
      />
      <TextField name="capacity" label={t("capacity")} type="number" inputMode="numeric" defaultValue={user?.capacity ?? 3} required />
      <SwitchField name="active" label={t("active")} defaultChecked={user?.active ?? true} />
    </ActionForm>
  );
}
