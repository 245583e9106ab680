"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { cancelAppointment, rescheduleAppointment } from "@/app/(app)/atendimento/actions";
import { ActionForm, useFieldErrors } from "@/components/forms/action-form";
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
import { Dialog, DialogContent, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SlotPicker, type SlotDay } from "./slot-picker";
import { useActionToast } from "@/components/forms/use-action-toast";

function RescheduleSlots({ days }: { days: SlotDay[] }) {
  return <SlotPicker days={days} errors={useFieldErrors("slot")} idPrefix="reschedule" />;
}

export function AppointmentActions({ appointmentId, days }: { appointmentId: string; days: SlotDay[] }) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  function cancel() {
    startTransition(async () => {
      const result = await cancelAppointment({ appointmentId });
      if (result.ok) {
        toast.success(t("card.cancelled"));
        router.refresh();
      } else toastError(result.error);
    });
  }

  return (
    <div className="flex gap-2">
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button size="sm" variant="outline">{t("card.reschedule")}</Button>
        </DialogTrigger>
        <DialogContent closeLabel={t("common.cancel")}>
          <DialogHeader>
            <DialogTitle>{t("card.rescheduleTitle")}</DialogTitle>
          </DialogHeader>
          <ActionForm action={rescheduleAppointment} onSuccess={() => setOpen(false)}>
            <input type="hidden" name="appointmentId" value={appointmentId} />
            <RescheduleSlots days={days} />
          </ActionForm>
        </DialogContent>
      </Dialog>
      <AlertDialog>
        <AlertDialogTrigger asChild>
          <Button size="sm" variant="ghost" disabled={pending}>{t("card.cancel")}</Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("card.cancel")}</AlertDialogTitle>
            <AlertDialogDescription>{t("card.cancelConfirm")}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("card.keep")}</AlertDialogCancel>
            <AlertDialogAction onClick={cancel}>{t("card.confirmCancel")}</AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
