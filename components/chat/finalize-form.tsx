"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { finalizeTicket } from "@/app/(app)/conversas/actions";
import { FieldError } from "@/components/forms/field-error";
import { formDataToObject } from "@/components/forms/form-data";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { useActionToast } from "@/components/forms/use-action-toast";

type Props = { ticketId: string; reasons: { id: string; name: string }[]; required: boolean };

/** "Qualificar Atendimento" → "Finalizar Atendimento", with the success notices of seed 001. */
export function FinalizeForm({ ticketId, reasons, required }: Props) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>();
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formDataToObject(new FormData(event.currentTarget));
    startTransition(async () => {
      const result = await finalizeTicket({ ...values, ticketId });
      if (!result.ok) {
        setErrors(result.fieldErrors);
        toastError(result.error);
        return;
      }
      if (result.data.qualified) toast.success(t("chat.qualified"));
      if (result.data.described) toast.success(t("chat.described"));
      toast.success(t("chat.finished"));
      router.push("/conversas");
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label={t("chat.qualify")}>
      <h2 className="font-semibold">{t("chat.qualify")}</h2>
      {required && <p className="text-xs text-muted-foreground">{t("chat.requiredByCompany")}</p>}
      <div className="space-y-1.5">
        <Label htmlFor="close-reason">{t("chat.reason")}</Label>
        <NativeSelect id="close-reason" name="contactReasonId" defaultValue="" aria-invalid={!!errors?.contactReasonId || undefined}>
          <option value="">{t("chat.noReason")}</option>
          {reasons.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </NativeSelect>
        <FieldError errors={errors?.contactReasonId} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="close-description">{t("chat.description")}</Label>
        <Textarea id="close-description" name="description" rows={3} aria-invalid={!!errors?.description || undefined} />
        <FieldError errors={errors?.description} />
      </div>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">{t("chat.resolved")}</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="radio" name="resolved" value="sim" className="accent-primary" /> {t("chat.resolvedYes")}
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="resolved" value="nao" className="accent-primary" /> {t("chat.resolvedNo")}
          </label>
        </div>
        <FieldError errors={errors?.resolved} />
      </fieldset>
      <Button type="submit" className="w-full" disabled={pending}>
        {t("chat.finish")}
      </Button>
    </form>
  );
}
