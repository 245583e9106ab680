import { z } from "zod";
import { checkbox } from "@/lib/actions/form-fields";
import { calendarDay } from "@/lib/appointments/schema";

const id = z.string().uuid("invalid");
const name = z.string().trim().min(1, "nameRequired").max(120, "invalid");

/** A whole number from a form field within [min, max]; every failure reports `message`. */
const int = (min: number, max: number, message: string) =>
  z.coerce.number(message).int(message).min(min, message).max(max, message);

/** An optional whole number: blank means none. */
const optionalInt = (min: number, max: number, message: string) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), int(min, max, message).optional()).transform((v) => v ?? null);

/** The name of an approved WhatsApp template (Cloud API names: lower case, digits, underscores); blank = none. */
const templateName = z
  .string()
  .trim()
  .max(512, "templateName")
  .regex(/^[a-z0-9_]*$/, "templateName")
  .optional()
  .transform((v) => v || null);

const optionalDay = z
  .union([calendarDay, z.literal("")])
  .optional()
  .transform((v) => v || null);

export const programSchema = z.object({
  id: id.optional(),
  companyId: z.string().uuid("companyRequired"),
  campaignId: z.string().uuid("campaignRequired"),
  name,
  cycleMonths: int(1, 120, "cycleMonths"),
  cycleKm: optionalInt(500, 200_000, "cycleKm"),
  contactDaysBefore: int(0, 90, "contactDaysBefore"),
  invitationTemplate: templateName,
  confirmationTemplate: templateName,
  confirmDaysBefore: int(0, 30, "confirmDaysBefore"),
  noShowTemplate: templateName,
  noShowToleranceMinutes: int(0, 1440, "noShowToleranceMinutes"),
  noReplyDays: int(1, 30, "noReplyDays"),
  autoSend: checkbox,
  active: checkbox,
});

export const campaignSchema = z
  .object({
    id: id.optional(),
    companyId: z.string().uuid("companyRequired"),
    name,
    active: checkbox,
    startsOn: optionalDay,
    endsOn: optionalDay,
  })
  .superRefine((v, ctx) => {
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "periodOrder" });
    }
  });

export type ProgramInput = z.output<typeof programSchema>;
export type CampaignInput = z.output<typeof campaignSchema>;
