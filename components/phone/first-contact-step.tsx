"use client";

import { useTranslations } from "next-intl";
import { finishAttendance } from "@/app/(app)/telefonico/actions";
import { formDataToObject } from "@/components/forms/form-data";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { StepError } from "./field-errors";
import { useWizardAction } from "./use-wizard-action";
import { WizardNav } from "./wizard-nav";

/** 8. Primeiro Contato: solved on first contact, the reason and the description; finishing opens the ticket. */
export function FirstContactStep({ reasons }: { reasons: { id: string; name: string }[] }) {
  const t = useTranslations("phone");
  const { run, errors } = useWizardAction();
  return (
    <>
      <form
        id="step-form"
        className="max-w-xl space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          run(finishAttendance, formDataToObject(new FormData(e.currentTarget)));
        }}
      >
        <fieldset>
          <legend className="mb-2 text-sm font-medium">{t("resolvedFirstContact")}</legend>
          <label className="mr-6 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="resolved" value="sim" className="size-4 accent-primary" />
            {t("yes")}
          </label>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="radio" name="resolved" value="nao" className="size-4 accent-primary" />
            {t("no")}
          </label>
          <StepError errors={errors} name="resolved" />
        </fieldset>
        <div className="space-y-1.5">
          <Label htmlFor="w-reason">{t("reason")}</Label>
          <NativeSelect id="w-reason" name="contactReasonId" defaultValue="">
            <option value="">{t("chooseReason")}</option>
            {reasons.map((r) => (
              <option key={r.id} value={r.id}>{r.name}</option>
            ))}
          </NativeSelect>
          <StepError errors={errors} name="contactReasonId" />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="w-description">{t("description")}</Label>
          <Textarea id="w-description" name="description" rows={4} />
          <StepError errors={errors} name="description" />
        </div>
      </form>
      <WizardNav step={8} form="step-form" nextLabel={t("finish")} />
    </>
  );
}
