import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, messages, senderNumbers } from "@/db/schema/whatsapp";
import { UserError } from "@/lib/actions/result";
import { mapGraphError, TRANSPORT_ERROR_CODE, WINDOW_CLOSED_CODE } from "./errors";
import type { OutboundPayload, SendResult, WhatsappGateway } from "./gateway";
import { isConversationWindowOpen } from "./window";

export type SendMessageInput = {
  conversationId: string;
  ticketId?: string | null;
  author: "agent" | "bot" | "system";
  authorUserId?: string | null;
  /** The purpose of the send ("invite:<agendaId>", "chat:<uuid>"): one message per key, ever. */
  idempotencyKey: string;
  payload: OutboundPayload;
};

export type SendMessageResult = {
  messageId: string;
  status: (typeof messages.$inferSelect)["status"];
  wamid?: string;
  errorCode?: number;
  errorTitle?: string;
  /** Failed for a reason that may pass (rate limit, provider down): retry later under a new key. */
  retryable?: boolean;
  /** True when the key was already used: nothing was sent by this call. */
  duplicate: boolean;
};

/** A queued row older than this whose sender vanished (crash between insert and send) may be claimed again. */
export const QUEUED_LEASE_MS = 2 * 60 * 1000;

// Cloud API limits.
const TEXT_MAX = 4096;
const BUTTON_BODY_MAX = 1024;
const BUTTONS_MAX = 3;
const BUTTON_TITLE_MAX = 20;
const BUTTON_ID_MAX = 256;
const LIST_ROWS_MAX = 10;
const LIST_ROW_TITLE_MAX = 24;
const LIST_ROW_ID_MAX = 200;
const LIST_ROW_DESCRIPTION_MAX = 72;
const LIST_BUTTON_MAX = 20;
const CAPTION_MAX = 1024;

/** Characters as a person counts them (an emoji is one). */
const length = (text: string) => [...text].length;
const within = (text: string | undefined, max: number) => !!text && text.trim() !== "" && length(text) <= max;
const unique = (ids: string[]) => new Set(ids).size === ids.length;

/**
 * The Cloud API's limits, checked before anything is recorded: reply buttons 1–3 (title ≤ 20), list rows
 * 1–10 (title ≤ 24, description ≤ 72, button text ≤ 20), unique ids; texts non-empty and within size.
 */
export function validateOutboundPayload(payload: OutboundPayload): void {
  switch (payload.type) {
    case "text":
      if (!within(payload.body, TEXT_MAX)) throw new UserError("invalid_message");
      return;
    case "template":
      if (!payload.name.trim() || !payload.language.trim()) throw new UserError("invalid_message");
      if (payload.params.some((p) => !p.trim() || /[\n\r\t]/.test(p) || / {5,}/.test(p))) throw new UserError("invalid_message");
      if (/\{\{\s*\d+\s*\}\}/.test(payload.renderedBody)) throw new UserError("invalid_message");
      return;
    case "buttons": {
      const ok =
        within(payload.body, BUTTON_BODY_MAX) &&
        payload.buttons.length >= 1 &&
        payload.buttons.length <= BUTTONS_MAX &&
        payload.buttons.every((b) => within(b.title, BUTTON_TITLE_MAX) && within(b.id, BUTTON_ID_MAX)) &&
        unique(payload.buttons.map((b) => b.id)) &&
        unique(payload.buttons.map((b) => b.title.trim()));
      if (!ok) throw new UserError("invalid_interactive");
      return;
    }
    case "list": {
      const ok =
        within(payload.body, TEXT_MAX) &&
        within(payload.buttonText, LIST_BUTTON_MAX) &&
        payload.rows.length >= 1 &&
        payload.rows.length <= LIST_ROWS_MAX &&
        payload.rows.every(
          (r) =>
            within(r.title, LIST_ROW_TITLE_MAX) &&
            within(r.id, LIST_ROW_ID_MAX) &&
            (r.description === undefined || r.description === "" || length(r.description) <= LIST_ROW_DESCRIPTION_MAX),
        ) &&
        unique(payload.rows.map((r) => r.id));
      if (!ok) throw new UserError("invalid_interactive");
      return;
    }
    case "media":
      if (!payload.mediaId.trim()) throw new UserError("invalid_message");
      if (payload.caption && length(payload.caption) > CAPTION_MAX) throw new UserError("invalid_message");
      return;
  }
}

