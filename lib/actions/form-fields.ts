import { z } from "zod";

/** A checkbox or switch: present as "on" when checked, absent when not (also accepts booleans). */
export const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false", ""])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** A checkbox list of ids: absent, one string, or an array. */
export const idList = z
  .union([z.array(z.string().uuid("invalid")), z.string().uuid("invalid"), z.literal("")])
  .optional()
  .transform((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]));
