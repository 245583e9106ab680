import { timingSafeEqual } from "node:crypto";
import { after } from "next/server";
import { getDb } from "@/db/index";
import { whatsappEnv } from "@/lib/env";
import { followUpDelivery } from "@/lib/whatsapp/follow-up";
import { parseWebhook } from "@/lib/whatsapp/parse-webhook";
import { processDelivery } from "@/lib/whatsapp/process-delivery";
import { verifyWebhookSignature } from "@/lib/whatsapp/webhook-signature";

/** Meta's deliveries are a few kilobytes; anything this large is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

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
 * A signed delivery: verify the signature over the raw bytes (401, nothing stored), parse (400),
 * store every message and status before answering 200, then follow up after the response.
 * A database error answers 500, so Meta delivers again; storing is idempotent.
 */
export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return Response.json({ ok: false, error: "too_large" }, { status: 413 });
  const raw = new Uint8Array(await request.arrayBuffer());
  if (raw.byteLength > MAX_BODY_BYTES) return Response.json({ ok: false, error: "too_large" }, { status: 413 });

  if (!verifyWebhookSignature(raw, request.headers.get("x-hub-signature-256"), whatsappEnv().appSecret)) {
    return Response.json({ ok: false, error: "invalid_signature" }, { status: 401 });
  }

  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    return Response.json({ ok: false, error: "malformed" }, { status: 400 });
  }
  const delivery = parseWebhook(body);
  if (!delivery) return Response.json({ ok: false, error: "malformed" }, { status: 400 });

  const db = getDb();
  const now = new Date();
  const result = await processDelivery(db, delivery, now);
  if (result.unknownSender) console.warn(`[whatsapp] ${result.unknownSender} message(s) for an unknown sender number ignored`);

  if (result.statuses > 0 || result.inbound.some((item) => item.isNew)) {
    after(async () => {
      try {
        await followUpDelivery(db, result, now);
      } catch (error) {
        // The messages are stored; the sweep job picks up what the follow-up could not do.
        console.error("[whatsapp] follow-up failed", error);
      }
    });
  }
  return Response.json({ ok: true });
}
