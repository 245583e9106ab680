"use client";

import { Pencil, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import type { ScheduledActionOptions } from "@/lib/scheduled-actions/queries";
import { ScheduledActionForm, type FormInitial } from "./scheduled-action-form";

/** Novo agendamento, or Editar on a pending one: the form in a dialog. */
export function ScheduledActionDialog({ companyId, options, initial }: { companyId: string; options: ScheduledActionOptions; initial?: FormInitial }) {
  const t = useTranslations("scheduling");
  const [open, setOpen] = useState(false);
  const editing = !!initial?.id;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {editing ? (
          <Button variant="outline" size="sm">
            <Pencil className="size-4" aria-hidden />
            {t("edit")}
          </Button>
        ) : (
          <Button>
            <Plus className="size-4" aria-hidden />
            {t("new")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>{editing ? t("editTitle") : t("new")}</DialogTitle>
          <DialogDescription>{t("formHint")}</DialogDescription>
        </DialogHeader>
        {open && <ScheduledActionForm companyId={companyId} options={options} initial={initial} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}
