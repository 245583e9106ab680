"use client";

import { SendHorizontal } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { sendSimulatorReply } from "@/app/(app)/simulador/actions";
import { FieldError } from "@/components/forms/field-error";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { MessageBubble, type SimulatorMessageView, type SimulatorTap } from "./message-bubble";
import { useActionToast } from "@/components/forms/use-action-toast";

type Props = {
  sender: { id: string; displayName: string; phone: string };
  customerPhone: string;
  /** Shown in the header. */
  contactName: string | null;
  /** Sent as the WhatsApp profile name; null lets the server keep the conversation's. */
  profileName: string | null;
  messages: SimulatorMessageView[];
};

/**
 * The customer's phone: the company's messages on the left as received, the customer's on the right,
 * and a composer. Every answer goes through the real webhook; the page refreshes after each one and
 * when the conversation's messages change (live events, see the page), so the company's replies show up
 * on their own.
 */
export function PhonePanel({ sender, customerPhone, contactName, profileName, messages }: Props) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<string[] | undefined>();
  const listRef = useRef<HTMLDivElement>(null);

  // Follow the newest message, like a chat does.
  const lastId = messages.at(-1)?.id;
  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [lastId]);

  function send(reply: { type: "text" | "button_reply" | "list_reply" | "template_button"; text: string; replyId?: string; description?: string; contextWamid?: string | null }, onSent?: () => void) {
    startTransition(async () => {
      let result: ActionResult<{ wamid: string }>;
      try {
        result = await sendSimulatorReply({
          senderNumberId: sender.id,
          customerPhone,
          contactName: profileName ?? undefined,
          type: reply.type,
          text: reply.text,
          replyId: reply.replyId,
          description: reply.description,
          contextWamid: reply.contextWamid ?? undefined,
        });
      } catch {
        result = { ok: false, error: "unexpected" };
      }
      if (!result.ok) {
        setErrors(result.fieldErrors?.text);
        toastError(result.error);
        return;
      }
      setErrors(undefined);
      onSent?.();
      router.refresh();
    });
  }

  function onTap(tap: SimulatorTap) {
    send(tap);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) {
      setErrors(["messageRequired"]);
      return;
    }
    send({ type: "text", text }, () => setText(""));
  }

  return (
    <section
      aria-label={t("simulator.phoneLabel", { phone: customerPhone })}
      className="mx-auto flex h-[min(78vh,44rem)] w-full max-w-md flex-col overflow-hidden rounded-[2rem] border-8 border-neutral-800 bg-[#efeae2] text-neutral-900 shadow-xl"
    >
      <header className="flex items-center gap-3 bg-[#075e54] px-4 py-3 text-white">
        <div aria-hidden className="flex size-9 items-center justify-center rounded-full bg-white/20 text-sm font-semibold">
          {sender.displayName.slice(0, 1)}
        </div>
        <div className="min-w-0">
          <p className="truncate font-semibold">{sender.displayName}</p>
          <p className="truncate text-xs text-white/85">
            {sender.phone} · {t("simulator.youAre", { name: contactName ?? customerPhone })}
          </p>
        </div>
      </header>

      <div ref={listRef} role="log" aria-label={t("simulator.messagesLabel")} aria-live="polite" className="flex-1 space-y-2 overflow-y-auto px-3 py-4">
        {messages.length === 0 && <p className="mx-auto max-w-xs rounded-lg bg-[#fff5c4] px-3 py-2 text-center text-xs text-neutral-800">{t("simulator.empty")}</p>}
        {messages.map((m) => (
          <MessageBubble key={m.id} message={m} disabled={pending} onTap={onTap} />
        ))}
      </div>

      <form onSubmit={onSubmit} noValidate className="border-t border-black/10 bg-[#f0f2f5] p-2">
        <div className="flex items-end gap-2">
          <label htmlFor="sim-message" className="sr-only">
            {t("simulator.message")}
          </label>
          <textarea
            id="sim-message"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
            rows={1}
            maxLength={4096}
            placeholder={t("simulator.messagePlaceholder")}
            aria-invalid={errors ? true : undefined}
            aria-describedby="sim-message-error"
            className="max-h-32 min-h-10 flex-1 resize-none rounded-2xl border border-black/10 bg-white px-4 py-2 text-sm text-neutral-900 outline-none placeholder:text-neutral-600 focus-visible:ring-2 focus-visible:ring-[#075e54]"
          />
          <Button type="submit" size="icon" disabled={pending} className="rounded-full bg-[#075e54] text-white hover:bg-[#0b7a6d]">
            <SendHorizontal aria-hidden />
            <span className="sr-only">{pending ? t("simulator.sending") : t("simulator.send")}</span>
          </Button>
        </div>
        <FieldError id="sim-message-error" errors={errors} />
      </form>
    </section>
  );
}
