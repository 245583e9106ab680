import { z } from "zod";
import { normalizePhone } from "@/lib/customers/phone";

/**
 * Cloud API webhook deliveries, parsed tolerantly: unknown fields and message types are kept or skipped,
 * never a reason to reject the delivery (Meta would retry it forever). One delivery may carry several
 * entries, each with several changes, each with messages and/or statuses.
 */

export type InboundMessage = {
  wamid: string;
  /** metadata.phone_number_id: which of our sender numbers received it. */
  phoneNumberId: string;
  /** The customer's WhatsApp id as sent (digits), or the business-scoped user id when Meta withholds the phone. */
  from: string;
  /**
   * The conversation key: E.164 digits (R-0.2, Brazilian mobiles with the ninth digit) when the phone is
   * known, else the business-scoped user id (a username user who hides the number).
   */
  customerPhone: string;
  /** The business-scoped user id (`from_user_id` / contacts[].user_id), e.g. "BR.1502576394655843", when sent. */
  userId: string | null;
  contactName: string | null;
  timestamp: Date | null;
  /** The Cloud API type as received: text, interactive, button, image, document, audio, video, sticker, location, … */
  type: string;
  /** Text, the chosen reply's title, a media caption, or a short summary of what arrived. */
  body: string | null;
  /** interactive: { type: "button_reply" | "list_reply", id, title, description? }; button: { type: "template_button", payload, text }; reaction: { type: "reaction", messageId, emoji }. */
  interactive: Record<string, unknown> | null;
  /** Media: { kind, id, mimeType, sha256, caption, fileName }; location: { kind: "location", latitude, longitude, name, address }. */
  media: Record<string, unknown> | null;
  /** The wamid this message replies to (context.id), if any. */
  contextWamid: string | null;
};

