"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { cancelWizard } from "@/app/(app)/telefonico/actions";
import { Button } from "@/components/ui/button";
import { CopyButton } from "./copy-button";
import { useWizardAction } from "./use-wizard-action";

/** The ticket exists: its protocol, copyable, and the way to the next call. */
export function DoneStep({ ticketId, protocol }: { ticketId: string; protocol: string }) {
  const t = useTranslations("phone");
  const { run, pending } = useWizardAction();
  return (
    <div className="space-y-4" role="status">
      <p className="text-sm">{t("doneText")}</p>
      <p className="flex items-center gap-3">
        <span className="text-sm text-muted-foreground">{t("protocol")}</span>
        <span className="font-mono text-2xl font-semibold" data-testid="protocol">{protocol}</span>
        <CopyButton value={protocol} label={t("copyProtocol")} />
      </p>
      <div className="flex gap-2">
        <Button asChild variant="outline">
          <Link href={`/historico?ver=${ticketId}`}>{t("openHistory")}</Link>
        </Button>
        <Button disabled={pending} onClick={() => run(cancelWizard)}>{t("newAttendance")}</Button>
      </div>
    </div>
  );
}
