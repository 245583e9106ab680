import { z } from "zod";

/**
 * The environment, parsed once with zod. Lazy: nothing is read at import time, so `next build` (which
 * imports every route) never needs the production secrets.
 */

const DEV_APP_SECRET = "atende-dev-app-secret";
const DEV_VERIFY_TOKEN = "atende-dev-verify-token";

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const whatsappSchema = z.object({
  NODE_ENV: optionalText,
  WHATSAPP_PROVIDER: optionalText.pipe(z.enum(["cloud", "sandbox"]).optional()),
  WHATSAPP_APP_SECRET: optionalText,
  WHATSAPP_VERIFY_TOKEN: optionalText,
  WHATSAPP_ACCESS_TOKEN: optionalText,
  WHATSAPP_GRAPH_BASE_URL: optionalText.pipe(z.url().optional()),
  WHATSAPP_API_VERSION: optionalText.pipe(
    z
      .string()
      .regex(/^v\d+\.\d+$/, "expected a Graph API version such as v26.0")
      .optional(),
  ),
  WHATSAPP_BUSINESS_ACCOUNT_ID: optionalText,
});

export type WhatsappEnv = {
  provider: "cloud" | "sandbox";
  /** Signs the webhook deliveries (X-Hub-Signature-256); the sandbox simulator signs with it too. */
  appSecret: string;
  /** Answered in the GET handshake (hub.verify_token). */
  verifyToken: string;
  /** Cloud API bearer token; required only to send through the cloud provider. */
  accessToken?: string;
  /** Without a trailing slash, e.g. https://graph.facebook.com */
  graphBaseUrl: string;
  apiVersion: string;
  businessAccountId?: string;
};

/** Pure: parses an environment object (tests pass their own). Throws on invalid or missing production values. */
export function parseWhatsappEnv(source: Record<string, string | undefined>): WhatsappEnv {
  const parsed = whatsappSchema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid WhatsApp environment: ${issues}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === "production";
  const missing: string[] = [];
  const appSecret = env.WHATSAPP_APP_SECRET ?? (production ? undefined : DEV_APP_SECRET);
  const verifyToken = env.WHATSAPP_VERIFY_TOKEN ?? (production ? undefined : DEV_VERIFY_TOKEN);
  if (!appSecret) missing.push("WHATSAPP_APP_SECRET");
  if (!verifyToken) missing.push("WHATSAPP_VERIFY_TOKEN");
  if (missing.length) throw new Error(`Missing environment in production: ${missing.join(", ")}`);
  return {
    provider: env.WHATSAPP_PROVIDER ?? (production ? "cloud" : "sandbox"),
    appSecret: appSecret!,
    verifyToken: verifyToken!,
    accessToken: env.WHATSAPP_ACCESS_TOKEN,
    graphBaseUrl: (env.WHATSAPP_GRAPH_BASE_URL ?? "https://graph.facebook.com").replace(/\/+$/, ""),
    apiVersion: env.WHATSAPP_API_VERSION ?? "v26.0",
    businessAccountId: env.WHATSAPP_BUSINESS_ACCOUNT_ID,
  };
}

let cached: WhatsappEnv | undefined;

/** The process's WhatsApp settings, parsed on first use and then cached. */
export function whatsappEnv(): WhatsappEnv {
  cached ??= parseWhatsappEnv(process.env);
  return cached;
}

/** Tests only: forget the cached settings so the next call re-reads process.env. */
export function resetEnvCache() {
  cached = undefined;
}

const hopsSchema = z.object({
  TRUST_PROXY_HOPS: optionalText.pipe(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().max(10)).optional()),
});

/** Pure: how many reverse proxies in front of the app append the client to X-Forwarded-For (default 0). */
export function parseTrustProxyHops(source: Record<string, string | undefined>): number {
  const parsed = hopsSchema.safeParse(source);
  if (!parsed.success) throw new Error("Invalid TRUST_PROXY_HOPS: expected a whole number from 0 to 10");
  return parsed.data.TRUST_PROXY_HOPS ?? 0;
}

let cachedHops: number | undefined;

export function trustProxyHops(): number {
  cachedHops ??= parseTrustProxyHops(process.env);
  return cachedHops;
}
