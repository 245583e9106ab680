import { z } from "zod";
import { templateVariables } from "./template-text";

export const TEMPLATE_LANGUAGES = ["pt_BR", "en_US", "es"] as const;
export const TEMPLATE_CATEGORIES = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;
export const TEMPLATE_STATUSES = ["APPROVED", "PENDING", "REJECTED"] as const;
/** How each {{n}} is filled when the template is sent. */
export const VARIABLE_SOURCES = ["customer.name", "company.name", "agent.name", "free"] as const;

export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
export type VariableSource = (typeof VARIABLE_SOURCES)[number];

/** Cloud API limits: body ≤ 1024 characters, up to 3 quick replies (we keep them ≤ 20 characters). */
export const TEMPLATE_BODY_MAX = 1024;
export const TEMPLATE_BUTTONS_MAX = 3;
export const TEMPLATE_BUTTON_MAX = 20;

const id = z.string().uuid("invalid");
const length = (text: string) => [...text].length;

const buttonField = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || length(v) <= TEMPLATE_BUTTON_MAX, "buttonText");

const VARIABLE_FIELD = /^variable_(\d+)$/;

/**
 * The form sends one select per variable ("variable_1", "variable_2", …) and one input per quick reply
 * ("button_1" … "button_3"); callers may also pass `variables: { "1": "customer.name" }` directly.
 */
function collectVariables(raw: unknown) {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const source = raw as Record<string, unknown>;
  const given = source.variables && typeof source.variables === "object" ? (source.variables as Record<string, unknown>) : {};
  const variables: Record<string, unknown> = { ...given };
  for (const [key, value] of Object.entries(source)) {
    const match = VARIABLE_FIELD.exec(key);
    if (match) variables[String(Number(match[1]))] = value;
  }
  return { ...source, variables };
}

/**
 * A template as the sandbox manages it by hand: name (Cloud API rules: lower case, digits, _),
 * language, category, status, body with {{1}}…{{n}} numbered in sequence, a source per variable, and
 * up to 3 distinct quick-reply buttons.
 */
export const templateSchema = z.preprocess(
  collectVariables,
  z
    .object({
      id: id.optional(),
      companyId: z.string("companyRequired").uuid("companyRequired"),
      name: z.string("templateName").trim().min(1, "templateName").max(512, "templateName").regex(/^[a-z0-9_]+$/, "templateName"),
      language: z.enum(TEMPLATE_LANGUAGES, "languageRequired"),
      category: z.enum(TEMPLATE_CATEGORIES, "categoryRequired"),
      status: z.enum(TEMPLATE_STATUSES, "statusRequired"),
      body: z.string("templateBodyRequired").trim().min(1, "templateBodyRequired").refine((v) => length(v) <= TEMPLATE_BODY_MAX, "templateBodyTooLong"),
      variables: z.record(z.string(), z.unknown()),
      button_1: buttonField,
      button_2: buttonField,
      button_3: buttonField,
    })
    .superRefine((v, ctx) => {
      const numbers = templateVariables(v.body);
      if (numbers.some((n, i) => n !== i + 1)) ctx.addIssue({ code: "custom", path: ["body"], message: "templateVariablesSequence" });
      for (const n of numbers) {
        if (!(VARIABLE_SOURCES as readonly unknown[]).includes(v.variables[String(n)])) {
          ctx.addIssue({ code: "custom", path: [`variable_${n}`], message: "templateVariableMapping" });
        }
      }
      const seen = new Set<string>();
      for (const key of ["button_1", "button_2", "button_3"] as const) {
        const text = v[key];
        if (!text) continue;
        if (seen.has(text.toLocaleLowerCase("pt-BR"))) ctx.addIssue({ code: "custom", path: [key], message: "buttonsUnique" });
        seen.add(text.toLocaleLowerCase("pt-BR"));
      }
    })
    .transform((v) => ({
      id: v.id,
      companyId: v.companyId,
      name: v.name,
      language: v.language,
      category: v.category,
      status: v.status,
      body: v.body,
      // Only the variables the body uses.
      variables: Object.fromEntries(templateVariables(v.body).map((n) => [String(n), v.variables[String(n)] as VariableSource])),
      buttons: [v.button_1, v.button_2, v.button_3]
        .filter((text): text is string => !!text)
        .map((text) => ({ type: "QUICK_REPLY" as const, text })),
    })),
);

export const templateStatusSchema = z.object({
  id,
  status: z.enum(TEMPLATE_STATUSES, "statusRequired"),
});

export const syncTemplatesSchema = z.object({
  companyId: z.string("companyRequired").uuid("companyRequired"),
});

export type TemplateInput = z.output<typeof templateSchema>;
export type TemplateStatusInput = z.output<typeof templateStatusSchema>;
export type SyncTemplatesInput = z.output<typeof syncTemplatesSchema>;
