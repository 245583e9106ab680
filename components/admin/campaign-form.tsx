"use client";

import { useTranslations } from "next-intl";
import { saveCampaign } from "@/app/(app)/admin/programs/actions";
import { ActionForm } from "@/components/forms/action-form";
import { SwitchField, TextField } from "@/components/forms/fields";

type Props = {
  companyId: string;
  campaign?: { id: string; name: string; active: boolean; startsOn: string | null; endsOn: string | null };
};

export function CampaignForm({ companyId, campaign }: Props) {
  const t = useTranslations("programs");
  return (
    <ActionForm action={saveCampaign} redirectTo="/admin/programs" successMessage={campaign ? "saved" : "created"} className="max-w-2xl">
      <input type="hidden" name="companyId" value={companyId} />
      {campaign && <input type="hidden" name="id" value={campaign.id} />}
      <TextField name="name" label={t("campaignName")} defaultValue={campaign?.name} required />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="startsOn" label={t("startsOn")} type="date" defaultValue={campaign?.startsOn} />
        <TextField name="endsOn" label={t("endsOn")} type="date" defaultValue={campaign?.endsOn} hint={t("endsOnHint")} />
      </div>
      <SwitchField name="active" label={t("campaignActive")} defaultChecked={campaign?.active ?? true} />
    </ActionForm>
  );
}