/**
 * What the chat and the simulator render, stored on the row:
 * text → body; template → body (rendered), templateName, templateParams { language, params },
 * interactive { type: "template", buttons } when it has buttons; buttons → type "buttons", body,
 * interactive { type: "button", buttons: [{ id, title }] }; list → type "list", body,
 * interactive { type: "list", buttonText, rows }; media → type = kind (image, document, audio, video),
 * body = caption, media { kind, id, caption, fileName }.
 */
export function messageContent(payload: OutboundPayload) {
  switch (payload.type) {
    case "text":
      return { type: "text", body: payload.body };
    case "template":
      return {
        type: "template",
        body: payload.renderedBody,
        templateName: payload.name,
        templateParams: { language: payload.language, params: payload.params },
        interactive: payload.buttons?.length ? { type: "template", buttons: payload.buttons } : null,
      };
    case "buttons":
      return { type: "buttons", body: payload.body, interactive: { type: "button", buttons: payload.buttons } };
    case "list":
      return {
        type: "list",
        body: payload.body,
        interactive: { type: "list", buttonText: payload.buttonText, rows: payload.rows },
      };
    case "media":
      return {
        type: payload.kind,
        body: payload.caption ?? null,
        media: { kind: payload.kind, id: payload.mediaId, caption: payload.caption, fileName: payload.fileName },
      };
  }
}

type MessageRow = typeof messages.$inferSelect;

function resultOf(row: MessageRow, duplicate: boolean): SendMessageResult {
  return {
    messageId: row.id,
    status: row.status,
    ...(row.wamid ? { wamid: row.wamid } : {}),
    ...(row.errorCode !== null ? { errorCode: row.errorCode } : {}),
    ...(row.errorTitle ? { errorTitle: row.errorTitle } : {}),
    duplicate,
  };
}

type Target = { to: string; providerPhoneId: string };
type Prepared = { kind: "done"; row: MessageRow } | { kind: "send"; row: MessageRow; target: Target; duplicate: boolean };

/**
 * Sends one WhatsApp message, rows first: the message is recorded as `queued` under its
 * idempotency key before the provider is called, then moved to `sent` (with the wamid) or `failed`
 * (with the provider's code and title). The same key twice never sends twice: the second call returns
 * the first one's row. A row left `queued` by a crash is claimed again only after QUEUED_LEASE_MS.
 *
 * User errors: not_found (conversation), invalid_interactive / invalid_message (Cloud API limits),
 * window_closed (a free-form message more than 24 h after the customer's last one; templates are allowed).
 */
