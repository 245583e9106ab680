import { z } from "zod";
import { checkbox, idList } from "@/lib/actions/form-fields";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { LOCALES } from "@/lib/i18n/locales";
import { normalizeDocument } from "@/lib/customers/document";

const id = z.string().uuid("invalid");
const name = z.string().trim().min(1, "nameRequired").max(120, "invalid");
export const switchCompanySchema = z.object({ companyId: id });
export const setLocaleSchema = z.object({ locale: z.enum(LOCALES) });
export const idSchema = z.object({ id });

export const companySchema = z.object({
  id: id.optional(),
  name,
  cnpj: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const digits = normalizeDocument(v);
      if (!digits || digits.length !== 14) {
        ctx.addIssue({ code: "custom", message: "cnpj" });
        return z.NEVER;
      }
      return digits;
    }),
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat("pt-BR", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "timeZone"),
  closeScriptRequired: checkbox,
  active: checkbox,
  sendingStartsAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time").default("08:00"),
  sendingEndsAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time").default("20:00"),
}).refine((v) => v.sendingStartsAt < v.sendingEndsAt, { path: ["sendingEndsAt"], message: "sendingWindow" });

export const roleSchema = z.object({
  id: id.optional(),
  name,
  description: z.string().trim().max(300, "invalid").optional().transform((v) => v || null),
  permissions: z
    .union([z.array(z.enum(PERMISSIONS)), z.enum(PERMISSIONS), z.literal("")])
    .optional()
    .transform((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v])),
});

export const userSchema = z
  .object({
    id: id.optional(),
    name,
    email: z.string().trim().toLowerCase().email("email"),
    password: z.string().optional().transform((v) => v || undefined),
    roleId: z.string().uuid("roleRequired"),
    homeCompanyId: z.string().uuid("companyRequired"),
    companyIds: idList,
    teamIds: idList,
    queueIds: idList,
    capacity: z.coerce.number().int("capacity").min(1, "capacity").max(50, "capacity"),
    active: checkbox,
  })
  .superRefine((v, ctx) => {
    if (!v.id && !v.password) ctx.addIssue({ code: "custom", path: ["password"], message: "passwordMin" });
    if (v.password && v.password.length < 8) ctx.addIssue({ code: "custom", path: ["password"], message: "passwordMin" });
  })
  .transform((v) => ({ ...v, companyIds: Array.from(new Set([v.homeCompanyId, ...v.companyIds])) }));

export const teamSchema = z.object({
  id: id.optional(),
  companyId: z.string().uuid("companyRequired"),
  name,
  isPa: checkbox,
  memberIds: idList,
});

export const queueSchema = z.object({
  id: id.optional(),
  companyId: z.string().uuid("companyRequired"),
  name,
  memberIds: idList,
});

export type CompanyInput = z.output<typeof companySchema>;
export type RoleInput = z.output<typeof roleSchema>;
export type UserInput = z.output<typeof userSchema>;
export type TeamInput = z.output<typeof teamSchema>;
export type QueueInput = z.output<typeof queueSchema>;
