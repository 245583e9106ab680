"use client";

import { acceptReport } from "@/app/(app)/telefonico/actions";
import type { ScriptReport } from "@/lib/phone/script-engine";
import { ScriptReportTable } from "./script-report-table";
import { useWizardAction } from "./use-wizard-action";
import { WizardNav } from "./wizard-nav";

/** 7. Relatório de Script: the questions and answers (empty when the script closed without answers). */
export function ReportStep({ report }: { report: ScriptReport }) {
  const { run } = useWizardAction();
  return (
    <>
      <form
        id="step-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(acceptReport);
        }}
      >
        <ScriptReportTable report={report} />
      </form>
      <WizardNav step={7} form="step-form" />
    </>
  );
}
