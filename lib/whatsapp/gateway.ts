/**
 * What the app sends through WhatsApp, independent of the provider. Shapes follow the Cloud API's
 * message types; limits (≤ 3 reply buttons, titles ≤ 20 chars; ≤ 10 list rows, titles ≤ 24) are the
 * Cloud API's and are checked before sending.
 */
export type OutboundPayload =
  | { type: "text"; body: string }
  | {
      type: "template";
      name: string;
      language: string;
      /** Body variables in order ({{1}}, {{2}}, …). */
      params: string[];
      /** The rendered text, kept for the chat and the simulator. */
      renderedBody: string;
      buttons?: { type: "QUICK_REPLY" | "URL"; text: string }[];
    }
  | { type: "buttons"; body: string; buttons: { id: string; title: string }[] }
  | { type: "list"; body: string; buttonText: string; sectionTitle?: string; rows: { id: string; title: string; description?: string }[] }
  | { type: "media"; kind: "image" | "document" | "audio" | "video"; mediaId: string; caption?: string; fileName?: string };

export type SendResult =
  | { ok: true; wamid: string }
  | { ok: false; code: number; title: string; retryable: boolean };

export type ProviderTemplate = {
  name: string;
  language: string;
  category: "MARKETING" | "UTILITY" | "AUTHENTICATION";
  status: "APPROVED" | "PENDING" | "REJECTED";
  body: string;
  buttons: { type: "QUICK_REPLY" | "URL"; text: string }[];
};

export interface WhatsappGateway {
  readonly kind: "cloud" | "sandbox";
  send(from: { providerPhoneId: string }, to: string, payload: OutboundPayload): Promise<SendResult>;
  uploadMedia(from: { providerPhoneId: string }, file: { bytes: Uint8Array; mimeType: string; fileName: string }): Promise<{ mediaId: string }>;
  listTemplates(): Promise<ProviderTemplate[]>;
  /** Marks an inbound message (and every earlier one) read: the customer sees the blue ticks. */
  markRead?(from: { providerPhoneId: string }, wamid: string): Promise<void>;
}