export async function sendMessage(
  db: Db,
  gateway: WhatsappGateway,
  input: SendMessageInput,
  now: Date = new Date(),
): Promise<SendMessageResult> {
  if (!input.idempotencyKey.trim()) throw new UserError("invalid_message");
  validateOutboundPayload(input.payload);
  const freeForm = input.payload.type !== "template";

  const prepared = await db.transaction(async (tx): Promise<Prepared> => {
    const [conversation] = await tx
      .select({
        id: conversations.id,
        customerPhone: conversations.customerPhone,
        lastInboundAt: conversations.lastInboundAt,
        windowClosedMarkedAt: conversations.windowClosedMarkedAt,
        providerPhoneId: senderNumbers.providerPhoneId,
      })
      .from(conversations)
      .innerJoin(senderNumbers, eq(senderNumbers.id, conversations.senderNumberId))
      .where(eq(conversations.id, input.conversationId));
    if (!conversation) throw new UserError("not_found");
    const target = { to: conversation.customerPhone, providerPhoneId: conversation.providerPhoneId };
    const windowOpen = isConversationWindowOpen(conversation, now);

    const [inserted] = await tx
      .insert(messages)
      .values({
        conversationId: input.conversationId,
        ticketId: input.ticketId ?? null,
        direction: "out",
        author: input.author,
        authorUserId: input.authorUserId ?? null,
        ...messageContent(input.payload),
        idempotencyKey: input.idempotencyKey,
        status: "queued",
        // For a queued row, status_at is the claim: who holds it since when.
        statusAt: now,
        createdAt: now,
      })
      .onConflictDoNothing({ target: messages.idempotencyKey })
      .returning();

    if (inserted) {
      // Refused before anything leaves: the transaction rolls back, so the key stays free.
      if (freeForm && !windowOpen) throw new UserError("window_closed");
      return { kind: "send", row: inserted, target, duplicate: false };
    }

    const [existing] = await tx.select().from(messages).where(eq(messages.idempotencyKey, input.idempotencyKey));
    if (!existing || existing.status !== "queued") {
      if (!existing) throw new Error(`message with idempotency key ${input.idempotencyKey} vanished`);
      return { kind: "done", row: existing };
    }
    // Still queued: in flight elsewhere (leave it) or abandoned by a crash (claim it and send).
    const [claimed] = await tx
      .update(messages)
      .set({ statusAt: now })
      .where(
        and(
          eq(messages.id, existing.id),
          eq(messages.status, "queued"),
          or(isNull(messages.statusAt), lt(messages.statusAt, new Date(now.getTime() - QUEUED_LEASE_MS))),
        ),
      )
      .returning();
    if (!claimed) return { kind: "done", row: existing };
    if (claimed.type !== "template" && !windowOpen) {
      const [failed] = await tx
        .update(messages)
        .set({ status: "failed", statusAt: now, errorCode: WINDOW_CLOSED_CODE, errorTitle: mapGraphError(WINDOW_CLOSED_CODE).title })
        .where(and(eq(messages.id, claimed.id), eq(messages.status, "queued")))
        .returning();
      return { kind: "done", row: failed ?? claimed };
    }
    return { kind: "send", row: claimed, target, duplicate: true };
  });

  if (prepared.kind === "done") return resultOf(prepared.row, true);
  const { row, target } = prepared;

  let outcome: SendResult;
  try {
    outcome = await gateway.send({ providerPhoneId: target.providerPhoneId }, target.to, input.payload);
  } catch (error) {
    const mapped = mapGraphError(TRANSPORT_ERROR_CODE);
    outcome = { ok: false, ...mapped, title: `${mapped.title}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) };
  }

  if (outcome.ok) {
    const [sent] = await db
      .update(messages)
      .set({ status: "sent", wamid: outcome.wamid, statusAt: now })
      .where(and(eq(messages.id, row.id), eq(messages.status, "queued")))
      .returning();
    return resultOf(sent ?? { ...row, status: "sent", wamid: outcome.wamid }, prepared.duplicate);
  }

  const failure = outcome;
  const failed = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(messages)
      .set({ status: "failed", statusAt: now, errorCode: failure.code, errorTitle: failure.title })
      .where(and(eq(messages.id, row.id), eq(messages.status, "queued")))
      .returning();
    if (failure.code === WINDOW_CLOSED_CODE) {
      await tx.update(conversations).set({ windowClosedMarkedAt: now }).where(eq(conversations.id, row.conversationId));
    }
    return updated;
  });
  return {
    ...resultOf(failed ?? { ...row, status: "failed", errorCode: failure.code, errorTitle: failure.title }, prepared.duplicate),
    retryable: failure.retryable,
  };
}