export const DELIVERY_STATUSES = ["sent", "delivered", "read", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type StatusUpdate = {
  wamid: string;
  status: DeliveryStatus;
  timestamp: Date | null;
  recipientId: string | null;
  errorCode: number | null;
  errorTitle: string | null;
};

export type WebhookDelivery = {
  messages: InboundMessage[];
  statuses: StatusUpdate[];
  /** Items that could not be used (no id, no sender number, unknown status …). */
  skipped: number;
  /** The `from` of skipped messages that was not a phone number nor a user id (also counted in skipped), for the log. */
  invalidSenders?: string[];
  /** Every skipped item with why, for the log: a 200 answer means Meta never sends it again. */
  skippedReasons?: string[];
  /** `message_template_status_update` items (a template paused, disabled, approved again …). */
  templateStatuses?: { name: string; language: string; event: string; reason: string | null }[];
  /** Change-level `value.errors` (Meta reports problems with the whole change there), for the log. */
  changeErrors?: { code: number | null; title: string | null; details: string | null; fbtraceId: string | null }[];
};

/** A WhatsApp id is an E.164 number: digits only, 8 to 15 of them (ITU-T E.164 allows no more). */
const WA_ID = /^\d{8,15}$/;
/**
 * A business-scoped user id: a two-letter country code, a dot and up to 128 alphanumerics; a parent id
 * shared across portfolios has "ENT." after the country ("US.ENT.118…").
 */
export const USER_ID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;

/** True for a conversation key that is a user id rather than a phone (sends go to `recipient`, not `to`). */
export function isUserId(key: string): boolean {
  return USER_ID.test(key);
}

const idText = z.string().trim().min(1);
const epoch = z.union([z.string(), z.number()]).optional();
const optText = z.string().optional().catch(undefined);

const mediaSchema = z.object({
  id: optText,
  mime_type: optText,
  sha256: optText,
  caption: optText,
  filename: optText,
  animated: z.boolean().optional().catch(undefined),
});

const messageSchema = z.object({
  id: idText,
  from: optText,
  from_user_id: optText,
  timestamp: epoch,
  type: optText,
  text: z.object({ body: z.string() }).optional().catch(undefined),
  interactive: z
    .object({
      type: optText,
      button_reply: z.object({ id: z.string(), title: z.string() }).optional().catch(undefined),
      list_reply: z.object({ id: z.string(), title: z.string(), description: optText }).optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
  button: z.object({ payload: optText, text: optText }).optional().catch(undefined),
  image: mediaSchema.optional().catch(undefined),
  document: mediaSchema.optional().catch(undefined),
  audio: mediaSchema.optional().catch(undefined),
  video: mediaSchema.optional().catch(undefined),
  sticker: mediaSchema.optional().catch(undefined),
  location: z
    .object({ latitude: z.coerce.number(), longitude: z.coerce.number(), name: optText, address: optText })
    .optional()
    .catch(undefined),
  contacts: z
    .array(z.object({ name: z.object({ formatted_name: optText }).optional().catch(undefined) }))
    .optional()
    .catch(undefined),
  reaction: z.object({ message_id: optText, emoji: optText }).optional().catch(undefined),
  system: z.object({ body: optText, type: optText, wa_id: optText }).optional().catch(undefined),
  context: z.object({ id: optText }).optional().catch(undefined),
  errors: z
    .array(z.object({ code: z.coerce.number().optional().catch(undefined), title: optText }))
    .optional()
    .catch(undefined),
});

const statusSchema = z.object({
  id: idText,
  status: z.string(),
  timestamp: epoch,
  recipient_id: optText,
  errors: z
    .array(
      z.object({
        code: z.coerce.number().optional().catch(undefined),
        title: optText,
        message: optText,
        error_data: z.object({ details: optText }).optional().catch(undefined),
      }),
    )
    .optional()
    .catch(undefined),
});

const valueSchema = z.object({
  metadata: z.object({ phone_number_id: z.union([z.string(), z.number()]).optional().catch(undefined) }).optional().catch(undefined),
  contacts: z
    .array(
      z.object({ wa_id: optText, user_id: optText, profile: z.object({ name: optText }).optional().catch(undefined) }).catch({}),
    )
    .optional()
    .catch(undefined),
  errors: z
    .array(
      z.object({
        code: z.coerce.number().optional().catch(undefined),
        title: optText,
        message: optText,
        error_data: z.object({ details: optText }).optional().catch(undefined),
        fbtrace_id: optText,
      }),
    )
    .optional()
    .catch(undefined),
  messages: z.array(z.unknown()).optional().catch(undefined),
  statuses: z.array(z.unknown()).optional().catch(undefined),
});

const templateStatusSchema = z.object({
  event: optText,
  message_template_name: optText,
  message_template_language: optText,
  reason: z.string().nullish().catch(undefined),
});

const changeSchema = z.object({ field: optText, value: z.unknown() });
const deliverySchema = z.object({ entry: z.array(z.unknown()).optional().catch(undefined) });
const entrySchema = z.object({ changes: z.array(z.unknown()).optional().catch(undefined) });

/**
 * A WhatsApp id to E.164 digits. Brazilian mobiles often arrive without the ninth digit
 * ("55 11 9999-9999" for "55 11 99999-9999"): put it back, so the number matches the stored one.
 */
export function waIdToPhone(waId: string): string {
  const known = phoneCache.get(waId);
  if (known !== undefined) return known;
  const digits = waId.replace(/\D/g, "");
  const withNinth = /^55\d{2}[6-9]\d{7}$/.test(digits) ? `${digits.slice(0, 4)}9${digits.slice(4)}` : digits;
  const phone = normalizePhone(`+${withNinth}`) ?? normalizePhone(`+${digits}`) ?? digits;
  // libphonenumber is the costliest step of a delivery and customers write again and again.
  if (phoneCache.size >= PHONE_CACHE_MAX) phoneCache.clear();
  phoneCache.set(waId, phone);
  return phone;
}

const PHONE_CACHE_MAX = 10_000;
const phoneCache = new Map<string, string>();

function toDate(value: string | number | undefined): Date | null {
  if (value === undefined || value === "") return null;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}

const MEDIA_LABELS: Record<string, string> = {
  image: "[Imagem]",
  document: "[Documento]",
  audio: "[Áudio]",
  video: "[Vídeo]",
  sticker: "[Figurinha]",
};

function clean<T extends Record<string, unknown>>(object: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null && v !== ""));
}

type ParsedMessage = z.infer<typeof messageSchema>;

function describe(m: ParsedMessage, type: string): Pick<InboundMessage, "body" | "interactive" | "media"> {
  switch (type) {
    case "text":
      return { body: m.text?.body ?? null, interactive: null, media: null };
    case "interactive": {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      if (!reply) return { body: null, interactive: clean({ type: m.interactive?.type ?? "unknown" }), media: null };
      const kind = m.interactive?.button_reply ? "button_reply" : "list_reply";
      return {
        body: reply.title,
        interactive: clean({ type: kind, id: reply.id, title: reply.title, description: m.interactive?.list_reply?.description }),
        media: null,
      };
    }
    case "button":
      // A template's quick-reply tap: the payload identifies the button, the text is what the customer saw.
      return {
        body: m.button?.text ?? m.button?.payload ?? null,
        interactive: clean({ type: "template_button", payload: m.button?.payload ?? m.button?.text, text: m.button?.text }),
        media: null,
      };
    case "image":
    case "document":
    case "audio":
    case "video":
    case "sticker": {
      const media = m[type];
      const summary = media?.caption?.trim() || (type === "document" ? media?.filename : undefined) || MEDIA_LABELS[type];
      return {
        body: summary,
        interactive: null,
        media: clean({
          kind: type,
          id: media?.id,
          mimeType: media?.mime_type,
          sha256: media?.sha256,
          caption: media?.caption,
          fileName: media?.filename,
          animated: media?.animated,
        }),
      };
    }
    case "location": {
      const loc = m.location;
      if (!loc) return { body: "[Localização]", interactive: null, media: null };
      const label = [loc.name, loc.address].filter(Boolean).join(" — ");
      return {
        body: label ? `[Localização] ${label}` : `[Localização] ${loc.latitude}, ${loc.longitude}`,
        interactive: null,
        media: clean({ kind: "location", latitude: loc.latitude, longitude: loc.longitude, name: loc.name, address: loc.address }),
      };
    }
    case "contacts": {
      const names = (m.contacts ?? []).map((c) => c.name?.formatted_name).filter(Boolean);
      return { body: names.length ? `[Contato] ${names.join(", ")}` : "[Contato]", interactive: null, media: null };
    }
    case "reaction":
      return {
        body: m.reaction?.emoji ?? null,
        interactive: clean({ type: "reaction", messageId: m.reaction?.message_id, emoji: m.reaction?.emoji }),
        media: null,
      };
    case "system":
      return { body: m.system?.body ?? "[Aviso do WhatsApp]", interactive: clean({ type: "system", kind: m.system?.type }), media: null };
    default: {
      const error = m.errors?.[0];
      return {
        body: `[Mensagem não suportada: ${type}]`,
        interactive: null,
        media: error ? clean({ kind: "unsupported", errorCode: error.code, errorTitle: error.title }) : null,
      };
    }
  }
}

function skip(delivery: WebhookDelivery, reason: string) {
  delivery.skipped++;
  (delivery.skippedReasons ??= []).push(reason);
}

/** Null when the body is not a JSON object at all; otherwise whatever could be used. */
export function parseWebhook(body: unknown): WebhookDelivery | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return null;
  const delivery: WebhookDelivery = { messages: [], statuses: [], skipped: 0 };
  const root = deliverySchema.safeParse(body);
  if (!root.success) return delivery;

  for (const rawEntry of root.data.entry ?? []) {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) {
      skip(delivery, "entry is not an object");
      continue;
    }
    for (const rawChange of entry.data.changes ?? []) {
      const change = changeSchema.safeParse(rawChange);
      if (change.success && change.data.field === "message_template_status_update") {
        const t = templateStatusSchema.safeParse(change.data.value);
        if (t.success && t.data.message_template_name && t.data.event) {
          (delivery.templateStatuses ??= []).push({
            name: t.data.message_template_name,
            language: t.data.message_template_language ?? "pt_BR",
            event: t.data.event,
            reason: t.data.reason ?? null,
          });
        } else skip(delivery, "template status update without a name or event");
        continue;
      }
      if (!change.success || (change.data.field !== undefined && change.data.field !== "messages")) continue;
      const value = valueSchema.safeParse(change.data.value);
      if (!value.success) {
        skip(delivery, "change value is not an object");
        continue;
      }
      const v = value.data;
      for (const e of v.errors ?? []) {
        (delivery.changeErrors ??= []).push({
          code: e.code ?? null,
          title: e.title ?? e.message ?? null,
          details: e.error_data?.details ?? null,
          fbtraceId: e.fbtrace_id ?? null,
        });
      }
      const phoneNumberId = v.metadata?.phone_number_id !== undefined ? String(v.metadata.phone_number_id) : "";
      const names = new Map<string, string>();
      const userIds = new Map<string, string>();
      for (const contact of v.contacts ?? []) {
        const name = contact.profile?.name;
        if (contact.wa_id && name) names.set(contact.wa_id, name);
        if (contact.user_id && name) names.set(contact.user_id, name);
        if (contact.wa_id && contact.user_id) userIds.set(contact.wa_id, contact.user_id);
      }
      const firstName = v.contacts?.[0]?.profile?.name;
      const onlyUserId = v.contacts?.length === 1 ? v.contacts[0]?.user_id : undefined;

      for (const rawMessage of v.messages ?? []) {
        const parsed = messageSchema.safeParse(rawMessage);
        if (!parsed.success) {
          skip(delivery, "message without an id");
          continue;
        }
        if (!phoneNumberId) {
          skip(delivery, `message ${parsed.data.id} without metadata.phone_number_id`);
          continue;
        }
        const m = parsed.data;
        const phone = m.from?.trim() && WA_ID.test(m.from.trim()) ? m.from.trim() : null;
        const rawUserId = m.from_user_id?.trim() || (phone ? userIds.get(phone) : undefined) || onlyUserId;
        const userId = rawUserId && USER_ID.test(rawUserId) ? rawUserId : null;
        if (!phone && !userId) {
          // Stored, it would be a conversation no one can answer; refusing the delivery would make Meta retry it forever.
          const shown = m.from ?? m.from_user_id ?? "";
          skip(delivery, `message ${m.id}: the sender is neither a phone number nor a user id (${JSON.stringify(shown.slice(0, 20))})`);
          (delivery.invalidSenders ??= []).push(shown);
          continue;
        }
        const type = m.type?.trim() || "unknown";
        delivery.messages.push({
          wamid: m.id,
          phoneNumberId,
          from: phone ?? userId!,
          customerPhone: phone ? waIdToPhone(phone) : userId!,
          userId,
          contactName: names.get(phone ?? userId!) ?? (userId ? names.get(userId) : undefined) ?? (v.contacts?.length === 1 ? (firstName ?? null) : null),
          timestamp: toDate(m.timestamp),
          type,
          ...describe(m, type),
          contextWamid: m.context?.id ?? null,
        });
      }

      for (const rawStatus of v.statuses ?? []) {
        const parsed = statusSchema.safeParse(rawStatus);
        const status = parsed.success ? parsed.data.status.toLowerCase() : "";
        if (!parsed.success || !(DELIVERY_STATUSES as readonly string[]).includes(status)) {
          skip(delivery, parsed.success ? `status ${parsed.data.id}: unknown status ${JSON.stringify(status.slice(0, 20))}` : "status without an id");
          continue;
        }
        const s = parsed.data;
        const error = s.errors?.[0];
        delivery.statuses.push({
          wamid: s.id,
          status: status as DeliveryStatus,
          timestamp: toDate(s.timestamp),
          recipientId: s.recipient_id ?? null,
          errorCode: status === "failed" ? (error?.code ?? null) : null,
          errorTitle: status === "failed" ? (error?.title ?? error?.message ?? error?.error_data?.details ?? null) : null,
        });
      }
    }
  }
  return delivery;
}
