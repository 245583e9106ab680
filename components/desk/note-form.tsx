"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { addNote } from "@/app/(app)/conversas/desk-actions";
import { Button } from "@/components/ui/button";

/** Notas internas: staff only, shown in the timeline, never sent to the customer. */
export function NoteForm({ ticketId }: { ticketId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [body, setBody] = useState("");
  const submit = () =>
    startTransition(async () => {
      const result = await addNote({ ticketId, body });
      if (!result.ok) {
        toast.error(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unexpected"));
        return;
      }
      setBody("");
      router.refresh();
    });
  return (
    <section aria-labelledby="notes-title" className="space-y-2">
      <h2 id="notes-title" className="font-semibold">
        {t("desk.notes")}
      </h2>
      <label className="sr-only" htmlFor="note-body">
        {t("desk.noteLabel")}
      </label>
      <textarea
        id="note-body"
        className="min-h-16 w-full rounded-md border bg-background p-2 text-sm"
        placeholder={t("desk.notePlaceholder")}
        value={body}
        maxLength={4000}
        onChange={(e) => setBody(e.target.value)}
      />
      <Button size="sm" variant="outline" disabled={pending || !body.trim()} onClick={submit}>
        {t("desk.addNote")}
      </Button>
    </section>
  );
}
