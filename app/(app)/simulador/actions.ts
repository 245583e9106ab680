"use server";

import { headers } from "next/headers";
import { defineAction } from "@/lib/actions/define-action";
import { UserError } from "@/lib/actions/result";
import { whatsappEnv } from "@/lib/env";
import { sendSimulatedReply } from "@/lib/whatsapp/simulator";
import { simulatorReplySchema } from "@/lib/whatsapp/simulator-schema";

const WEBHOOK_PATH = "/api/whatsapp/webhook";

/** This app's own webhook, on the host the browser reached; 127.0.0.1:$PORT when the header is unusable. */
async function ownWebhookUrl() {
  const h = await headers();
  const host = h.get("host")?.trim();
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  if (host && /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(host)) return `${proto}://${host}${WEBHOOK_PATH}`;
  return `http://127.0.0.1:${process.env.PORT ?? 3000}${WEBHOOK_PATH}`;
}

/** Sandbox only: answers as the customer through the real webhook (a signed Cloud API delivery). */
export const sendSimulatorReply = defineAction({
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
      webhookUrl: await ownWebhookUrl(),
    });
  },
  revalidate: ["/simulador"],
});
