import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Db } from "@/db/client";
import { MAX_WEBHOOK_BODY_BYTES, receiveDelivery, TOO_LARGE, type Received } from "./receive-delivery";

/** Read per request, inside the error handling: a missing secret answers 500 instead of crashing the server. */
export type WebhookHttpDeps = {
  db: () => Db;
  appSecret: () => string;
  /** Where the delivery's follow-up goes once the answer is sent (server.ts: its FollowUpQueue). */
  followUps: { push(task: () => Promise<void>): void };
};

/** The raw body, or null past MAX_WEBHOOK_BODY_BYTES (declared or counted). */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > MAX_WEBHOOK_BODY_BYTES) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_WEBHOOK_BODY_BYTES) {
        req.off("data", onData);
        resolve(null);
      } else chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  const headers: OutgoingHttpHeaders = { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) };
  res.writeHead(status, headers).end(payload);
}

/** How much of a refused body is still read (and thrown away) before the connection is cut. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;

/**
 * 413 at once, and the rest of the body read and discarded. Closing the socket instead (with bytes still
 * unread) makes the kernel answer the client's further writes with a TCP reset, so a client still sending
 * the body gets ECONNRESET, not the 413 (most read the answer only once the body is sent). After the body
 * the connection serves the next request.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAINED_BYTES) req.socket.destroy();
  });
  req.resume();
  send(res, TOO_LARGE.status, TOO_LARGE.body);
}

/**
 * POST /api/whatsapp/webhook on plain node:http (the production server's fast path, server.ts): reads the
 * body, answers with receiveDelivery and queues the follow-up.
 */
export async function answerWebhookPost(req: IncomingMessage, res: ServerResponse, deps: WebhookHttpDeps) {
  let received: Received;
  try {
    const raw = await readBody(req);
    if (raw === null) return refuseTooLarge(req, res);
    received = await receiveDelivery(raw, req.headers["x-hub-signature-256"] as string | undefined, {
      db: deps.db(),
      appSecret: deps.appSecret(),
      now: new Date(),
    });
  } catch (error) {
    console.error("[whatsapp] webhook failed", error);
    if (!res.headersSent) send(res, 500, { ok: false, error: "internal" });
    return;
  }
  send(res, received.status, received.body);
  if (received.followUp) deps.followUps.push(received.followUp);
}
