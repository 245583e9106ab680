"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveQueue, saveTeam } from "@/app/(app)/admin/actions";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxGroupField, SelectField, SwitchField, TextField } from "@/components/forms/fields";

type Props = {
  kind: "teams" | "queues";
  companies: { id: string; name: string }[];
  /** One row per user and company they may work in. */
  candidates: { id: string; name: string; companyId: string }[];
  /** The header's company: where a new team or queue goes unless the admin picks another. */
  currentCompanyId: string;
  group?: { id: string; name: string; companyId: string; memberIds: string[]; isPa?: boolean };
};

/**
 * Teams and queues are both "a company's named group of users"; teams add the "é de PA" flag. The
 * members offered are the users of the chosen company, each once.
 */
export function GroupForm({ kind, companies, candidates, currentCompanyId, group }: Props) {
  const t = useTranslations(kind);
  const initialCompany = group?.companyId ?? (companies.some((c) => c.id === currentCompanyId) ? currentCompanyId : companies[0]?.id);
  const [companyId, setCompanyId] = useState(initialCompany);
  const members = candidates.filter((u) => u.companyId === companyId);
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
        defaultValue={initialCompany}
        options={companies.map((c) => ({ value: c.id, label: c.name }))}
        onValueChange={setCompanyId}
      />
      {kind === "teams" && <SwitchField name="isPa" label={t("isPa")} hint={t("isPaHint")} defaultChecked={group?.isPa} />}
      <CheckboxGroupField
        // A new list for each company, so a member ticked under another company is not sent along unseen.
        key={companyId}
        name="memberIds"
        label={t("members")}
        defaultValues={group?.memberIds}
        options={members.map((u) => ({ value: u.id, label: u.name }))}
      />
    </ActionForm>
  );
}
