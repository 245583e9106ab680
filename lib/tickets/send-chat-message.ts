import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tickets } from "@/db/schema/tickets";
import { UserError } from "@/lib/errors";
import type { WhatsappGateway } from "@/lib/whatsapp/gateway";
import { sendMessage } from "@/lib/whatsapp/outbox/send-one";
import type { SendChatInput } from "./schema";
import { recordFirstReply } from "./state";

/** The agent's text in their own open ticket; outside the 24-hour window the send is refused. */
export async function sendChatMessage(
  db: Db,
  input: SendChatInput,
  ctx: { userId: string; companyIds: string[]; now: Date; gateway: WhatsappGateway },
) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const [ticket] = await db
    .select({ id: tickets.id, conversationId: tickets.conversationId })
    .from(tickets)
    .where(
      and(
        eq(tickets.id, input.ticketId),
        eq(tickets.agentId, ctx.userId),
        eq(tickets.status, "em_atendimento"),
        inArray(tickets.companyId, ctx.companyIds),
      ),
    );
  if (!ticket) throw new UserError("not_found");
  const result = await sendMessage(
    db,
    ctx.gateway,
    {
      conversationId: ticket.conversationId,
      ticketId: ticket.id,
      author: "agent",
      authorUserId: ctx.userId,
      idempotencyKey: `chat:${input.clientMessageId}`,
      payload: { type: "text", body: input.body },
    },
    ctx.now,
  );
  if (result.status !== "failed") await recordFirstReply(db, { ticketId: ticket.id, agentId: ctx.userId, now: ctx.now });
  return result;
}
