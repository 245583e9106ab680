"use client";

import { AlertCircle, Check, CheckCheck, Clock, ExternalLink, FileText, Image as ImageIcon, List, MapPin, Music, Reply, Video } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { cn } from "@/lib/cn";

export type SimulatorMessageView = {
  id: string;
  direction: "in" | "out";
  type: string;
  body: string | null;
  interactive: Record<string, unknown> | null;
  media: Record<string, unknown> | null;
  wamid: string | null;
  status: "queued" | "sent" | "delivered" | "read" | "failed" | "received";
  errorCode: number | null;
  errorTitle: string | null;
  /** Already formatted in the company's time zone. */
  time: string;
};

/** What the customer tapped, answering the message `contextWamid`. */
export type SimulatorTap = {
  type: "button_reply" | "list_reply" | "template_button";
  text: string;
  replyId?: string;
  description?: string;
  contextWamid: string | null;
};

type Props = { message: SimulatorMessageView; disabled: boolean; onTap: (tap: SimulatorTap) => void };

const text = (value: unknown) => (typeof value === "string" ? value : "");
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === "object") : [];

const MEDIA_ICONS = { image: ImageIcon, document: FileText, audio: Music, video: Video, sticker: ImageIcon, location: MapPin } as const;
type MediaKind = keyof typeof MEDIA_ICONS;
const isMediaKind = (kind: string): kind is MediaKind => kind in MEDIA_ICONS;

function MediaChip({ media, type }: { media: Record<string, unknown> | null; type: string }) {
  const t = useTranslations("simulator.media");
  const kind = text(media?.kind) || type;
  if (!isMediaKind(kind)) return null;
  const Icon = MEDIA_ICONS[kind];
  const name = text(media?.fileName) || text(media?.name) || t(kind);
  return (
    <span className="mb-1 flex items-center gap-2 rounded-md bg-black/5 px-2 py-1.5 text-sm" data-media={kind}>
      <Icon aria-hidden className="size-4 shrink-0 text-neutral-700" />
      <span className="truncate">{name}</span>
      <span className="sr-only">({t(kind)})</span>
    </span>
  );
}

function StatusTick({ message }: { message: SimulatorMessageView }) {
  const t = useTranslations("simulator.status");
  const tick = (label: string, Icon: typeof Check, className: string) => (
    <span role="img" aria-label={label} title={label} className="inline-flex">
      <Icon aria-hidden className={cn("size-3.5", className)} />
    </span>
  );
  switch (message.status) {
    case "queued":
      return tick(t("queued"), Clock, "text-neutral-600");
    case "sent":
      return tick(t("sent"), Check, "text-neutral-600");
    case "delivered":
      return tick(t("delivered"), CheckCheck, "text-neutral-600");
    case "read":
      return tick(t("read"), CheckCheck, "text-sky-600");
    case "failed": {
      const label = message.errorCode ? t("failedCode", { code: message.errorCode }) : t("failed");
      return (
        <span className="inline-flex items-center gap-1 text-red-700" title={message.errorTitle ?? undefined}>
          <AlertCircle aria-hidden className="size-3.5" />
          <span className="text-[11px]">{label}</span>
        </span>
      );
    }
    default:
      return null;
  }
}

