import { z } from "zod";
import { SCHEDULED_ACTION_KINDS, SCHEDULED_ACTION_STATUSES } from "@/db/schema/scheduled-actions";
import { isLocalDateTime } from "@/lib/dates";

const optionalUuid = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .pipe(z.string().uuid().optional())
  .optional();

/** Novo agendamento (seed 002), shared by the form and the action. `scheduledAt` is wall-clock time in the company's zone. */
export const scheduledActionSchema = z
  .object({
    id: optionalUuid,
    companyId: z.string().uuid(),
    customerId: optionalUuid,
    contactId: optionalUuid,
    phone: z.string().trim().max(20).optional().default(""),
    queueId: z.string().uuid({ message: "queueRequired" }),
    agentId: z.string().uuid({ message: "agentRequired" }),
    kind: z.enum(SCHEDULED_ACTION_KINDS, { message: "kindRequired" }),
    scheduledAt: z.string().refine(isLocalDateTime, "dateTimeRequired"),
    message: z.string().trim().max(4096).optional().default(""),
    templateId: optionalUuid,
    templateParams: z.array(z.string().trim().max(1024)).max(20).optional().default([]),
    comment: z.string().trim().max(2000).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.contactId && !v.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "contactRequired" });
    if (v.kind !== "notificar" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "commentRequired" });
  });

export type ScheduledActionInput = z.output<typeof scheduledActionSchema>;

export const scheduledActionIdSchema = z.object({ id: z.string().uuid() });

export const scheduledActionFiltersSchema = z.object({
  status: z.enum(SCHEDULED_ACTION_STATUSES).optional().catch(undefined),
  de: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  ate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined),
  atendente: z.string().uuid().optional().catch(undefined),
});
