"use client";

import { useTranslations } from "next-intl";
import { cancelWizard, stepBack } from "@/app/(app)/telefonico/actions";
import { Button } from "@/components/ui/button";
import { useWizardAction } from "./use-wizard-action";

/** Voltar / Cancelar / Avançar of every step; Avançar submits the step's form (`form`). */
export function WizardNav({ step, form, nextLabel, canAdvance = true }: { step: number; form?: string; nextLabel?: string; canAdvance?: boolean }) {
  const t = useTranslations("phone");
  const { run, pending } = useWizardAction();
  return (
    <div className="flex flex-wrap justify-between gap-2 border-t pt-4">
      <div className="flex gap-2">
        <Button type="button" variant="outline" disabled={pending || step <= 1} onClick={() => run(stepBack, { step })}>
          {t("back")}
        </Button>
        <Button type="button" variant="ghost" disabled={pending} onClick={() => run(cancelWizard)}>
          {t("cancel")}
        </Button>
      </div>
      {canAdvance && (
        <Button type="submit" form={form} disabled={pending}>
          {nextLabel ?? t("next")}
        </Button>
      )}
    </div>
  );
}
