"use client";

import { useTranslations } from "next-intl";
import { chooseContact } from "@/app/(app)/telefonico/actions";
import { formDataToObject } from "@/components/forms/form-data";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { StepError } from "./field-errors";
import { useWizardAction } from "./use-wizard-action";
import { WizardNav } from "./wizard-nav";

/** 4. Dados do Cliente → Nome Contato and Avançar (the customer's data is rendered around it). */
export function ContactStepForm({ contacts, contactId, hasCustomer, children }: {
  contacts: { id: string; label: string }[];
  contactId: string | null;
  hasCustomer: boolean;
  children?: React.ReactNode;
}) {
  const t = useTranslations("phone");
  const { run, errors } = useWizardAction();
  return (
    <>
      <form
        id="step-form"
        className="space-y-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          run(chooseContact, formDataToObject(new FormData(e.currentTarget)));
        }}
      >
        {hasCustomer && (
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-64 space-y-1.5">
              <Label htmlFor="w-contact">{t("contactName")}</Label>
              <NativeSelect id="w-contact" name="contactId" defaultValue={contactId ?? contacts[0]?.id ?? ""} key={contacts.map((c) => c.id).join()}>
                {contacts.length === 0 && <option value="">{t("noContacts")}</option>}
                {contacts.map((c) => (
                  <option key={c.id} value={c.id}>{c.label}</option>
                ))}
              </NativeSelect>
            </div>
          </div>
        )}
        <StepError errors={errors} name="contactId" />
        <StepError errors={errors} name="customerId" />
      </form>
      {/* Outside the form: the Contato dialog has a form of its own (React events bubble through portals). */}
      {children}
      <WizardNav step={4} form="step-form" />
    </>
  );
}
