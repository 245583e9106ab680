"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { recordAgendaOutcome } from "@/app/(app)/atendimento/actions";
import { ActionForm, useFieldErrors } from "@/components/forms/action-form";
import { SelectField, TextAreaField, TextField } from "@/components/forms/fields";
import { Label } from "@/components/ui/label";
import { OUTCOMES } from "@/lib/agendas/schema";
import { SlotPicker, type SlotDay } from "./slot-picker";

type Props = { agendaId: string; assets: { id: string; label: string }[]; days: SlotDay[] };

function SlotField({ days }: { days: SlotDay[] }) {
  return <SlotPicker days={days} errors={useFieldErrors("slot")} idPrefix="outcome" />;
}

/** Agendou (free slot), Recusou (reason), Pediu para ligar (date and time) or Não atendeu, with a note. */
export function OutcomeForm({ agendaId, assets, days }: Props) {
  const t = useTranslations("card");
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>("agendou");
  return (
    <ActionForm action={recordAgendaOutcome} submitLabel={t("save")} successMessage="saved">
      <input type="hidden" name="agendaId" value={agendaId} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("outcome")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {OUTCOMES.map((o) => (
            <Label
              key={o}
              className="flex cursor-pointer items-center gap-2 rounded-md border p-2 font-normal has-[:checked]:border-primary has-[:checked]:bg-primary/10"
            >
              <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} className="accent-primary" />
              {t(`outcomes.${o}`)}
            </Label>
          ))}
        </div>
      </fieldset>
      {outcome === "agendou" && (
        <>
          {assets.length > 1 && (
            <SelectField name="assetId" label={t("asset")} options={assets.map((a) => ({ value: a.id, label: a.label }))} />
          )}
          {assets.length === 1 && <input type="hidden" name="assetId" value={assets[0].id} />}
          <SlotField days={days} />
        </>
      )}
      {outcome === "recusou" && <TextAreaField name="reason" label={t("reason")} required />}
      {outcome === "pediu_ligar" && <TextField name="callbackAt" label={t("callbackAt")} type="datetime-local" required />}
      <TextAreaField name="note" label={t("note")} />
    </ActionForm>
  );
}
