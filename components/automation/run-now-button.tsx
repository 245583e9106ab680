"use client";

import { Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { runJobNow } from "@/app/(app)/automacao/actions";
import { Button } from "@/components/ui/button";
import type { JobKey } from "@/lib/jobs/registry";
import { useActionToast } from "@/components/forms/use-action-toast";

export function RunNowButton({ job, label }: { job: JobKey; label: string }) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      disabled={pending}
      aria-label={`${t("automation.runNow")}: ${label}`}
      onClick={() =>
        startTransition(async () => {
          const result = await runJobNow({ job });
          if (!result.ok) {
            toastError(result.error);
            return;
          }
          toast.success(t("automation.ran", { name: label, ...result.data }));
          router.refresh();
        })
      }
    >
      <Play className="size-4" aria-hidden />
      {pending ? t("automation.running") : t("automation.runNow")}
    </Button>
  );
}
