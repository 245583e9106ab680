"use client";

import { Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { runJobNow } from "@/app/(app)/automacao/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/use-action-runner";
import type { JobKey } from "@/lib/jobs/registry";

export function RunNowButton({ job, label }: { job: JobKey; label: string }) {
  const t = useTranslations();
  const router = useRouter();
  const { pending, run } = useActionRunner();
  return (
    <Button
      size="sm"
      disabled={pending}
      aria-label={`${t("automation.runNow")}: ${label}`}
      onClick={() =>
        void run(() => runJobNow({ job }), {
          success: (data) => t("automation.ran", { name: label, ...data }),
          onSuccess: () => router.refresh(),
        })
      }
    >
      <Play className="size-4" aria-hidden />
      {pending ? t("automation.running") : t("automation.runNow")}
    </Button>
  );
}
