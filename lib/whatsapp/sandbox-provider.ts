import { randomUUID } from "node:crypto";
import type { WhatsappGateway } from "./gateway";

/**
 * Development and demos: every send succeeds at once. The message row itself is what the customer-phone
 * simulator shows; the simulator answers through the real webhook, signed with WHATSAPP_APP_SECRET.
 */
export function createSandboxProvider(): WhatsappGateway {
  return {
    kind: "sandbox",
    async send() {
      return { ok: true, wamid: `wamid.sandbox.${randomUUID()}` };
    },
    async uploadMedia() {
      return { mediaId: `sandbox-media-${randomUUID()}` };
    },
    async listTemplates() {
      // Templates are managed by hand in the sandbox.
      return [];
    },
  };
}
