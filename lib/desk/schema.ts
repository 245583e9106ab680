import { z } from "zod";

/** The presence menu: Pronto, or Não pronto with a pause reason; "after" = Pausar após concluir. */
export const setPresenceSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("pronto") }),
  z.object({ state: z.literal("nao_pronto"), pauseReasonId: z.string().uuid("pause_reason_required"), after: z.boolean().optional() }),
]);

export const offerAnswerSchema = z.object({ offerId: z.string().uuid("invalid") });
