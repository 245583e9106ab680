"use server";

import { defineAction } from "@/lib/actions/define-action";
import { UserError } from "@/lib/errors";
import { whatsappEnv } from "@/lib/env";
import { sendSimulatedReply } from "@/lib/whatsapp/simulator";
import { simulatorReplySchema } from "@/lib/whatsapp/simulator-schema";

const WEBHOOK_PATH = "/api/whatsapp/webhook";

/**
 * This process's own webhook, over loopback (PORT is set by `next dev`, and by server.ts behind `npm start`).
 * Never a host taken from the request: a forged Host header must not make the server sign and post
 * deliveries elsewhere.
 */
function ownWebhookUrl() {
  return `http://127.0.0.1:${process.env.PORT ?? 3000}${WEBHOOK_PATH}`;
}

/** Sandbox only: answers as the customer through the real webhook (a signed Cloud API delivery). */
export const sendSimulatorReply = defineAction({
  name: "sendSimulatorReply",
  schema: simulatorReplySchema,
  permission: "tickets.handle",
  // The sender number's company is checked inside the command, in its where clause.
  run: async (db, input, ctx) => {
    const env = whatsappEnv();
    if (env.provider !== "sandbox") throw new UserError("simulator_disabled");
    return sendSimulatedReply(db, input, {
      companyIds: ctx.companyIds,
      now: ctx.clock.now(),
      appSecret: env.appSecret,
      webhookUrl: ownWebhookUrl(),
    });
  },
  revalidate: ["/simulador"],
});
