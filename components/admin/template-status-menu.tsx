"use client";

import { ChevronDown } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { setTemplateStatus } from "@/app/(app)/admin/templates/actions";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { ActionResult } from "@/lib/actions/result";
import { useActionToast } from "@/components/forms/use-action-toast";

type Status = "APPROVED" | "PENDING" | "REJECTED";
const STATUSES: Status[] = ["APPROVED", "PENDING", "REJECTED"];

/** Sandbox only: approve, reject or put back to pending by hand, as Meta's review would. */
export function TemplateStatusMenu({ id, name, status }: { id: string; name: string; status: Status }) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function change(next: string) {
    if (next === status) return;
    startTransition(async () => {
      let result: ActionResult<unknown>;
      try {
        result = await setTemplateStatus({ id, status: next });
      } catch {
        result = { ok: false, error: "unexpected" };
      }
      if (!result.ok) {
        toastError(result.error);
        return;
      }
      toast.success(t("templates.statusChanged", { name, status: t(`templates.statuses.${next as Status}`) }));
      router.refresh();
    });
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" disabled={pending}>
          {t("templates.setStatus")}
          <span className="sr-only"> — {name}</span>
          <ChevronDown aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>{t("templates.status")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={status} onValueChange={change}>
          {STATUSES.map((s) => (
            <DropdownMenuRadioItem key={s} value={s}>
              {t(`templates.statuses.${s}`)}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
