"use client";

import { useTranslations } from "next-intl";
import { chooseOrigin } from "@/app/(app)/telefonico/actions";
import { formDataToObject } from "@/components/forms/form-data";
import { StepError } from "./field-errors";
import { useWizardAction } from "./use-wizard-action";
import { WizardNav } from "./wizard-nav";

/** 1. Origem do Atendimento: Telefônico (the other origins come later). */
export function OriginStep() {
  const t = useTranslations("phone");
  const { run, errors } = useWizardAction();
  return (
    <>
      <form
        id="step-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(chooseOrigin, formDataToObject(new FormData(e.currentTarget)));
        }}
      >
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium">{t("originLegend")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="origin" value="phone" defaultChecked className="size-4 accent-primary" />
            {t("originPhone")}
          </label>
          <StepError errors={errors} name="origin" />
        </fieldset>
      </form>
      <WizardNav step={1} form="step-form" />
    </>
  );
}
