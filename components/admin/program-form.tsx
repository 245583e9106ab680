"use client";

import { useTranslations } from "next-intl";
import { saveProgram } from "@/app/(app)/admin/programs/actions";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, SwitchField, TextField } from "@/components/forms/fields";

type Props = {
  companyId: string;
  /** The company's approved templates, the only ones a dispatch can send. */
  templates: { name: string; body: string }[];
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

/** The start of a template's text, so two similar names can be told apart in the list. */
function excerpt(body: string) {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border p-4">
      <legend className="px-1 text-sm font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

/** A "Programação Automática": its service cycle and the parameters of its three WhatsApp dispatches. */
export function ProgramForm({ companyId, campaigns, templates, program }: Props) {
  const t = useTranslations("programs");
  // Chosen from the approved templates; a name saved before that is no longer approved stays visible, marked.
  const templateOptions = (current: string | null | undefined) => {
    const options = templates.map((tpl) => ({ value: tpl.name, label: `${tpl.name} — ${excerpt(tpl.body)}` }));
    if (current && !templates.some((tpl) => tpl.name === current)) options.unshift({ value: current, label: t("templateNotApprovedOption", { name: current }) });
    return options;
  };
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
          <SelectField
            name="invitationTemplate"
            label={t("invitationTemplate")}
            hint={t("templateHint")}
            placeholder={t("noTemplate")}
            defaultValue={program?.invitationTemplate}
            options={templateOptions(program?.invitationTemplate)}
          />
          <TextField name="noReplyDays" label={t("noReplyDays")} hint={t("noReplyDaysHint")} defaultValue={program?.noReplyDays ?? 3} {...number} />
        </div>
        <SwitchField name="autoSend" label={t("autoSend")} hint={t("autoSendHint")} defaultChecked={program?.autoSend ?? true} />
      </Group>

      <Group title={t("confirmationTitle")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="confirmationTemplate"
            label={t("confirmationTemplate")}
            hint={t("templateHint")}
            placeholder={t("noTemplate")}
            defaultValue={program?.confirmationTemplate}
            options={templateOptions(program?.confirmationTemplate)}
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
          <SelectField
            name="noShowTemplate"
            label={t("noShowTemplate")}
            hint={t("templateHint")}
            placeholder={t("noTemplate")}
            defaultValue={program?.noShowTemplate}
            options={templateOptions(program?.noShowTemplate)}
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
