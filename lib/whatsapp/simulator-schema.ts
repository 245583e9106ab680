import { z } from "zod";
import { normalizePhone } from "@/lib/customers/phone";

/** How the customer answers in the simulator: free text, a reply button, a list row or a template's quick reply. */
export const SIMULATOR_REPLY_TYPES = ["text", "button_reply", "list_reply", "template_button"] as const;

/** Cloud API limits of what the customer can tap: reply button ≤ 20, list row ≤ 24, template quick reply ≤ 25. */
const TITLE_MAX = { button_reply: 20, list_reply: 24, template_button: 25 } as const;
const TEXT_MAX = 4096;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "invalid")
    .optional()
    .transform((v) => v || null);

/** A customer number in any common form → E.164 digits. */
export const customerPhoneField = z
  .string("phone")
  .trim()
  .transform((v, ctx) => {
    const e164 = normalizePhone(v);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: "phone" });
      return z.NEVER;
    }
    return e164;
  });

export type SimulatedReply =
  | { type: "text"; body: string }
  | { type: "button_reply"; id: string; title: string }
  | { type: "list_reply"; id: string; title: string; description?: string }
  | { type: "template_button"; payload: string; text: string };

/**
 * One answer of the simulated customer. `text` is what the customer typed or the title of what they
 * tapped; `replyId` the button/row id (interactive) or the quick reply's payload (templates, defaults
 * to the text as Meta does); `contextWamid` the message answered, as the Cloud API's `context.id`.
 */
export const simulatorReplySchema = z
  .object({
    senderNumberId: z.string("senderRequired").uuid("senderRequired"),
    customerPhone: customerPhoneField,
    contactName: optionalText(100),
    type: z.enum(SIMULATOR_REPLY_TYPES, "invalid"),
    text: z.string("messageRequired").trim().min(1, "messageRequired").max(TEXT_MAX, "messageTooLong"),
    replyId: optionalText(256),
    description: optionalText(72),
    contextWamid: optionalText(256),
  })
  .superRefine((v, ctx) => {
    if (v.type === "text") return;
    if ([...v.text].length > TITLE_MAX[v.type]) ctx.addIssue({ code: "custom", path: ["text"], message: "invalid" });
    if (v.type !== "template_button" && !v.replyId) ctx.addIssue({ code: "custom", path: ["replyId"], message: "invalid" });
  })
  .transform((v) => {
    let reply: SimulatedReply;
    switch (v.type) {
      case "text":
        reply = { type: "text", body: v.text };
        break;
      case "button_reply":
        reply = { type: "button_reply", id: v.replyId!, title: v.text };
        break;
      case "list_reply":
        reply = { type: "list_reply", id: v.replyId!, title: v.text, ...(v.description ? { description: v.description } : {}) };
        break;
      case "template_button":
        reply = { type: "template_button", payload: v.replyId ?? v.text, text: v.text };
        break;
    }
    return {
      senderNumberId: v.senderNumberId,
      customerPhone: v.customerPhone,
      contactName: v.contactName,
      contextWamid: v.contextWamid,
      reply,
    };
  });

export type SimulatorReplyInput = z.output<typeof simulatorReplySchema>;
