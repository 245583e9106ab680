"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { syncTemplates } from "@/app/(app)/admin/templates/actions";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { useActionToast } from "@/components/forms/use-action-toast";

/** Cloud provider: reads the templates from Meta into the current company. */
export function TemplateSyncButton({ companyId }: { companyId: string }) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function sync() {
    startTransition(async () => {
      let result: ActionResult<{ received: number; created: number; updated: number }>;
      try {
        result = await syncTemplates({ companyId });
      } catch {
        result = { ok: false, error: "unexpected" };
      }
      if (!result.ok) {
        toastError(result.error);
        return;
      }
      toast.success(t("templates.synced", { count: result.data.received }));
      router.refresh();
    });
  }

  return (
    <Button onClick={sync} disabled={pending}>
      <RefreshCw aria-hidden className={pending ? "animate-spin" : undefined} />
      {pending ? t("templates.syncing") : t("templates.sync")}
    </Button>
  );
}
