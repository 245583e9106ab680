/** WhatsApp Cloud API media types and size limits (what an agent may attach). */
export const ATTACHMENT_RULES = [
  { kind: "image", types: ["image/jpeg", "image/png"], maxBytes: 5 * 1024 * 1024 },
  { kind: "audio", types: ["audio/aac", "audio/mp4", "audio/mpeg", "audio/amr", "audio/ogg"], maxBytes: 16 * 1024 * 1024 },
  { kind: "video", types: ["video/mp4", "video/3gpp"], maxBytes: 16 * 1024 * 1024 },
  {
    kind: "document",
    types: [
      "application/pdf",
      "text/plain",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ],
    maxBytes: 100 * 1024 * 1024,
  },
] as const;

export type AttachmentKind = (typeof ATTACHMENT_RULES)[number]["kind"];

/** The largest file of any kind: the upload route reads no body past it. */
export const MAX_ATTACHMENT_BYTES = Math.max(...ATTACHMENT_RULES.map((r) => r.maxBytes));

export type AttachmentCheck =
  | { ok: true; kind: AttachmentKind }
  | { ok: false; error: "attachment_type" | "attachment_empty" }
  | { ok: false; error: "attachment_too_large"; maxMb: number };

/** Shared by the browser (before uploading) and the server (before sending). */
export function checkAttachment(file: { type: string; size: number }): AttachmentCheck {
  const rule = ATTACHMENT_RULES.find((r) => (r.types as readonly string[]).includes(file.type));
  if (!rule) return { ok: false, error: "attachment_type" };
  if (file.size === 0) return { ok: false, error: "attachment_empty" };
  if (file.size > rule.maxBytes) return { ok: false, error: "attachment_too_large", maxMb: rule.maxBytes / 1024 / 1024 };
  return { ok: true, kind: rule.kind };
}

export const ACCEPTED_ATTACHMENT_TYPES = ATTACHMENT_RULES.flatMap((r) => [...r.types]).join(",");
