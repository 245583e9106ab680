"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { syncTemplates } from "@/app/(app)/admin/templates/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/use-action-runner";

/** Cloud provider: reads the templates from Meta into the current company. */
export function TemplateSyncButton({ companyId }: { companyId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, run } = useActionRunner();

  function sync() {
    void run(() => syncTemplates({ companyId }), {
      success: (data) => t("templates.synced", { count: data.received }),
      onSuccess: () => router.refresh(),
    });
  }

  return (
    <Button onClick={sync} disabled={pending}>
      <RefreshCw aria-hidden className={pending ? "animate-spin" : undefined} />
      {pending ? t("templates.syncing") : t("templates.sync")}
    </Button>
  );
}
