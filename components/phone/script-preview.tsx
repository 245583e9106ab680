"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { answerQuestion, currentAnswer, currentQuestion, goBack, scriptReport, startRun, type ScriptDefinition } from "@/lib/phone/script-engine";
import { ScriptReportTable } from "./script-report-table";

/** Runs the script being edited as the agent would (the same pure engine), without saving anything. */
export function ScriptPreview({ definition }: { definition: ScriptDefinition }) {
  const t = useTranslations("phone");
  const [run, setRun] = useState(startRun);
  const [closed, setClosed] = useState(false);
  const question = currentQuestion(definition, run);
  const chosen = currentAnswer(run);
  return (
    <section aria-label={t("preview")} className="space-y-3 rounded-lg border bg-muted/30 p-4" data-testid="script-preview">
      <h3 className="font-medium">{t("preview")}</h3>
      {closed || !question ? (
        <ScriptReportTable report={scriptReport(definition, run)} />
      ) : (
        <>
          <p className="text-lg font-medium">{question.text}</p>
          <p className="text-sm"><span className="font-medium">{t("customerHelp")}:</span> {question.customerHelp || "—"}</p>
          <p className="text-sm"><span className="font-medium">{t("operatorHelp")}:</span> {question.operatorHelp || "—"}</p>
          <div className="flex flex-wrap gap-2">
            {question.options.map((o) => (
              <Button key={o.id} type="button" variant={o.id === chosen ? "default" : "outline"} onClick={() => setRun((r) => answerQuestion(definition, r, o.id) ?? r)}>
                {o.label || "—"}
              </Button>
            ))}
          </div>
        </>
      )}
      <div className="flex gap-2">
        <Button type="button" variant="ghost" size="sm" disabled={run.position === 0} onClick={() => { setClosed(false); setRun(goBack); }}>
          {t("previousQuestion")}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={() => setClosed(true)} disabled={closed}>
          {t("closeScript")}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={() => { setRun(startRun()); setClosed(false); }}>
          {t("restartPreview")}
        </Button>
      </div>
    </section>
  );
}
