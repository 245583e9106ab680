"use client";

import { useTranslations } from "next-intl";
import { saveProgram } from "@/app/(app)/admin/programs/actions";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, SwitchField, TextField } from "@/components/forms/fields";

type Props = {
  companyId: string;
  campaigns: { id: string; name: string; active: boolean }[];
  program?: {
    id: string;
    campaignId: string;
    name: string;
    cycleMonths: number;
    cycleKm: number | null;
    contactDaysBefore: number;
    invitationTemplate: string | null;
    confirmationTemplate: string | null;
    confirmDaysBefore: number;
    noShowTemplate: string | null;
    noShowToleranceMinutes: number;
    noReplyDays: number;
    autoSend: boolean;
    active: boolean;
  };
};

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border p-4">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

/** A "Programação Automática": its service cycle and the parameters of its three WhatsApp dispatches. */
export function ProgramForm({ companyId, campaigns, program }: Props) {
  const t = useTranslations("programs");
  const number = { type: "number", inputMode: "numeric" as const, required: true };
  return (
    <ActionForm action={saveProgram} redirectTo="/admin/programs" successMessage={program ? "saved" : "created"} className="max-w-3xl">
      <input type="hidden" name="companyId" value={companyId} />
      {program && <input type="hidden" name="id" value={program.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label={t("name")} defaultValue={program?.name} required />
        <SelectField
          name="campaignId"
          label={t("campaign")}
          required
          placeholder=""
          defaultValue={program?.campaignId}
          options={campaigns.map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name} (${t("inactiveCampaign")})` }))}
        />
      </div>

      <Group title={t("cycleTitle")}>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField name="cycleMonths" label={t("cycleMonths")} hint={t("cycleMonthsHint")} defaultValue={program?.cycleMonths ?? 12} {...number} />
          <TextField
            name="cycleKm"
            label={t("cycleKm")}
            hint={t("cycleKmHint")}
            type="number"
            inputMode="numeric"
            defaultValue={program?.cycleKm}
          />
          <TextField
            name="contactDaysBefore"
            label={t("contactDaysBefore")}
            hint={t("contactDaysBeforeHint")}
            defaultValue={program?.contactDaysBefore ?? 15}
            {...number}
          />
        </div>
      </Group>

      <Group title={t("invitationTitle")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="invitationTemplate"
            label={t("invitationTemplate")}
            hint={t("templateHint")}
            defaultValue={program?.invitationTemplate}
            placeholder="convite_revisao"
          />
          <TextField name="noReplyDays" label={t("noReplyDays")} hint={t("noReplyDaysHint")} defaultValue={program?.noReplyDays ?? 3} {...number} />
        </div>
        <SwitchField name="autoSend" label={t("autoSend")} hint={t("autoSendHint")} defaultChecked={program?.autoSend ?? true} />
      </Group>

      <Group title={t("confirmationTitle")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="confirmationTemplate"
            label={t("confirmationTemplate")}
            hint={t("templateHint")}
            defaultValue={program?.confirmationTemplate}
            placeholder="confirmacao_agendamento"
          />
          <TextField
            name="confirmDaysBefore"
            label={t("confirmDaysBefore")}
            hint={t("confirmDaysBeforeHint")}
            defaultValue={program?.confirmDaysBefore ?? 2}
            {...number}
          />
        </div>
      </Group>

      <Group title={t("noShowTitle")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="noShowTemplate"
            label={t("noShowTemplate")}
            hint={t("templateHint")}
            defaultValue={program?.noShowTemplate}
            placeholder="reagendar_no_show"
          />
          <TextField
            name="noShowToleranceMinutes"
            label={t("noShowToleranceMinutes")}
            hint={t("noShowToleranceMinutesHint")}
            defaultValue={program?.noShowToleranceMinutes ?? 60}
            {...number}
          />
        </div>
      </Group>

      <SwitchField name="active" label={t("active")} hint={t("activeHint")} defaultChecked={program?.active ?? true} />
    </ActionForm>
  );
}
