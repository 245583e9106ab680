"use client";

import { UserCheck, UserX } from "lucide-react";
import { useTranslations } from "next-intl";
import { chooseCall } from "@/app/(app)/telefonico/actions";
import { formDataToObject } from "@/components/forms/form-data";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatPhone } from "@/lib/customers/phone";
import { StepError } from "./field-errors";
import { useWizardAction } from "./use-wizard-action";
import { WizardNav } from "./wizard-nav";

export type CallRow = {
  id: string;
  caller: string;
  startedAt: string;
  duration: string;
  disposition: string;
  queue: string | null;
  customerName: string | null;
  contactName: string | null;
};

/** 3. Localizar Registros: the calls found, registered contact or "Cliente não identificado"; pick one. */
export function CallsStep({ calls, selectedId }: { calls: CallRow[]; selectedId: string | null }) {
  const t = useTranslations("phone");
  const { run, errors } = useWizardAction();
  if (!calls.length) {
    return (
      <>
        <p className="py-10 text-center text-muted-foreground" role="status">{t("noCalls")}</p>
        <WizardNav step={3} canAdvance={false} />
      </>
    );
  }
  return (
    <>
      <form
        id="step-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(chooseCall, { callId: "", ...formDataToObject(new FormData(e.currentTarget)) });
        }}
      >
        <fieldset>
          <legend className="sr-only">{t("chooseCall")}</legend>
          <Table data-testid="calls">
            <TableHeader>
              <TableRow>
                <TableHead><span className="sr-only">{t("select")}</span></TableHead>
                <TableHead>{t("phone")}</TableHead>
                <TableHead>{t("customer")}</TableHead>
                <TableHead>{t("startedAt")}</TableHead>
                <TableHead>{t("duration")}</TableHead>
                <TableHead>{t("disposition")}</TableHead>
                <TableHead>{t("queue")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {calls.map((c) => {
                const id = `call-${c.id}`;
                return (
                  <TableRow key={c.id} data-testid="call-row">
                    <TableCell>
                      <input id={id} type="radio" name="callId" value={c.id} defaultChecked={c.id === selectedId} className="size-4 accent-primary" />
                    </TableCell>
                    <TableCell className="tabular-nums">
                      <label htmlFor={id}>{formatPhone(c.caller) || c.caller}</label>
                    </TableCell>
                    <TableCell>
                      {c.customerName ? (
                        <span className="inline-flex items-center gap-1.5">
                          <UserCheck className="size-4 text-emerald-600" aria-label={t("registered")} />
                          {c.customerName}
                          {c.contactName && c.contactName !== c.customerName && <span className="text-muted-foreground">({c.contactName})</span>}
                        </span>
                      ) : (
                        <span className="inline-flex items-center gap-1.5 text-muted-foreground">
                          <UserX className="size-4" aria-hidden />
                          {t("unidentified")}
                        </span>
                      )}
                    </TableCell>
                    <TableCell className="tabular-nums">{c.startedAt}</TableCell>
                    <TableCell className="tabular-nums">{c.duration}</TableCell>
                    <TableCell>{t(`dispositions.${c.disposition.replace(" ", "_")}`)}</TableCell>
                    <TableCell>{c.queue ?? "—"}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </fieldset>
        <StepError errors={errors} name="callId" />
      </form>
      <WizardNav step={3} form="step-form" />
    </>
  );
}
