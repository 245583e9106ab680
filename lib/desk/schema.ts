import { z } from "zod";

/** The presence menu: Pronto, or Não pronto with a pause reason; "after" = Pausar após concluir. */
export const setPresenceSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("pronto") }),
  z.object({ state: z.literal("nao_pronto"), pauseReasonId: z.string().uuid("pause_reason_required"), after: z.boolean().optional() }),
]);

export const offerAnswerSchema = z.object({ offerId: z.string().uuid("invalid") });

export const transferSchema = z
  .object({
    ticketId: z.string().uuid("invalid"),
    toAgentId: z.string().uuid("invalid").optional().or(z.literal("").transform(() => undefined)),
    queueId: z.string().uuid("invalid").optional().or(z.literal("").transform(() => undefined)),
    reason: z.string().trim().max(500, "invalid").optional(),
  })
  .refine((v) => !!v.toAgentId !== !!v.queueId, { message: "transferTarget", path: ["toAgentId"] });

export const noteSchema = z.object({
  ticketId: z.string().uuid("invalid"),
  body: z.string().trim().min(1, "messageRequired").max(4000, "messageTooLong"),
});
