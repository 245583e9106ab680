import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { conversations, messages, senderNumbers } from "@/db/schema/whatsapp";
import { emit } from "@/lib/events/emit";
import { UserError } from "@/lib/errors";
import { mapGraphError, WINDOW_CLOSED_CODE } from "../errors";
import type { OutboundPayload, WhatsappGateway } from "../gateway";
import { isConversationWindowOpen } from "../window";
import { withdrawRefusedTemplate } from "../template-status";
import { claimUsedKeys, type MessageRow } from "./claim";
import { messageContent, validateOutboundPayload } from "./payload";
import { callProvider, resultAfterSend, resultOf, type SendMessageResult } from "./result";

export type SendMessageInput = {
  conversationId: string;
  ticketId?: string | null;
  author: "agent" | "bot" | "system";
  authorUserId?: string | null;
  /** The purpose of the send ("invite:<agendaId>", "chat:<uuid>"): one message per key, ever. */
  idempotencyKey: string;
  payload: OutboundPayload;
};

type Target = { to: string; providerPhoneId: string; companyId: string };
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
        companyId: conversations.companyId,
        customerPhone: conversations.customerPhone,
        lastInboundAt: conversations.lastInboundAt,
        windowClosedMarkedAt: conversations.windowClosedMarkedAt,
        providerPhoneId: senderNumbers.providerPhoneId,
      })
      .from(conversations)
      .innerJoin(senderNumbers, eq(senderNumbers.id, conversations.senderNumberId))
      .where(eq(conversations.id, input.conversationId));
    if (!conversation) throw new UserError("not_found");
    const target = { to: conversation.customerPhone, providerPhoneId: conversation.providerPhoneId, companyId: conversation.companyId };
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
      await emit(tx, messageEvent("message.created", target.companyId, inserted));
      return { kind: "send", row: inserted, target, duplicate: false };
    }

    // The key is used: finished or in flight elsewhere (leave it), or abandoned by a crash (claim it and send).
    const {
      claimed: [claimed],
      taken: [existing],
    } = await claimUsedKeys(tx, [input.idempotencyKey], now);
    if (!claimed) {
      if (!existing) throw new Error(`message with idempotency key ${input.idempotencyKey} vanished`);
      return { kind: "done", row: existing };
    }
    if (claimed.type !== "template" && !windowOpen) {
      const [failed] = await tx
        .update(messages)
        .set({ status: "failed", statusAt: now, errorCode: WINDOW_CLOSED_CODE, errorTitle: mapGraphError(WINDOW_CLOSED_CODE).title })
        .where(and(eq(messages.id, claimed.id), eq(messages.status, "queued")))
        .returning();
      if (failed) await emit(tx, messageEvent("message.status", target.companyId, failed));
      return { kind: "done", row: failed ?? claimed };
    }
    return { kind: "send", row: claimed, target, duplicate: true };
  });

  if (prepared.kind === "done") return resultOf(prepared.row, true);
  const { row, target } = prepared;

  const outcome = await callProvider(gateway, target.providerPhoneId, target.to, input.payload);
  await withdrawRefusedTemplate(db, target.companyId, input.payload, outcome, now);

  if (outcome.ok) {
    const sent = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(messages)
        .set({ status: "sent", wamid: outcome.wamid, statusAt: now })
        .where(and(eq(messages.id, row.id), eq(messages.status, "queued")))
        .returning();
      if (updated) await emit(tx, messageEvent("message.status", target.companyId, updated));
      return updated;
    });
    return resultAfterSend(row, sent, outcome, prepared.duplicate);
  }

  const failed = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(messages)
      .set({ status: "failed", statusAt: now, errorCode: outcome.code, errorTitle: outcome.title })
      .where(and(eq(messages.id, row.id), eq(messages.status, "queued")))
      .returning();
    if (updated) await emit(tx, messageEvent("message.status", target.companyId, updated));
    if (outcome.code === WINDOW_CLOSED_CODE) {
      await tx.update(conversations).set({ windowClosedMarkedAt: now }).where(eq(conversations.id, row.conversationId));
    }
    return updated;
  });
  return resultAfterSend(row, failed, outcome, prepared.duplicate);
}

/** The live screens' event for a stored or moved message: the whole company's (Conversas, the simulator). */
function messageEvent(type: "message.created" | "message.status", companyId: string, row: Pick<MessageRow, "id" | "conversationId" | "ticketId">) {
  const payload = { messageId: row.id, conversationId: row.conversationId };
  return type === "message.created"
    ? { type, audience: { companyId }, payload: { ...payload, ticketId: row.ticketId } }
    : { type, audience: { companyId }, payload };
}
