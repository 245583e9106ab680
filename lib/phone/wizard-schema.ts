import { z } from "zod";
import { calendarDay } from "@/lib/appointments/schema";
import { FILTER_MODES } from "./wizard-state";

const uuid = z.string().uuid("invalid");
const quantity = z.coerce.number({ message: "quantity" }).int("quantity").min(1, "quantity").max(100, "quantity");

/** A checkbox list of phone numbers (E.164 digits). */
const numberList = z
  .union([z.array(z.string().regex(/^\d{1,20}$/)), z.string().regex(/^\d{1,20}$/), z.literal("")])
  .optional()
  .transform((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]));

/** Avançar on Origem do Atendimento. */
export const originStepSchema = z.object({ origin: z.literal("phone", { message: "originRequired" }) });

/** Avançar on Filtros: each mode's own fields are required by it. */
export const filterStepSchema = z
  .object({
    mode: z.enum(FILTER_MODES, { message: "invalid" }),
    days: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    phone: z.string().trim().max(20).optional().default(""),
    quantity,
    selected: numberList,
  })
  .transform((v, ctx) => {
    const out = { mode: v.mode, quantity: v.quantity, days: 7, from: null as string | null, to: null as string | null, phone: v.phone, selected: v.selected };
    if (v.mode === "period") {
      const days = Number(v.days);
      if (!Number.isInteger(days) || days < 1 || days > 365) ctx.addIssue({ code: "custom", path: ["days"], message: "days" });
      out.days = days;
    }
    if (v.mode === "range") {
      const from = calendarDay.safeParse(v.from ?? "");
      const to = calendarDay.safeParse(v.to ?? "");
      if (!from.success) ctx.addIssue({ code: "custom", path: ["from"], message: "dateInvalid" });
      if (!to.success) ctx.addIssue({ code: "custom", path: ["to"], message: "dateInvalid" });
      if (from.success && to.success && to.data < from.data) ctx.addIssue({ code: "custom", path: ["to"], message: "periodOrder" });
      out.from = from.data ?? null;
      out.to = to.data ?? null;
    }
    if (v.mode === "phone" && !v.selected.length) ctx.addIssue({ code: "custom", path: ["selected"], message: "numbersRequired" });
    return out;
  });
export type FilterStepInput = z.output<typeof filterStepSchema>;

/** Telefone's search (Enter or the button). */
export const searchNumbersSchema = z.object({
  phone: z
    .string()
    .trim()
    .transform((v) => v.replace(/\D/g, ""))
    .pipe(z.string().min(2, "phonePrefix").max(15, "phonePrefix")),
  quantity,
});

export const callStepSchema = z.object({ callId: uuid.or(z.literal("").transform(() => null)).refine((v) => v !== null, "callRequired") });
export const linkCustomerSchema = z.object({ customerId: uuid });
export const contactStepSchema = z.object({ contactId: z.union([uuid, z.literal("")]).optional().transform((v) => v || null) });
export const planStepSchema = z.object({ assetId: z.union([uuid, z.literal("")]).optional().transform((v) => v || null) });
export const scriptAnswerSchema = z.object({ optionId: z.string().min(1, "answerRequired").max(40, "invalid") });

export const finishStepSchema = z.object({
  resolved: z.enum(["sim", "nao"], { message: "resolvedRequired" }).transform((v) => v === "sim"),
  contactReasonId: z.string().uuid("reasonRequiredClose"),
  description: z.string().trim().min(1, "descriptionRequired").max(2000, "invalid"),
});
export type FinishStepInput = z.output<typeof finishStepSchema>;

/** Voltar and Cancelar name the step they were pressed on: a stale tab cannot move another step's state. */
export const stepOf = z.object({ step: z.coerce.number().int().min(1).max(9) });
