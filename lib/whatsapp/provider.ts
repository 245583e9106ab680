import { whatsappEnv } from "@/lib/env";
import { createCloudProvider } from "./cloud-provider";
import type { WhatsappGateway } from "./gateway";
import { createSandboxProvider } from "./sandbox-provider";

let cached: WhatsappGateway | undefined;

/**
 * The process's gateway, chosen by WHATSAPP_PROVIDER (sandbox by default outside production).
 * Commands take the gateway as an argument; only their callers (actions, jobs) call this, and tests
 * hand in their own.
 */
export function getGateway(): WhatsappGateway {
  if (cached) return cached;
  const env = whatsappEnv();
  if (env.provider === "sandbox") {
    cached = createSandboxProvider();
  } else {
    if (!env.accessToken) throw new Error("WHATSAPP_ACCESS_TOKEN is required when WHATSAPP_PROVIDER=cloud");
    cached = createCloudProvider({
      baseUrl: env.graphBaseUrl,
      apiVersion: env.apiVersion,
      accessToken: env.accessToken,
      businessAccountId: env.businessAccountId,
    });
  }
  return cached;
}
