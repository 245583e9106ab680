"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { afterTicketReleased } from "@/lib/desk/after-finish";
import { armOffers } from "@/lib/desk/offer-timers";
import { finalizeTicket as finalizeCommand } from "@/lib/tickets/finalize-ticket";
import { pickTicket as pickCommand } from "@/lib/tickets/pick-ticket";
import { customerPhoneInput, finalizeTicketSchema, newConversationSchema, pickTicketSchema, sendChatSchema } from "@/lib/tickets/schema";
import { sendChatMessage } from "@/lib/tickets/send-chat-message";
import { startConversation as startCommand, templatePreview as previewQuery } from "@/lib/tickets/start-conversation";
import { markChatRead as markReadCommand } from "@/lib/whatsapp/mark-read";
import { getGateway } from "@/lib/whatsapp/provider";

const scope = (ctx: { userId: string; companyIds: string[]; clock: { now: () => Date } }) => ({
  userId: ctx.userId,
  companyIds: ctx.companyIds,
  now: ctx.clock.now(),
});

export const pickTicket = defineAction({
  name: "pickTicket",
  schema: pickTicketSchema,
  permission: "tickets.handle",
  run: (db, input, ctx) => pickCommand(db, input, { ...scope(ctx), anyQueue: ctx.user.can("tickets.transfer") }),
  revalidate: ["/conversas"],
});

export const sendChat = defineAction({
  name: "sendChat",
  schema: sendChatSchema,
  permission: "tickets.handle",
  run: (db, input, ctx) => sendChatMessage(db, input, { ...scope(ctx), gateway: getGateway() }),
  revalidate: ["/conversas"],
});

export const finalizeTicket = defineAction({
  name: "finalizeTicket",
  schema: finalizeTicketSchema,
  permission: "tickets.handle",
  run: async (db, input, ctx) => {
    const closed = await finalizeCommand(db, input, scope(ctx));
    // The freed seat takes the next waiting ticket, or "Pausar após concluir" pauses the agent.
    armOffers(await afterTicketReleased(db, ctx.userId, ctx.clock.now()));
    return closed;
  },
  revalidate: ["/conversas", "/historico"],
});

export const startConversation = defineAction({
  name: "startConversation",
  schema: newConversationSchema,
  permission: "tickets.handle",
  run: (db, input, ctx) => startCommand(db, input, { ...scope(ctx), gateway: getGateway() }),
  revalidate: ["/conversas"],
});

export const templatePreview = defineAction({
  name: "templatePreview",
  schema: z.object({
    templateId: z.string().uuid("invalid"),
    senderNumberId: z.string().uuid("invalid"),
    customerPhone: customerPhoneInput,
  }),
  permission: "tickets.handle",
  run: (db, input, ctx) => previewQuery(db, input.templateId, { ...input, companyIds: ctx.companyIds, userId: ctx.userId }),
});

/** Called by the chat when an agent opens it (never during render): the customer's blue ticks. */
export const markChatRead = defineAction({
  name: "markChatRead",
  schema: z.object({ ticketId: z.uuid() }),
  permission: "tickets.handle",
  run: (db, input, ctx) => markReadCommand(db, getGateway(), input, { companyIds: ctx.companyIds }),
});
