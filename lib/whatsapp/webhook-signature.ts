import { createHmac, timingSafeEqual } from "node:crypto";

const PREFIX = "sha256=";

/** The X-Hub-Signature-256 value Meta sends: "sha256=" + hex HMAC-SHA256 of the raw body with the app secret. */
export function signWebhookBody(rawBody: Uint8Array | string, appSecret: string): string {
  return PREFIX + createHmac("sha256", appSecret).update(rawBody).digest("hex");
}

/**
 * Verifies the signature over the RAW body bytes (never a re-serialised JSON), in constant time.
 * Missing, malformed or wrong → false.
 */
export function verifyWebhookSignature(rawBody: Uint8Array | string, header: string | null | undefined, appSecret: string): boolean {
  if (!header || !appSecret) return false;
  const value = header.trim();
  if (value.slice(0, PREFIX.length).toLowerCase() !== PREFIX) return false;
  const hex = value.slice(PREFIX.length);
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return false;
  const given = Buffer.from(hex, "hex");
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
