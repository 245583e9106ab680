import { z } from "zod";
import { calendarDay } from "@/lib/appointments/schema";
import { isLocalDateTime } from "@/lib/dates";
import { PERIODS, type Period } from "./period";
import { TOTALIZERS } from "./totalizers";

const DEFAULT_PERIOD: Period = "hoje";

/** The worklist's filters as they live in the URL; anything malformed falls back to the default. */
export const worklistParamsSchema = z.object({
  empresa: z.string().uuid().optional().catch(undefined),
  agenda: z.enum(PERIODS).catch(DEFAULT_PERIOD),
  // The forms' rule: a real calendar day (2026-02-31 would reach the database and fail the page).
  de: calendarDay.optional().catch(undefined),
  ate: calendarDay.optional().catch(undefined),
  campanha: z.string().uuid().optional().catch(undefined),
  time: z.string().uuid().optional().catch(undefined),
  agente: z.string().uuid().optional().catch(undefined),
  origem: z.enum(["automatica", "manual"]).optional().catch(undefined),
  total: z.enum(TOTALIZERS).optional().catch(undefined),
  busca: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  ordem: z.enum(["data", "cliente", "status", "agente"]).catch("data"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  pagina: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type WorklistParams = z.output<typeof worklistParamsSchema>;

/**
 * The URL's filters. A De or Até that is not a real day is dropped and a custom period falls back to the
 * default one; `invalidDate` is there for the page to say so rather than show another period silently.
 * A De after its Até falls back the same way with `reversedRange`: swapping it would show a period the
 * user did not ask for.
 */
export function parseWorklistParams(raw: Record<string, string | string[] | undefined>): {
  params: WorklistParams;
  invalidDate: boolean;
  reversedRange: boolean;
} {
  const params = worklistParamsSchema.parse(raw);
  const invalidDate = (["de", "ate"] as const).some((key) => raw[key] !== undefined && raw[key] !== "" && params[key] === undefined);
  const reversedRange = !invalidDate && params.agenda === "periodo" && !!params.de && !!params.ate && params.de > params.ate;
  if (!invalidDate && !reversedRange) return { params, invalidDate, reversedRange };
  return {
    params: { ...params, de: undefined, ate: undefined, agenda: params.agenda === "periodo" ? DEFAULT_PERIOD : params.agenda },
    invalidDate,
    reversedRange,
  };
}

export const OUTCOMES = ["agendou", "recusou", "pediu_ligar", "nao_atendeu"] as const;

export const outcomeSchema = z
  .object({
    agendaId: z.string().uuid("invalid"),
    outcome: z.enum(OUTCOMES, "outcomeRequired"),
    slot: z.string().optional(),
    assetId: z.string().uuid("invalid").optional().or(z.literal("").transform(() => undefined)),
    reason: z.string().trim().max(500, "invalid").optional(),
    callbackAt: z.string().optional(),
    note: z.string().trim().max(2000, "invalid").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "agendou" && !(v.slot && !Number.isNaN(Date.parse(v.slot)))) {
      ctx.addIssue({ code: "custom", path: ["slot"], message: "slotRequired" });
    }
    if (v.outcome === "recusou" && !v.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
    }
    if (v.outcome === "pediu_ligar" && !(v.callbackAt && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v.callbackAt))) {
      ctx.addIssue({ code: "custom", path: ["callbackAt"], message: "callbackRequired" });
    } else if (v.outcome === "pediu_ligar" && !isLocalDateTime(v.callbackAt!)) {
      // Shaped right but no such moment (2026-13-45T99:99) or a year no one plans in (9999).
      ctx.addIssue({ code: "custom", path: ["callbackAt"], message: "dateInvalid" });
    }
  });
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const cancelAppointmentSchema = z.object({ appointmentId: z.string().uuid("invalid") });
export const rescheduleAppointmentSchema = z.object({
  appointmentId: z.string().uuid("invalid"),
  slot: z.string().refine((v) => !Number.isNaN(Date.parse(v)), "slotRequired"),
});

export const sendInvitationSchema = z.object({ agendaId: z.string().uuid("invalid"), requestId: z.string().uuid("invalid") });
