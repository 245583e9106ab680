import { z } from "zod";

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

/** Nova Conversa (seed 001): the customer number with country code and DDD, e.g. 5511999999999. */
export const newConversationSchema = z.object({
  senderNumberId: z.string().uuid("senderRequired"),
  customerPhone: z
    .string()
    .trim()
    .regex(/^\d{12,13}$/, "customerPhoneFormat"),
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
