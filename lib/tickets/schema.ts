import { z } from "zod";
import { normalizePhone } from "@/lib/customers/phone";

export const pickTicketSchema = z.object({ ticketId: z.string().uuid("invalid") });

export const finalizeTicketSchema = z.object({
  ticketId: z.string().uuid("invalid"),
  contactReasonId: z.string().uuid("invalid").optional().or(z.literal("").transform(() => undefined)),
  description: z.string().trim().max(4000, "invalid").optional().transform((v) => v || undefined),
  resolved: z.enum(["sim", "nao", ""]).optional().transform((v) => (v === "sim" ? true : v === "nao" ? false : undefined)),
});

export const sendChatSchema = z.object({
  ticketId: z.string().uuid("invalid"),
  // Chosen by the browser per message, so a double submit or a retry never sends twice.
  clientMessageId: z.string().uuid("invalid"),
  body: z.string().trim().min(1, "messageRequired").max(4096, "messageTooLong"),
});

/**
 * the customer number in any common form ("(11) 96103-2832", "+55 11 9 6103 2832", "5511961032832"),
 * as E.164 digits. Nova Conversa's dialog decides "+ Criar Conversa" with the same normalizePhone, so the
 * browser never enables a number the server then refuses.
 */
export const customerPhoneInput = z
  .string()
  .trim()
  .transform((v, ctx) => {
    const e164 = normalizePhone(v);
    if (!e164) {
      ctx.addIssue({ code: "custom", message: "customerPhoneFormat" });
      return z.NEVER;
    }
    return e164;
  });

/** Nova Conversa (seed 001): the sender number and the customer's, with country code (55 when left out) and DDD. */
export const newConversationSchema = z.object({
  senderNumberId: z.string().uuid("senderRequired"),
  customerPhone: customerPhoneInput,
  templateId: z.string().uuid("invalid").optional().or(z.literal("").transform(() => undefined)),
  params: z.array(z.string().trim()).optional(),
  clientMessageId: z.string().uuid("invalid"),
});

export type FinalizeTicketInput = z.output<typeof finalizeTicketSchema>;
export type SendChatInput = z.output<typeof sendChatSchema>;
export type NewConversationInput = z.output<typeof newConversationSchema>;

/** The composer's file: FormData with ticketId, clientMessageId and file. */
export const sendAttachmentSchema = z.preprocess(
  (raw) => (raw instanceof FormData ? Object.fromEntries(raw.entries()) : raw),
  z.object({
    ticketId: z.string().uuid("invalid"),
    clientMessageId: z.string().uuid("invalid"),
    file: z.instanceof(File, { message: "attachmentRequired" }),
  }),
);
