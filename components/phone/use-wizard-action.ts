"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/result";

type Action = (raw: unknown) => Promise<ActionResult<unknown>>;

/**
 * Runs a wizard action: the server checks the step and saves the draft, then the page re-renders the step
 * the draft is on. Field errors stay beside the fields; other errors are a toast (a stale tab refreshes).
 */
export function useWizardAction() {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]> | undefined>();

  function run(action: Action, values: unknown = {}, onDone?: () => void) {
    startTransition(async () => {
      let result: ActionResult<unknown>;
      try {
        result = await action(values);
      } catch {
        result = { ok: false, error: "unexpected" };
      }
      if (!result.ok) {
        setErrors(result.fieldErrors);
        if (!result.fieldErrors || result.error !== "invalid_input") toast.error(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unexpected"));
        if (result.error === "wizard_stale") router.refresh();
        return;
      }
      setErrors(undefined);
      onDone?.();
      router.refresh();
    });
  }
  return { run, pending, errors };
}
