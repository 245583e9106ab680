"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { answerScript, closeScript, previousQuestion } from "@/app/(app)/telefonico/actions";
import { formDataToObject } from "@/components/forms/form-data";
import { Button } from "@/components/ui/button";
import type { ScriptQuestion } from "@/lib/phone/script-engine";
import { StepError } from "./field-errors";
import { useWizardAction } from "./use-wizard-action";
import { WizardNav } from "./wizard-nav";

type Props = {
  script: { name: string; version: number; question: ScriptQuestion | null; answer: string | null; position: number } | null;
};

/** 6. Script de Atendimento: Pergunta, the two explanations (toggle), Opções; Próximo / Anterior; Encerrar Script. */
export function ScriptStep({ script }: Props) {
  const t = useTranslations("phone");
  const { run, pending, errors } = useWizardAction();
  const [help, setHelp] = useState(false);
  const question = script?.question ?? null;
  return (
    <>
      {!script && <p className="text-sm text-muted-foreground">{t("noScript")}</p>}
      {script && !question && <p className="text-sm" role="status">{t("scriptFinished")}</p>}
      {script && question && (
        <form
          id="script-form"
          // A new question starts with no option chosen (or the one given before, after Anterior).
          key={`${question.id}:${script.position}`}
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            run(answerScript, { optionId: "", ...formDataToObject(new FormData(e.currentTarget)) });
          }}
        >
          <p className="text-xs text-muted-foreground">{t("scriptName", { name: script.name, version: script.version })}</p>
          <div>
            <h3 className="text-xs font-medium uppercase text-muted-foreground">{t("question")}</h3>
            <p className="text-lg font-medium" data-testid="script-question">{question.text}</p>
          </div>
          <Button type="button" variant="link" className="h-auto p-0" aria-expanded={help} onClick={() => setHelp((v) => !v)}>
            {help ? t("hideHelp") : t("showHelp")}
          </Button>
          {help && (
            <div className="grid gap-3 sm:grid-cols-2">
              <div className="rounded-md border p-3 text-sm">
                <h4 className="font-medium">{t("customerHelp")}</h4>
                <p>{question.customerHelp || "—"}</p>
              </div>
              <div className="rounded-md border bg-muted/50 p-3 text-sm">
                <h4 className="font-medium">{t("operatorHelp")}</h4>
                <p>{question.operatorHelp || "—"}</p>
              </div>
            </div>
          )}
          <fieldset className="space-y-2">
            <legend className="mb-1 text-sm font-medium">{t("options")}</legend>
            {question.options.map((o) => (
              <label key={o.id} className="flex items-center gap-2 text-sm">
                <input type="radio" name="optionId" value={o.id} defaultChecked={o.id === script.answer} className="size-4 accent-primary" />
                {o.label}
              </label>
            ))}
            <StepError errors={errors} name="optionId" />
          </fieldset>
        </form>
      )}
      <div className="flex flex-wrap gap-2">
        {script && (
          <Button type="button" variant="outline" disabled={pending || script.position === 0} onClick={() => run(previousQuestion)}>
            {t("previousQuestion")}
          </Button>
        )}
        {question && (
          <Button type="submit" form="script-form" disabled={pending}>
            {t("nextQuestion")}
          </Button>
        )}
        <Button type="button" variant={question ? "secondary" : "default"} disabled={pending} onClick={() => run(closeScript)}>
          {t("closeScript")}
        </Button>
      </div>
      <WizardNav step={6} canAdvance={false} />
    </>
  );
}
