"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { rotatePbxKey } from "@/app/(app)/admin/telefonia/actions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { CopyButton } from "./copy-button";

/** The company's PBX key: its prefix and date, a new one shown once after Gerar / Gerar nova chave. */
export function PbxKeyPanel({ companyId, current }: { companyId: string; current: { prefix: string; createdAt: string } | null }) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useState<string | null>(null);

  function generate() {
    startTransition(async () => {
      const result = await rotatePbxKey({ companyId });
      if (!result.ok) {
        toast.error(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unexpected"));
        return;
      }
      setShown(result.data.key);
    });
  }

  return (
    <div className="space-y-4">
      <p className="text-sm" data-testid="pbx-key-status">
        {current ? t("phoneAdmin.keyCurrent", { prefix: current.prefix, date: current.createdAt }) : t("phoneAdmin.keyNone")}
      </p>
      {shown && (
        <Alert>
          <AlertTitle>{t("phoneAdmin.keyShownTitle")}</AlertTitle>
          <AlertDescription className="space-y-2">
            <p>{t("phoneAdmin.keyShownText")}</p>
            <Label htmlFor="pbx-key" className="sr-only">{t("phoneAdmin.keyTitle")}</Label>
            <div className="flex gap-2">
              <Input id="pbx-key" readOnly value={shown} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={shown} label={t("phone.copy")} />
            </div>
          </AlertDescription>
        </Alert>
      )}
      {current ? (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="outline" disabled={pending}>{t("phoneAdmin.rotate")}</Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>{t("phoneAdmin.rotateTitle")}</AlertDialogTitle>
              <AlertDialogDescription>{t("phoneAdmin.rotateText")}</AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
              <AlertDialogAction onClick={generate}>{t("phoneAdmin.rotate")}</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : (
        <Button onClick={generate} disabled={pending}>{t("phoneAdmin.generate")}</Button>
      )}
    </div>
  );
}
