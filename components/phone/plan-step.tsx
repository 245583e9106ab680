"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { choosePlan } from "@/app/(app)/telefonico/actions";
import { formDataToObject } from "@/components/forms/form-data";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { StepError } from "./field-errors";
import { useWizardAction } from "./use-wizard-action";
import { WizardNav } from "./wizard-nav";

export type AssetOption = {
  id: string;
  label: string;
  routingPoints: string | null;
  accessLogin: string | null;
  details: { label: string; value: string }[];
};

/** 5. Dados do Atendimento → Plano: its Pontos de Roteamento and Login de acesso; details open and close. */
export function PlanStep({ assets, assetId }: { assets: AssetOption[]; assetId: string | null }) {
  const t = useTranslations("phone");
  const { run, errors } = useWizardAction();
  const [chosen, setChosen] = useState(assetId ?? "");
  const [details, setDetails] = useState(false);
  const asset = assets.find((a) => a.id === chosen);
  return (
    <>
      <form
        id="step-form"
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          run(choosePlan, formDataToObject(new FormData(e.currentTarget)));
        }}
      >
        <div className="max-w-md space-y-1.5">
          <Label htmlFor="w-plan">{t("plan")}</Label>
          <NativeSelect id="w-plan" name="assetId" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{assets.length ? t("noPlanChosen") : t("noPlans")}</option>
            {assets.map((a) => (
              <option key={a.id} value={a.id}>{a.label}</option>
            ))}
          </NativeSelect>
          <StepError errors={errors} name="assetId" />
        </div>
        {asset && (
          <div className="space-y-2 rounded-md border p-3 text-sm" data-testid="plan-info">
            {asset.routingPoints !== null && (
              <p><span className="font-medium">{t("routingPoints")}:</span> {asset.routingPoints || "—"}</p>
            )}
            {asset.accessLogin !== null && (
              <p><span className="font-medium">{t("accessLogin")}:</span> {asset.accessLogin || "—"}</p>
            )}
            <Button type="button" variant="link" className="h-auto p-0" aria-expanded={details} onClick={() => setDetails((v) => !v)}>
              {details ? t("hidePlanDetails") : t("showPlanDetails")}
            </Button>
            {details && (
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="plan-details">
                {asset.details.map((d) => (
                  <div key={d.label} className="contents">
                    <dt className="text-muted-foreground">{d.label}</dt>
                    <dd>{d.value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
        )}
      </form>
      <WizardNav step={5} form="step-form" />
    </>
  );
}
