import { timingSafeEqual } from "node:crypto";
import { after } from "next/server";
import { getDb } from "@/db/index";
import { whatsappEnv } from "@/lib/env";
import { MAX_WEBHOOK_BODY_BYTES, receiveDelivery, TOO_LARGE } from "@/lib/whatsapp/receive-delivery";

function sameText(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Subscription handshake: echo hub.challenge when hub.verify_token is ours. */
export function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const token = params.get("hub.verify_token") ?? "";
  const challenge = params.get("hub.challenge") ?? "";
  if (params.get("hub.mode") === "subscribe" && token && sameText(token, whatsappEnv().verifyToken)) {
    return new Response(challenge, { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response("Forbidden", { status: 403 });
}

/**
 * A signed delivery: `receiveDelivery` (lib/whatsapp/receive-delivery.ts) verifies, stores and answers;
 * the follow-up runs after the response. In production server.ts answers this POST itself with the same
 * function, without Next's request pipeline; this handler serves `next dev` and any other host.
 */
export async function POST(request: Request) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BODY_BYTES) return Response.json(TOO_LARGE.body, { status: TOO_LARGE.status });
  const raw = new Uint8Array(await request.arrayBuffer());
  const received = await receiveDelivery(raw, request.headers.get("x-hub-signature-256"), {
    db: getDb(),
    appSecret: whatsappEnv().appSecret,
    now: new Date(),
  });
  if (received.followUp) after(received.followUp);
  return Response.json(received.body, { status: received.status });
}
