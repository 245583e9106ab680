import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { senderNumbers, conversations } from "@/db/schema/whatsapp";
import { tickets } from "@/db/schema/tickets";
import { UserError } from "@/lib/errors";
import type { WhatsappGateway } from "@/lib/whatsapp/gateway";
import { sendMessage } from "@/lib/whatsapp/outbox/send-one";
import { contentMatchesType } from "./attachment-content";
import { checkAttachment } from "./attachment-rules";
import { recordFirstReply } from "./state";

export type AttachmentInput = {
  ticketId: string;
  clientMessageId: string;
  file: { bytes: Uint8Array; mimeType: string; fileName: string };
};

/** Uploads an agent's file to the provider and sends it in their open ticket, within WhatsApp's limits. */
export async function sendAttachment(
  db: Db,
  input: AttachmentInput,
  ctx: { userId: string; companyIds: string[]; now: Date; gateway: WhatsappGateway },
) {
  const check = checkAttachment({ type: input.file.mimeType, size: input.file.bytes.byteLength });
  if (!check.ok) throw new UserError(check.error);
  if (!contentMatchesType(input.file.bytes, input.file.mimeType)) throw new UserError("attachment_content");
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const [ticket] = await db
    .select({ id: tickets.id, conversationId: tickets.conversationId, providerPhoneId: senderNumbers.providerPhoneId })
    .from(tickets)
    .innerJoin(conversations, eq(conversations.id, tickets.conversationId))
    .innerJoin(senderNumbers, eq(senderNumbers.id, conversations.senderNumberId))
    .where(
      and(
        eq(tickets.id, input.ticketId),
        eq(tickets.agentId, ctx.userId),
        eq(tickets.status, "em_atendimento"),
        inArray(tickets.companyId, ctx.companyIds),
      ),
    );
  if (!ticket) throw new UserError("not_found");
  const { mediaId } = await ctx.gateway.uploadMedia(
    { providerPhoneId: ticket.providerPhoneId },
    { bytes: input.file.bytes, mimeType: input.file.mimeType, fileName: input.file.fileName },
  );
  const result = await sendMessage(
    db,
    ctx.gateway,
    {
      conversationId: ticket.conversationId,
      ticketId: ticket.id,
      author: "agent",
      authorUserId: ctx.userId,
      idempotencyKey: `chat:${input.clientMessageId}`,
      payload: { type: "media", kind: check.kind, mediaId, fileName: input.file.fileName, caption: check.kind === "document" ? undefined : input.file.fileName },
    },
    ctx.now,
  );
  if (result.status !== "failed") await recordFirstReply(db, { ticketId: ticket.id, agentId: ctx.userId, now: ctx.now });
  return result;
}