/** "Ver opções": the rows of a list message, revealed on tap. */
function ListOptions({ message, disabled, onTap }: Props) {
  const t = useTranslations("simulator");
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rows = list(message.interactive?.rows);
  const buttonText = text(message.interactive?.buttonText);
  return (
    <div className="mt-1 border-t border-black/10 pt-1">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-center gap-2 rounded py-1.5 text-sm font-medium text-[#027eb5] hover:bg-black/5 focus-visible:ring-2 focus-visible:ring-[#075e54] focus-visible:outline-none"
      >
        <List aria-hidden className="size-4" />
        {/* As on a phone, the list's button shows the company's text ("Ver dias"). */}
        {open ? t("hideOptions") : buttonText || t("viewOptions")}
      </button>
      {open && (
        <div id={panelId} className="mt-1 space-y-1">
          <ul className="space-y-1">
            {rows.map((row) => (
              <li key={text(row.id)}>
                <button
                  type="button"
                  disabled={disabled}
                  onClick={() =>
                    onTap({
                      type: "list_reply",
                      text: text(row.title),
                      replyId: text(row.id),
                      description: text(row.description) || undefined,
                      contextWamid: message.wamid,
                    })
                  }
                  className="w-full rounded-md border border-black/10 bg-white px-3 py-2 text-left text-sm hover:bg-neutral-50 focus-visible:ring-2 focus-visible:ring-[#075e54] focus-visible:outline-none disabled:opacity-60"
                >
                  <span className="block font-medium">{text(row.title)}</span>
                  {text(row.description) && <span className="block text-xs text-neutral-700">{text(row.description)}</span>}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function ReplyButton({ label, disabled, onClick }: { label: string; disabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={onClick}
      className="flex w-full items-center justify-center gap-2 rounded py-1.5 text-sm font-medium text-[#027eb5] hover:bg-black/5 focus-visible:ring-2 focus-visible:ring-[#075e54] focus-visible:outline-none disabled:opacity-60"
    >
      <Reply aria-hidden className="size-4" />
      {label}
    </button>
  );
}

/**
 * One message as the customer's phone shows it. The company's (outbound) messages sit on the left as
 * received — templates with their quick replies, reply buttons, lists, media — with their delivery tick;
 * the customer's own messages on the right.
 */
export function MessageBubble({ message, disabled, onTap }: Props) {
  const t = useTranslations("simulator");
  const fromCompany = message.direction === "out";
  const kind = text(message.interactive?.type);

  const templateButtons = message.type === "template" ? list(message.interactive?.buttons) : [];
  const replyButtons = message.type === "buttons" || kind === "button" ? list(message.interactive?.buttons) : [];
  const isList = fromCompany && (message.type === "list" || kind === "list");
  const isReply = !fromCompany && ["button_reply", "list_reply", "template_button"].includes(kind);

  return (
    <div className={cn("flex", fromCompany ? "justify-start" : "justify-end")} data-from={fromCompany ? "company" : "customer"} data-message-id={message.id}>
      <div
        className={cn(
          "max-w-[85%] rounded-lg px-3 py-1.5 text-sm shadow-sm",
          fromCompany ? "rounded-tl-none bg-white" : "rounded-tr-none bg-[#d9fdd3]",
        )}
      >
        <span className="sr-only">{fromCompany ? t("fromCompany") : t("fromCustomer")}: </span>
        <MediaChip media={message.media} type={message.type} />
        {isReply && (
          <span className="mb-0.5 flex items-center gap-1 text-[11px] text-neutral-700">
            <Reply aria-hidden className="size-3" />
            {t("tapped")}
          </span>
        )}
        {message.body && <p className="break-words whitespace-pre-wrap">{message.body}</p>}

        <div className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-neutral-700">
          <span>{message.time}</span>
          {fromCompany && <StatusTick message={message} />}
        </div>

        {fromCompany && templateButtons.length > 0 && (
          <div className="mt-1 divide-y divide-black/10 border-t border-black/10">
            {templateButtons.map((b, i) =>
              text(b.type) === "URL" ? (
                <span key={i} className="flex items-center justify-center gap-2 py-1.5 text-sm font-medium text-[#027eb5]">
                  <ExternalLink aria-hidden className="size-4" />
                  {text(b.text)}
                </span>
              ) : (
                <ReplyButton
                  key={i}
                  label={text(b.text)}
                  disabled={disabled}
                  onClick={() => onTap({ type: "template_button", text: text(b.text), contextWamid: message.wamid })}
                />
              ),
            )}
          </div>
        )}

        {fromCompany && replyButtons.length > 0 && (
          <div className="mt-1 divide-y divide-black/10 border-t border-black/10">
            {replyButtons.map((b) => (
              <ReplyButton
                key={text(b.id)}
                label={text(b.title)}
                disabled={disabled}
                onClick={() => onTap({ type: "button_reply", text: text(b.title), replyId: text(b.id), contextWamid: message.wamid })}
              />
            ))}
          </div>
        )}

        {isList && <ListOptions message={message} disabled={disabled} onTap={onTap} />}
      </div>
    </div>
  );
}
