"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useContext, useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { cn } from "@/lib/cn";
import { FieldError } from "./field-error";
import { formDataToObject } from "./form-data";
import { useActionToast } from "@/components/forms/use-action-toast";

type FieldErrors = Record<string, string[]> | undefined;
const FormContext = createContext<{ errors: FieldErrors; idPrefix: string }>({ errors: undefined, idPrefix: "" });

export function useFieldErrors(name: string) {
  return useContext(FormContext).errors?.[name];
}

/** Element ids unique per form, so two forms on one page (a card and a dialog) keep their labels apart. */
export function useFieldId(name: string) {
  return `${useContext(FormContext).idPrefix}${name}`;
}

type Props = {
  action: (raw: unknown) => Promise<ActionResult<unknown>>;
  /** Where to go after success (and on Cancelar); without it the page refreshes in place. */
  redirectTo?: string;
  /** Where to go after success when it depends on what was saved (a new record's own page). */
  successHref?: (data: unknown) => string;
  successMessage?: "saved" | "created";
  submitLabel?: string;
  className?: string;
  children: React.ReactNode;
  onSuccess?: () => void;
};

/**
 * A form posting to one server action: shows the action's field errors beside the fields, a toast
 * for the outcome, and keeps what the user typed when anything fails.
 */
export function ActionForm({ action, redirectTo, successHref, successMessage = "saved", submitLabel, className, children, onSuccess }: Props) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>();
  const idPrefix = useId();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = formDataToObject(new FormData(event.currentTarget));
    startTransition(async () => {
      let result: ActionResult<unknown>;
      try {
        result = await action(values);
      } catch {
        result = { ok: false, error: "unexpected" };
      }
      if (!result.ok) {
        setFieldErrors(result.fieldErrors);
        toastError(result.error);
        return;
      }
      setFieldErrors(undefined);
      toast.success(t(`common.${successMessage}`));
      onSuccess?.();
      const next = successHref?.(result.data) ?? redirectTo;
      if (next) router.push(next);
      else router.refresh();
    });
  }

  return (
    <FormContext.Provider value={{ errors: fieldErrors, idPrefix }}>
      <form onSubmit={onSubmit} noValidate className={cn("space-y-4", className)} aria-busy={pending}>
        <FieldError errors={fieldErrors?._form} />
        {children}
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? t("common.saving") : (submitLabel ?? t("common.save"))}
          </Button>
          {redirectTo && (
            <Button type="button" variant="outline" onClick={() => router.push(redirectTo)}>
              {t("common.cancel")}
            </Button>
          )}
        </div>
      </form>
    </FormContext.Provider>
  );
}
