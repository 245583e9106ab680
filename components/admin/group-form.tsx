"use client";

import { useTranslations } from "next-intl";
import { saveQueue, saveTeam } from "@/app/(app)/admin/actions";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroupField, SelectField, SwitchField, TextField } from "@/components/forms/fields";

type Props = {
  kind: "teams" | "queues";
  companies: { id: string; name: string }[];
  candidates: { id: string; name: string; companyId: string }[];
  group?: { id: string; name: string; companyId: string; memberIds: string[]; isPa?: boolean };
};

/** Teams and queues are both "a company's named group of users"; teams add the "é de PA" flag. */
export function GroupForm({ kind, companies, candidates, group }: Props) {
  const t = useTranslations(kind);
  const companyName = (id: string) => companies.find((c) => c.id === id)?.name;
  return (
    <ActionForm
      action={kind === "teams" ? saveTeam : saveQueue}
      redirectTo={`/admin/${kind}`}
      successMessage={group ? "saved" : "created"}
      className="max-w-2xl"
    >
      {group && <input type="hidden" name="id" value={group.id} />}
      <TextField name="name" label={t("name")} defaultValue={group?.name} required />
      <SelectField
        name="companyId"
        label={t("company")}
        required
        defaultValue={group?.companyId ?? companies[0]?.id}
        options={companies.map((c) => ({ value: c.id, label: c.name }))}
      />
      {kind === "teams" && <SwitchField name="isPa" label={t("isPa")} hint={t("isPaHint")} defaultChecked={group?.isPa} />}
      <CheckboxGroupField
        name="memberIds"
        label={t("members")}
        defaultValues={group?.memberIds}
        options={candidates.map((u) => ({ value: u.id, label: u.name, group: companyName(u.companyId) }))}
      />
    </ActionForm>
  );
}
