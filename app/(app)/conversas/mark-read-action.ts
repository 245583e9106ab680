"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { markChatRead as markCommand } from "@/lib/whatsapp/mark-read";
import { getGateway } from "@/lib/whatsapp/provider";

/** Called by the chat when an agent opens it (never during render): the customer's blue ticks. */
export const markChatRead = defineAction({
  name: "markChatRead",
  schema: z.object({ ticketId: z.uuid() }),
  permission: "tickets.handle",
  run: (db, input, ctx) => markCommand(db, getGateway(), input, { companyIds: ctx.companyIds }),
});
