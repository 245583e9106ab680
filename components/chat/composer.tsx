"use client";

import { Paperclip, SendHorizontal } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { sendChat } from "@/app/(app)/conversas/actions";
import type { ActionResult } from "@/lib/actions/result";
import { ACCEPTED_ATTACHMENT_TYPES, checkAttachment } from "@/lib/tickets/attachment-rules";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { useActionToast } from "@/components/forms/use-action-toast";

/** The agent's text box. Enter sends, Shift+Enter breaks the line; disabled while the window is closed. */
export function Composer({ ticketId, disabled }: { ticketId: string; disabled: boolean }) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [pending, startTransition] = useTransition();
  const fileInput = useRef<HTMLInputElement>(null);

  function fail(error: string) {
    toastError(error);
  }

  function attach(file: File | undefined) {
    if (fileInput.current) fileInput.current.value = "";
    if (!file || disabled) return;
    // Checked here for a quick answer, and again on the server.
    const check = checkAttachment(file);
    if (!check.ok) return fail(check.error);
    const form = new FormData();
    form.set("ticketId", ticketId);
    form.set("clientMessageId", crypto.randomUUID());
    form.set("file", file);
    startTransition(async () => {
      // A route of its own (app/api/conversas/anexos): server actions cannot take files this large.
      const response = await fetch("/api/conversas/anexos", { method: "POST", body: form }).catch(() => null);
      const result = ((await response?.json().catch(() => null)) ?? {
        ok: false,
        error: response?.status === 413 ? "attachment_too_large" : "unexpected",
      }) as ActionResult<unknown>;
      if (!result.ok) return fail(result.error);
      toast.success(t("chat.attached"));
      router.refresh();
    });
  }

  function send() {
    const text = body.trim();
    if (!text || disabled) return;
    startTransition(async () => {
      const result = await sendChat({ ticketId, body: text, clientMessageId: crypto.randomUUID() });
      if (!result.ok) {
        toastError(result.error);
        return;
      }
      setBody("");
      router.refresh();
    });
  }

  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor="composer" className="sr-only">
        {t("chat.composerPlaceholder")}
      </label>
      <Textarea
        id="composer"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            send();
          }
        }}
        disabled={disabled || pending}
        placeholder={disabled ? t("chat.composerDisabled") : t("chat.composerPlaceholder")}
        rows={2}
        maxLength={4096}
      />
      <input
        ref={fileInput}
        type="file"
        className="sr-only"
        accept={ACCEPTED_ATTACHMENT_TYPES}
        aria-label={t("chat.attach")}
        tabIndex={-1}
        onChange={(e) => attach(e.target.files?.[0])}
        disabled={disabled || pending}
        data-testid="attachment-input"
      />
      <Button type="button" variant="outline" disabled={disabled || pending} aria-label={t("chat.attach")} onClick={() => fileInput.current?.click()}>
        <Paperclip className="size-4" aria-hidden />
      </Button>
      <Button type="submit" disabled={disabled || pending || !body.trim()} aria-label={t("chat.send")}>
        <SendHorizontal className="size-4" aria-hidden />
      </Button>
    </form>
  );
}
