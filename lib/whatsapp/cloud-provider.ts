import { mapGraphError, TRANSPORT_ERROR_CODE, type MappedError } from "./errors";
import { isUserId } from "./parse-webhook";
import type { OutboundPayload, ProviderTemplate, SendResult, WhatsappGateway } from "./gateway";

/**
 * The WhatsApp Business Cloud API (Graph API):
 * - POST {base}/{version}/{phone-number-id}/messages
 * - POST {base}/{version}/{phone-number-id}/media (multipart)
 * - GET  {base}/{version}/{waba-id}/message_templates (paged by cursor)
 * The base URL is configurable so tests point it at a local fake server.
 */
export type CloudProviderConfig = {
  baseUrl: string;
  apiVersion: string;
  accessToken: string;
  businessAccountId?: string;
  /** Per request; default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

/** Thrown by uploadMedia and listTemplates (send returns a result instead). */
export class WhatsappProviderError extends Error {
  constructor(public readonly error: MappedError) {
    super(`WhatsApp ${error.code}: ${error.title}`);
    this.name = "WhatsappProviderError";
  }
}

type GraphErrorBody = { error?: { code?: number; message?: string; error_subcode?: number; error_data?: { details?: string } } };

/** The JSON body of POST /messages for a payload, exactly as the Cloud API expects it. */
export function buildCloudMessage(to: string, payload: OutboundPayload): Record<string, unknown> {
  // A username user who hides the phone is addressed by the business-scoped user id, in `recipient`.
  const base = { messaging_product: "whatsapp", recipient_type: "individual", ...(isUserId(to) ? { recipient: to } : { to }) };
  switch (payload.type) {
    case "text":
      return { ...base, type: "text", text: { preview_url: false, body: payload.body } };
    case "template": {
      const components = payload.params.length
        ? [{ type: "body", parameters: payload.params.map((text) => ({ type: "text", text })) }]
        : undefined;
      return {
        ...base,
        type: "template",
        template: { name: payload.name, language: { code: payload.language }, ...(components ? { components } : {}) },
      };
    }
    case "buttons":
      return {
        ...base,
        type: "interactive",
        interactive: {
          type: "button",
          body: { text: payload.body },
          action: { buttons: payload.buttons.map((b) => ({ type: "reply", reply: { id: b.id, title: b.title } })) },
        },
      };
    case "list":
      return {
        ...base,
        type: "interactive",
        interactive: {
          type: "list",
          body: { text: payload.body },
          action: {
            button: payload.buttonText,
            // Meta's current guide requires a section title, even for a single section.
            sections: [
              {
                title: (payload.sectionTitle ?? payload.buttonText).slice(0, 24),
                rows: payload.rows.map((r) => ({
                  id: r.id,
                  title: r.title,
                  ...(r.description ? { description: r.description } : {}),
                })),
              },
            ],
          },
        },
      };
    case "media": {
      const media: Record<string, string> = { id: payload.mediaId };
      // Audio takes no caption; only documents carry a file name.
      if (payload.caption && payload.kind !== "audio") media.caption = payload.caption;
      if (payload.fileName && payload.kind === "document") media.filename = payload.fileName;
      return { ...base, type: payload.kind, [payload.kind]: media };
    }
  }
}

function graphError(status: number, body: unknown): MappedError {
  const error = (body as GraphErrorBody | null)?.error;
  const code = typeof error?.code === "number" ? error.code : status >= 500 ? 1 : TRANSPORT_ERROR_CODE;
  const title = error?.error_data?.details ?? error?.message ?? `HTTP ${status}`;
  return mapGraphError(code, title, status);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

const TEMPLATE_CATEGORIES = new Set(["MARKETING", "UTILITY", "AUTHENTICATION"]);

type GraphTemplate = {
  name?: string;
  language?: string;
  status?: string;
  category?: string;
  components?: { type?: string; text?: string; buttons?: { type?: string; text?: string }[] }[];
};

/** A Graph template as the app keeps it; statuses other than APPROVED/PENDING count as not usable. */
export function toProviderTemplate(t: GraphTemplate): ProviderTemplate | null {
  if (!t.name || !t.language) return null;
  const components = t.components ?? [];
  const body = components.find((c) => c.type?.toUpperCase() === "BODY")?.text ?? "";
  const buttons = components
    .filter((c) => c.type?.toUpperCase() === "BUTTONS")
    .flatMap((c) => c.buttons ?? [])
    .filter((b): b is { type: "QUICK_REPLY" | "URL"; text: string } => (b.type === "QUICK_REPLY" || b.type === "URL") && !!b.text)
    .map((b) => ({ type: b.type, text: b.text }));
  const rawStatus = (t.status ?? "").toUpperCase();
  const status = rawStatus === "APPROVED" ? "APPROVED" : rawStatus === "PENDING" || rawStatus === "IN_APPEAL" ? "PENDING" : "REJECTED";
  const rawCategory = (t.category ?? "").toUpperCase();
  const category = (TEMPLATE_CATEGORIES.has(rawCategory) ? rawCategory : "UTILITY") as ProviderTemplate["category"];
  return { name: t.name, language: t.language, category, status, body, buttons };
}

const MAX_TEMPLATE_PAGES = 100;

export function createCloudProvider(config: CloudProviderConfig): WhatsappGateway {
  const base = `${config.baseUrl.replace(/\/+$/, "")}/${config.apiVersion}`;
  const doFetch = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? 15_000;
  const auth = { Authorization: `Bearer ${config.accessToken}` };

  async function call(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
    const response = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, body: await readJson(response) };
  }

  return {
    kind: "cloud",

    async send(from, to, payload): Promise<SendResult> {
      let reply: { status: number; body: unknown };
      try {
        reply = await call(`${base}/${encodeURIComponent(from.providerPhoneId)}/messages`, {
          method: "POST",
          headers: { ...auth, "Content-Type": "application/json" },
          body: JSON.stringify(buildCloudMessage(to, payload)),
        });
      } catch (error) {
        const mapped = mapGraphError(TRANSPORT_ERROR_CODE);
        return { ok: false, ...mapped, title: `${mapped.title}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) };
      }
      if (reply.status < 200 || reply.status >= 300) return { ok: false, ...graphError(reply.status, reply.body) };
      const wamid = (reply.body as { messages?: { id?: string }[] } | null)?.messages?.[0]?.id;
      if (!wamid) return { ok: false, ...mapGraphError(TRANSPORT_ERROR_CODE, "Resposta do WhatsApp sem o id da mensagem", reply.status) };
      return { ok: true, wamid };
    },

    async markRead(from, wamid) {
      const reply = await call(`${base}/${encodeURIComponent(from.providerPhoneId)}/messages`, {
        method: "POST",
        headers: { ...auth, "Content-Type": "application/json" },
        body: JSON.stringify({ messaging_product: "whatsapp", status: "read", message_id: wamid }),
      }).catch((error: unknown) => {
        throw new WhatsappProviderError({ ...mapGraphError(TRANSPORT_ERROR_CODE), title: String(error) });
      });
      if (reply.status < 200 || reply.status >= 300) throw new WhatsappProviderError(graphError(reply.status, reply.body));
    },

    async uploadMedia(from, file) {
      const form = new FormData();
      form.append("messaging_product", "whatsapp");
      form.append("type", file.mimeType);
      form.append("file", new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType }), file.fileName);
      let reply: { status: number; body: unknown };
      try {
        reply = await call(`${base}/${encodeURIComponent(from.providerPhoneId)}/media`, { method: "POST", headers: auth, body: form });
      } catch (error) {
        throw new WhatsappProviderError({ ...mapGraphError(TRANSPORT_ERROR_CODE), title: String(error) });
      }
      if (reply.status < 200 || reply.status >= 300) throw new WhatsappProviderError(graphError(reply.status, reply.body));
      const id = (reply.body as { id?: string } | null)?.id;
      if (!id) throw new WhatsappProviderError(mapGraphError(TRANSPORT_ERROR_CODE, "Resposta do WhatsApp sem o id da mídia"));
      return { mediaId: id };
    },

    async listTemplates() {
      if (!config.businessAccountId) throw new Error("WHATSAPP_BUSINESS_ACCOUNT_ID is required to list templates");
      const templates: ProviderTemplate[] = [];
      let after: string | undefined;
      for (let page = 0; page < MAX_TEMPLATE_PAGES; page++) {
        const url = new URL(`${base}/${encodeURIComponent(config.businessAccountId)}/message_templates`);
        url.searchParams.set("fields", "name,language,status,category,components");
        url.searchParams.set("limit", "100");
        if (after) url.searchParams.set("after", after);
        const reply = await call(url.toString(), { method: "GET", headers: auth }).catch((error: unknown) => {
          throw new WhatsappProviderError({ ...mapGraphError(TRANSPORT_ERROR_CODE), title: String(error) });
        });
        if (reply.status < 200 || reply.status >= 300) throw new WhatsappProviderError(graphError(reply.status, reply.body));
        const body = reply.body as { data?: GraphTemplate[]; paging?: { next?: string; cursors?: { after?: string } } } | null;
        for (const raw of body?.data ?? []) {
          const template = toProviderTemplate(raw);
          if (template) templates.push(template);
        }
        // Follow the cursor on our own base URL (paging.next is an absolute graph.facebook.com link).
        const next = body?.paging?.next ? body.paging.cursors?.after : undefined;
        if (!next || next === after) break;
        after = next;
      }
      return templates;
    },
  };
}
