import { z } from "zod";
import { checkbox } from "@/lib/actions/form-fields";
import { normalizeDocument } from "./document";
import { isMobilePhone, normalizePhone } from "./phone";

const optionalText = z
  .string()
  .trim()
  .max(200, "invalid")
  .optional()
  .transform((v) => v || null);

function phoneField(message: "phone" | "mobile", mobileOnly = false) {
  return z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const e164 = normalizePhone(v);
      if (!e164 || (mobileOnly && !isMobilePhone(e164))) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return e164;
    });
}

export const customerSchema = z.object({
  id: z.string().uuid("invalid").optional(),
  companyId: z.string().uuid("companyRequired"),
  name: z.string().trim().min(1, "nameRequired").max(200, "invalid"),
  document: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const digits = normalizeDocument(v);
      if (!digits) {
        ctx.addIssue({ code: "custom", message: "document" });
        return z.NEVER;
      }
      return digits;
    }),
  whatsappOptOut: checkbox,
  notes: z.string().trim().max(2000, "invalid").optional().transform((v) => v || null),
});

/** The field errors' key of the rule below: the form shows it on the fieldset of those fields. */
export const CONTACT_REACHABLE = "reachable";
/** The fields the rule below asks one of. */
export const CONTACT_REACHABLE_FIELDS = ["position", "phone", "fax", "mobile", "email"] as const;

/** Seed 003, 4.2.3: at least one of Cargo, Fone, Fax, Celular or E-mail. */
export const contactSchema = z
  .object({
    id: z.string().uuid("invalid").optional(),
    customerId: z.string().uuid("invalid"),
    name: z.string().trim().min(1, "nameRequired").max(200, "invalid"),
    contactType: optionalText,
    position: optionalText,
    phone: phoneField("phone"),
    fax: phoneField("phone"),
    mobile: phoneField("mobile", true),
    email: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .pipe(z.string().email("email").nullable()),
    whatsapp: phoneField("mobile", true),
    mobileInvalid: checkbox,
  })
  .superRefine((v, ctx) => {
    if (!v.position && !v.phone && !v.fax && !v.mobile && !v.email) {
      // On the group of the five fields, which the form highlights together (issue 11, item 15).
      ctx.addIssue({ code: "custom", path: [CONTACT_REACHABLE], message: "contactReachable" });
    }
  });

export const customerSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

export type CustomerInput = z.output<typeof customerSchema>;
export type ContactInput = z.output<typeof contactSchema>;
