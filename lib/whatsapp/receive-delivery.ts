import type { Db } from "@/db/client";
import { storableValues } from "@/lib/storable-text";
import { followUpDelivery } from "./follow-up";
import { parseWebhook } from "./parse-webhook";
import { processDelivery } from "./process-delivery";
import { applyTemplateStatusUpdates } from "./template-status";
import { verifyWebhookSignature } from "./webhook-signature";

/** Meta's deliveries are a few kilobytes; anything this large is not one. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export type ReceiveDeps = {
  db: Db;
  /** WHATSAPP_APP_SECRET: the key of X-Hub-Signature-256. */
  appSecret: string;
  now: Date;
};

export type Received = {
  status: 200 | 400 | 401 | 413 | 500;
  /** Sent as JSON. */
  body: { ok: true } | { ok: false; error: "too_large" | "invalid_signature" | "malformed" | "storage_failed" };
  /**
   * Set when the delivery stored something new: run it after the response is sent (the chatbot and
   * ticket routing). It never throws: a failure is logged (the messages stay stored; nothing retries it).
   */
  followUp?: () => Promise<void>;
};

/** The answer to a body over MAX_WEBHOOK_BODY_BYTES (callers that stop reading early send it themselves). */
export const TOO_LARGE: Received = { status: 413, body: { ok: false, error: "too_large" } };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * One signed Cloud API delivery, framework-free: the Next route and the production server's fast path
 * (server.ts) both answer with this. Verifies the signature over the raw bytes (401, nothing stored),
 * parses (400), stores every message and status before answering 200 (R-0.5). A database error answers
 * 500 so Meta delivers again; storing is idempotent (wamid unique), so a repeat stores nothing twice and
 * follows nothing up again.
 */
export async function receiveDelivery(raw: Uint8Array, signature: string | null | undefined, deps: ReceiveDeps): Promise<Received> {
  if (raw.byteLength > MAX_WEBHOOK_BODY_BYTES) return TOO_LARGE;
  if (!verifyWebhookSignature(raw, signature, deps.appSecret)) return { status: 401, body: { ok: false, error: "invalid_signature" } };

  let body: unknown;
  try {
    const text = utf8.decode(raw);
    body = JSON.parse(text);
    // A NUL or a lone surrogate can only arrive as a \u escape (the decoder refuses the raw bytes); stored,
    // it would fail the whole delivery on every retry. Most deliveries have no escape and skip the walk.
    if (/\\u(?:0000|d[89a-f])/i.test(text)) body = storableValues(body);
  } catch {
    return { status: 400, body: { ok: false, error: "malformed" } };
  }
  const delivery = parseWebhook(body);
  if (!delivery) return { status: 400, body: { ok: false, error: "malformed" } };

  if (delivery.invalidSenders?.length) {
    const shown = delivery.invalidSenders.slice(0, 5).map((from) => JSON.stringify(from.length > 20 ? `${from.slice(0, 20)}…` : from)).join(", ");
    console.warn(`[whatsapp] ${delivery.invalidSenders.length} message(s) skipped: the sender is not a phone number (${shown})`);
  }
  const otherSkips = (delivery.skippedReasons ?? []).filter((reason) => !reason.includes("neither a phone number nor a user id"));
  if (otherSkips.length) console.warn(`[whatsapp] ${otherSkips.length} item(s) skipped: ${otherSkips.slice(0, 10).join("; ")}`);
  for (const e of delivery.changeErrors ?? []) {
    // Meta reports problems with the whole change (not one message) here; fbtrace_id is what its support asks for.
    console.warn(`[whatsapp] webhook error ${e.code ?? "?"}: ${e.title ?? ""}${e.details ? ` — ${e.details}` : ""} (fbtrace_id ${e.fbtraceId ?? "-"})`);
  }

  const { db, now } = deps;
  let result: Awaited<ReturnType<typeof processDelivery>>;
  try {
    result = await processDelivery(db, delivery, now);
  } catch (error) {
    console.error("[whatsapp] could not store a delivery; answering 500 so that it is delivered again", error);
    return { status: 500, body: { ok: false, error: "storage_failed" } };
  }
  if (delivery.templateStatuses?.length) {
    try {
      await applyTemplateStatusUpdates(db, delivery.templateStatuses, now);
    } catch (error) {
      console.error("[whatsapp] could not apply template status updates; answering 500 so that they are delivered again", error);
      return { status: 500, body: { ok: false, error: "storage_failed" } };
    }
  }
  if (result.unknownSender) console.warn(`[whatsapp] ${result.unknownSender} message(s) for an unknown sender number ignored`);

  if (result.statuses === 0 && !result.inbound.some((item) => item.isNew)) return { status: 200, body: { ok: true } };
  return {
    status: 200,
    body: { ok: true },
    followUp: async () => {
      try {
        await followUpDelivery(db, result, now);
      } catch (error) {
        console.error("[whatsapp] follow-up failed", error);
      }
    },
  };
}
