"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveContact } from "@/app/(app)/clientes/actions";
import { ActionForm } from "@/components/forms/action-form";
import { FieldGroup, SwitchField, TextField } from "@/components/forms/fields";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { formatPhone } from "@/lib/customers/phone";
import { CONTACT_REACHABLE } from "@/lib/customers/schema";

export type ContactValues = {
  id: string;
  name: string;
  contactType: string | null;
  position: string | null;
  phone: string | null;
  fax: string | null;
  mobile: string | null;
  email: string | null;
  whatsapp: string | null;
  mobileInvalid: boolean;
};

/** Add or edit a contact in a dialog; the rule "one of Cargo, Fone, Fax, Celular, E-mail" is explained up front. */
export function ContactDialog({ customerId, contact }: { customerId: string; contact?: ContactValues }) {
  const t = useTranslations("contacts");
  const tc = useTranslations("common");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {contact ? (
          <Button variant="ghost" size="sm" aria-label={`${tc("edit")} ${contact.name}`}>{tc("edit")}</Button>
        ) : (
          <Button size="sm">{t("new")}</Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-xl" closeLabel={tc("cancel")}>
        <DialogHeader>
          <DialogTitle>{contact ? t("edit") : t("new")}</DialogTitle>
          <DialogDescription>{t("ruleHint")}</DialogDescription>
        </DialogHeader>
        <ActionForm action={saveContact} successMessage={contact ? "saved" : "created"} onSuccess={() => setOpen(false)}>
          <input type="hidden" name="customerId" value={customerId} />
          {contact && <input type="hidden" name="id" value={contact.id} />}
          <TextField name="name" label={t("name")} defaultValue={contact?.name} required />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="contactType" label={t("contactType")} defaultValue={contact?.contactType} />
            <TextField name="whatsapp" label={t("whatsapp")} type="tel" defaultValue={formatPhone(contact?.whatsapp)} />
          </div>
          <FieldGroup name={CONTACT_REACHABLE} legend={t("reachableLegend")}>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField group={CONTACT_REACHABLE} name="position" label={t("position")} defaultValue={contact?.position} />
              <TextField group={CONTACT_REACHABLE} name="phone" label={t("phone")} type="tel" defaultValue={formatPhone(contact?.phone)} placeholder="(11) 3333-4444" />
              <TextField group={CONTACT_REACHABLE} name="fax" label={t("fax")} type="tel" defaultValue={formatPhone(contact?.fax)} />
              <TextField group={CONTACT_REACHABLE} name="mobile" label={t("mobile")} type="tel" defaultValue={formatPhone(contact?.mobile)} placeholder="(11) 99999-9999" />
            </div>
            <TextField group={CONTACT_REACHABLE} name="email" label={t("email")} type="email" defaultValue={contact?.email} />
          </FieldGroup>
          <SwitchField name="mobileInvalid" label={t("mobileInvalid")} defaultChecked={contact?.mobileInvalid} />
        </ActionForm>
      </DialogContent>
    </Dialog>
  );
}
