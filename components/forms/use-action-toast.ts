"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { toast } from "sonner";

/**
 * How every client component tells the user that an action failed: the result's code as its pt-BR/en message
 * (errors.<code>; "unexpected" for a code the catalog does not know), in an error toast.
 */
export function useActionToast() {
  const t = useTranslations();
  const errorMessage = useCallback((code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.unexpected")), [t]);
  const toastError = useCallback((code: string) => toast.error(errorMessage(code)), [errorMessage]);
  return { errorMessage, toastError };
}
