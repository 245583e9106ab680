"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { addHoliday, removeHoliday } from "@/app/(app)/admin/calendar/actions";
import { ActionForm } from "@/components/forms/action-form";
import { TextField } from "@/components/forms/fields";
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
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useActionToast } from "@/components/forms/use-action-toast";

type Holiday = { id: string; date: string; name: string };

/** The company's holidays (date already as dd/MM/yyyy): add one, or remove one after a confirmation. */
export function HolidayList({ companyId, holidays }: { companyId: string; holidays: Holiday[] }) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Remounting the add form after a success clears what was typed.
  const [formKey, setFormKey] = useState(0);

  function remove(holiday: Holiday) {
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof removeHoliday>>;
      try {
        result = await removeHoliday({ id: holiday.id });
      } catch {
        result = { ok: false, error: "unexpected" };
      }
      if (!result.ok) toastError(result.error);
      else toast.success(t("calendar.holidayRemoved", { name: holiday.name }));
      router.refresh();
    });
  }

  return (
    <div className="space-y-6">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("calendar.holidayDate")}</TableHead>
            <TableHead>{t("calendar.holidayName")}</TableHead>
            <TableHead>
              <span className="sr-only">{t("common.actions")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {holidays.length === 0 && (
            <TableRow>
              <TableCell colSpan={3} className="text-center text-muted-foreground">
                {t("calendar.noHolidays")}
              </TableCell>
            </TableRow>
          )}
          {holidays.map((h) => (
            <TableRow key={h.id}>
              <TableCell className="tabular-nums">{h.date}</TableCell>
              <TableCell>{h.name}</TableCell>
              <TableCell className="text-right">
                <AlertDialog>
                  <AlertDialogTrigger asChild>
                    <Button variant="ghost" size="sm" disabled={pending}>
                      {t("calendar.removeHoliday")}
                      <span className="sr-only"> — {h.name} ({h.date})</span>
                    </Button>
                  </AlertDialogTrigger>
                  <AlertDialogContent>
                    <AlertDialogHeader>
                      <AlertDialogTitle>{t("calendar.removeHolidayTitle")}</AlertDialogTitle>
                      <AlertDialogDescription>{t("calendar.removeHolidayText", { name: h.name, date: h.date })}</AlertDialogDescription>
                    </AlertDialogHeader>
                    <AlertDialogFooter>
                      <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
                      <AlertDialogAction variant="destructive" onClick={() => remove(h)}>
                        {t("calendar.removeHoliday")}
                      </AlertDialogAction>
                    </AlertDialogFooter>
                  </AlertDialogContent>
                </AlertDialog>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <section aria-labelledby="holiday-new" className="space-y-3">
        <h3 id="holiday-new" className="text-sm font-medium">
          {t("calendar.newHoliday")}
        </h3>
        <ActionForm
          key={formKey}
          action={addHoliday}
          onSuccess={() => setFormKey((k) => k + 1)}
          successMessage="created" submitLabel={t("calendar.addHoliday")} className="max-w-2xl">
          <input type="hidden" name="companyId" value={companyId} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="date" label={t("calendar.holidayDate")} type="date" required />
            <TextField name="name" label={t("calendar.holidayName")} required placeholder={t("calendar.holidayNamePlaceholder")} />
          </div>
        </ActionForm>
      </section>
    </div>
  );
}
