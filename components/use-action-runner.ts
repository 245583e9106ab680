"use client";

import { useTranslations } from "next-intl";
import { useCallback, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/result";
import type { ErrorCode } from "@/lib/errors";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

export type RunOptions<T> = {
  /** The success toast: a message, or one made from the data (nothing: no toast). */
  success?: string | ((data: T) => string | undefined);
  /** Runs after a success (and its toast), still inside the transition. */
  onSuccess?: (data: T) => void;
  /** Runs after a failure (and its toast), still inside the transition. */
  onFailure?: (failure: Failure) => void;
  /** Codes the caller answers on its own, without the error toast; true for every code. */
  silent?: boolean | readonly ErrorCode[];
};

/**
 * Runs a server action in a transition (`pending` while it runs) and shows its result as a toast:
 * an error's message from the catalog ("errors.<code>", else "errors.unexpected"; a thrown call counts
 * as "unexpected"), and the caller's success message. Resolves with the result so the caller can react.
 */
export function useActionRunner() {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();

  /** Shows an error code as a toast: also for errors found before calling the action. */
  const showError = useCallback(
    (code: ErrorCode) => {
      toast.error(t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.unexpected"));
    },
    [t],
  );

  const run = useCallback(
    <T>(call: () => Promise<ActionResult<T>>, options: RunOptions<T> = {}): Promise<ActionResult<T>> =>
      new Promise((resolve) => {
        startTransition(async () => {
          let result: ActionResult<T>;
          try {
            result = await call();
          } catch {
            result = { ok: false, error: "unexpected" };
          }
          if (result.ok) {
            const message = typeof options.success === "function" ? options.success(result.data) : options.success;
            if (message) toast.success(message);
            options.onSuccess?.(result.data);
          } else {
            const silent = options.silent === true || (Array.isArray(options.silent) && options.silent.includes(result.error));
            if (!silent) showError(result.error);
            options.onFailure?.(result);
          }
          resolve(result);
        });
      }),
    [showError],
  );

  return { pending, run, showError };
}
