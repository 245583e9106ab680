"use client";

import { SendHorizontal } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { sendChat } from "@/app/(app)/conversas/actions";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";

/** The agent's text box. Enter sends, Shift+Enter breaks the line; disabled while the window is closed. */
export function Composer({ ticketId, disabled }: { ticketId: string; disabled: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [pending, startTransition] = useTransition();

  function send() {
    const text = body.trim();
    if (!text || disabled) return;
    startTransition(async () => {
      const result = await sendChat({ ticketId, body: text, clientMessageId: crypto.randomUUID() });
      if (!result.ok) {
        toast.error(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unexpected"));
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
      <Button type="submit" disabled={disabled || pending || !body.trim()} aria-label={t("chat.send")}>
        <SendHorizontal className="size-4" aria-hidden />
      </Button>
    </form>
  );
}
