"use client";

import { useTranslations } from "next-intl";
import { linkCustomer } from "@/app/(app)/telefonico/actions";
import { Button } from "@/components/ui/button";
import { useWizardAction } from "./use-wizard-action";

/** Links the unidentified number of the call to this customer. */
export function LinkCustomerButton({ customerId, name }: { customerId: string; name: string }) {
  const t = useTranslations("phone");
  const { run, pending } = useWizardAction();
  return (
    <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={() => run(linkCustomer, { customerId })}>
      {t("link")}
      <span className="sr-only"> {name}</span>
    </Button>
  );
}
