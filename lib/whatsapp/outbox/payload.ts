import { UserError } from "@/lib/errors";
import type { OutboundPayload } from "../gateway";

/** The outbox's rules for a payload: what the Cloud API accepts, and what the message row stores. */

// Cloud API limits.
const TEXT_MAX = 4096;
const BUTTON_BODY_MAX = 1024;
const BUTTONS_MAX = 3;
const BUTTON_TITLE_MAX = 20;
const BUTTON_ID_MAX = 256;
const LIST_ROWS_MAX = 10;
const LIST_ROW_TITLE_MAX = 24;
const LIST_ROW_ID_MAX = 200;
const LIST_ROW_DESCRIPTION_MAX = 72;
const LIST_BUTTON_MAX = 20;
const CAPTION_MAX = 1024;

/** Characters as a person counts them (an emoji is one). */
const length = (text: string) => [...text].length;
const within = (text: string | undefined, max: number) => !!text && text.trim() !== "" && length(text) <= max;
const unique = (ids: string[]) => new Set(ids).size === ids.length;

/**
 * The Cloud API's limits, checked before anything is recorded: reply buttons 1–3 (title ≤ 20), list rows
 * 1–10 (title ≤ 24, description ≤ 72, button text ≤ 20), unique ids; texts non-empty and within size.
 */
export function validateOutboundPayload(payload: OutboundPayload): void {
  switch (payload.type) {
    case "text":
      if (!within(payload.body, TEXT_MAX)) throw new UserError("invalid_message");
      return;
    case "template":
      if (!payload.name.trim() || !payload.language.trim()) throw new UserError("invalid_message");
      if (payload.params.some((p) => !p.trim() || /[\n\r\t]/.test(p) || / {5,}/.test(p))) throw new UserError("invalid_message");
      if (/\{\{\s*\d+\s*\}\}/.test(payload.renderedBody)) throw new UserError("invalid_message");
      return;
    case "buttons": {
      const ok =
        within(payload.body, BUTTON_BODY_MAX) &&
        payload.buttons.length >= 1 &&
        payload.buttons.length <= BUTTONS_MAX &&
        payload.buttons.every((b) => within(b.title, BUTTON_TITLE_MAX) && within(b.id, BUTTON_ID_MAX)) &&
        unique(payload.buttons.map((b) => b.id)) &&
        unique(payload.buttons.map((b) => b.title.trim()));
      if (!ok) throw new UserError("invalid_interactive");
      return;
    }
    case "list": {
      const ok =
        within(payload.body, TEXT_MAX) &&
        within(payload.buttonText, LIST_BUTTON_MAX) &&
        payload.rows.length >= 1 &&
        payload.rows.length <= LIST_ROWS_MAX &&
        payload.rows.every(
          (r) =>
            within(r.title, LIST_ROW_TITLE_MAX) &&
            within(r.id, LIST_ROW_ID_MAX) &&
            (r.description === undefined || r.description === "" || length(r.description) <= LIST_ROW_DESCRIPTION_MAX),
        ) &&
        unique(payload.rows.map((r) => r.id));
      if (!ok) throw new UserError("invalid_interactive");
      return;
    }
    case "media":
      if (!payload.mediaId.trim()) throw new UserError("invalid_message");
      if (payload.caption && length(payload.caption) > CAPTION_MAX) throw new UserError("invalid_message");
      return;
  }
}

/**
 * What the chat and the simulator render, stored on the row:
 * text → body; template → body (rendered), templateName, templateParams { language, params },
 * interactive { type: "template", buttons } when it has buttons; buttons → type "buttons", body,
 * interactive { type: "button", buttons: [{ id, title }] }; list → type "list", body,
 * interactive { type: "list", buttonText, rows }; media → type = kind (image, document, audio, video),
 * body = caption, media { kind, id, caption, fileName }.
 */
export function messageContent(payload: OutboundPayload) {
  switch (payload.type) {
    case "text":
      return { type: "text", body: payload.body };
    case "template":
      return {
        type: "template",
        body: payload.renderedBody,
        templateName: payload.name,
        templateParams: { language: payload.language, params: payload.params },
        interactive: payload.buttons?.length ? { type: "template", buttons: payload.buttons } : null,
      };
    case "buttons":
      return { type: "buttons", body: payload.body, interactive: { type: "button", buttons: payload.buttons } };
    case "list":
      return {
        type: "list",
        body: payload.body,
        interactive: { type: "list", buttonText: payload.buttonText, rows: payload.rows },
      };
    case "media":
      return {
        type: payload.kind,
        body: payload.caption ?? null,
        media: { kind: payload.kind, id: payload.mediaId, caption: payload.caption, fileName: payload.fileName },
      };
  }
}
