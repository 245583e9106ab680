import { AlertTriangle, Check, CheckCheck, Clock, Paperclip } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { formatDateTime } from "@/lib/dates";
import { cn } from "@/lib/cn";

type Message = {
  id: string;
  direction: "in" | "out";
  author: "customer" | "agent" | "bot" | "system";
  authorName: string | null;
  type: string;
  body: string | null;
  templateName: string | null;
  interactive: unknown;
  media: unknown;
  status: string;
  errorCode: number | null;
  errorTitle: string | null;
  createdAt: Date;
};

function StatusIcon({ status }: { status: string }) {
  if (status === "queued") return <Clock className="size-3" aria-hidden />;
  if (status === "sent") return <Check className="size-3" aria-hidden />;
  if (status === "delivered") return <CheckCheck className="size-3" aria-hidden />;
  if (status === "read") return <CheckCheck className="size-3 text-sky-600 dark:text-sky-400" aria-hidden />;
  if (status === "failed") return <AlertTriangle className="size-3 text-destructive" aria-hidden />;
  return null;
}

function buttonsOf(interactive: unknown): string[] {
  if (!interactive || typeof interactive !== "object") return [];
  const value = interactive as { buttons?: { title?: string; text?: string }[]; rows?: { title?: string }[] };
  return [...(value.buttons ?? []).map((b) => b.title ?? b.text ?? ""), ...(value.rows ?? []).map((r) => r.title ?? "")].filter(Boolean);
}

/** Customer on the left, the agent's and automatic messages on the right, the sender above each (seed 004). */
export async function MessageList({
  messages,
  notes = [],
  timeZone,
  customerLabel,
}: {
  messages: Message[];
  /** Internal notes, interleaved by time in a style of their own (staff only, never sent). */
  notes?: { id: string; body: string; authorName: string; createdAt: Date }[];
  timeZone: string;
  customerLabel: string;
}) {
  const t = await getTranslations("chat");
  // Notes are in time order: each message is preceded by the notes written before it.
  let shown = 0;
  const notesUpTo = (at: Date | null) => {
    const start = shown;
    while (shown < notes.length && (!at || notes[shown].createdAt <= at)) shown++;
    return notes.slice(start, shown).map((n) => (
      <li key={`note-${n.id}`} className="flex flex-col items-center" data-note>
        <div className="w-[85%] rounded-lg border border-dashed border-amber-500 bg-amber-50 px-3 py-2 text-sm whitespace-pre-wrap dark:bg-amber-950/40">
          <p className="mb-0.5 text-xs font-medium text-amber-800 dark:text-amber-300">{t("noteBy", { name: n.authorName })}</p>
          <p>{n.body}</p>
          <p className="mt-1 text-right text-[11px] text-muted-foreground tabular-nums">{formatDateTime(n.createdAt, timeZone)}</p>
        </div>
      </li>
    ));
  };
  return (
    <ol className="space-y-3" data-testid="chat-messages" aria-live="polite">
      {messages.map((m) => (
        <Fragment key={m.id}>
          {notesUpTo(m.createdAt)}
          {renderMessage(m)}
        </Fragment>
      ))}
      {notesUpTo(null)}
    </ol>
  );

  function renderMessage(m: Message) {
        const outbound = m.direction === "out";
        const sender = m.author === "customer" ? customerLabel : m.author === "agent" ? (m.authorName ?? "") : t(`authors.${m.author}`);
        const buttons = buttonsOf(m.interactive);
        return (
          <li key={m.id} className={cn("flex flex-col", outbound ? "items-end" : "items-start")} data-direction={m.direction}>
            <span className="mb-0.5 text-xs font-medium text-muted-foreground">{sender}</span>
            <div
              className={cn(
                "max-w-[75%] rounded-lg px-3 py-2 text-sm whitespace-pre-wrap shadow-xs",
                outbound ? "bg-primary/10 text-foreground" : "border bg-card",
                m.status === "failed" && "border border-destructive",
              )}
            >
              {m.templateName && <p className="mb-1 text-xs text-muted-foreground">{t("templateLabel", { name: m.templateName })}</p>}
              {m.media ? (
                <p className="flex items-center gap-1">
                  <Paperclip className="size-4" aria-hidden /> {(m.media as { fileName?: string }).fileName ?? m.body ?? t("media")}
                </p>
              ) : (
                <p>{m.body}</p>
              )}
              {buttons.length > 0 && (
                <ul className="mt-2 flex flex-wrap gap-1">
                  {buttons.map((b) => (
                    <li key={b} className="rounded border px-2 py-0.5 text-xs">
                      {b}
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-1 flex items-center justify-end gap-1 text-[11px] text-muted-foreground tabular-nums">
                {formatDateTime(m.createdAt, timeZone)}
                {outbound && (
                  <span className="inline-flex items-center gap-0.5" title={t(`status.${m.status}`)}>
                    <StatusIcon status={m.status} />
                    <span className="sr-only">{t(`status.${m.status}`)}</span>
                  </span>
                )}
              </p>
              {m.status === "failed" && (
                <p className="mt-1 text-xs text-destructive" role="status">
                  {m.errorCode ? `${m.errorCode} · ` : ""}
                  {m.errorTitle}
                </p>
              )}
            </div>
          </li>
        );
  }
}
