"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { applyFilter, searchNumbers } from "@/app/(app)/telefonico/actions";
import { formDataToObject } from "@/components/forms/form-data";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { formatPhone } from "@/lib/customers/phone";
import type { FilterState } from "@/lib/phone/wizard-state";
import { StepError } from "./field-errors";
import { useWizardAction } from "./use-wizard-action";
import { WizardNav } from "./wizard-nav";

type Found = { number: string; known: boolean };

/** 2. Filtros: Período ("Últimos" N days), a date range, or Telefone (search a prefix, tick the numbers). */
export function FilterStep({ filter, found }: { filter: FilterState; found: Found[] }) {
  const t = useTranslations("phone");
  const [mode, setMode] = useState(filter.mode);
  const advance = useWizardAction();
  const search = useWizardAction();
  const errors = { ...advance.errors, ...search.errors };

  function runSearch(form: HTMLFormElement | null) {
    if (!form) return;
    const values = formDataToObject(new FormData(form));
    search.run(searchNumbers, { phone: values.phone, quantity: values.quantity });
  }

  return (
    <>
      <form
        id="step-form"
        className="space-y-5"
        onSubmit={(e) => {
          e.preventDefault();
          advance.run(applyFilter, formDataToObject(new FormData(e.currentTarget)));
        }}
      >
        <fieldset className="space-y-2">
          <legend className="mb-2 text-sm font-medium">{t("filterBy")}</legend>
          {(["period", "range", "phone"] as const).map((m) => (
            <label key={m} className="mr-6 inline-flex items-center gap-2 text-sm">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="size-4 accent-primary" />
              {t(`mode.${m}`)}
            </label>
          ))}
        </fieldset>

        {mode === "period" && (
          <div className="max-w-xs space-y-1.5">
            <Label htmlFor="f-days">{t("lastDays")}</Label>
            <div className="flex items-center gap-2">
              <Input id="f-days" name="days" type="number" min={1} max={365} defaultValue={filter.days} aria-describedby="f-days-error" className="w-24" />
              <span className="text-sm text-muted-foreground">{t("days")}</span>
            </div>
            <StepError errors={errors} name="days" id="f-days-error" />
          </div>
        )}

        {mode === "range" && (
          <div className="grid max-w-md gap-3 sm:grid-cols-2">
            <div className="space-y-1.5">
              <Label htmlFor="f-from">{t("from")}</Label>
              <Input id="f-from" name="from" type="date" defaultValue={filter.from ?? ""} />
              <StepError errors={errors} name="from" />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="f-to">{t("to")}</Label>
              <Input id="f-to" name="to" type="date" defaultValue={filter.to ?? ""} />
              <StepError errors={errors} name="to" />
            </div>
          </div>
        )}

        {mode === "phone" && (
          <div className="space-y-3">
            <div className="max-w-md space-y-1.5">
              <Label htmlFor="f-phone">{t("phone")}</Label>
              <div className="flex gap-2">
                <Input
                  id="f-phone"
                  name="phone"
                  inputMode="tel"
                  defaultValue={filter.phone}
                  placeholder={t("phonePlaceholder")}
                  onKeyDown={(e) => {
                    // Enter searches here (seed 2.3), it does not advance.
                    if (e.key === "Enter") {
                      e.preventDefault();
                      runSearch(e.currentTarget.form);
                    }
                  }}
                />
                <Button type="button" variant="secondary" disabled={search.pending} onClick={(e) => runSearch(e.currentTarget.form)}>
                  {t("searchNumbers")}
                </Button>
              </div>
              <StepError errors={errors} name="phone" />
            </div>
            {filter.mode === "phone" && filter.phone && (
              <fieldset className="space-y-1" data-testid="found-numbers">
                <legend className="mb-1 text-sm font-medium">{t("foundNumbers", { count: found.length })}</legend>
                {found.length === 0 && <p className="text-sm text-muted-foreground">{t("noNumbers")}</p>}
                {found.map((f) => (
                  <label key={f.number} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="selected" value={f.number} defaultChecked={filter.selected.includes(f.number)} className="size-4 accent-primary" />
                    <span className="tabular-nums">{formatPhone(f.number)}</span>
                    {!f.known && <span className="text-muted-foreground">— {t("unidentifiedNumber")}</span>}
                  </label>
                ))}
                <StepError errors={errors} name="selected" />
              </fieldset>
            )}
          </div>
        )}

        <div className="max-w-xs space-y-1.5">
          <Label htmlFor="f-quantity">{t("quantity")}</Label>
          <Input id="f-quantity" name="quantity" type="number" min={1} max={100} defaultValue={filter.quantity} className="w-24" aria-describedby="f-quantity-hint" />
          <p id="f-quantity-hint" className="text-xs text-muted-foreground">{t("quantityHint")}</p>
          <StepError errors={errors} name="quantity" />
        </div>
      </form>
      <WizardNav step={2} form="step-form" />
    </>
  );
}
