import { z } from "zod";
import { SCRIPT_OUTCOMES } from "./script-engine";

export const rotateKeySchema = z.object({ companyId: z.string().uuid("invalid") });

const id = z.string().trim().min(1, "required").max(40, "invalid").regex(/^[\w-]+$/, "invalid");
const text = (max: number) => z.string().trim().max(max, "invalid");

/** A script as the admin saves it; validateScript (lib/phone/script-engine.ts) then checks its graph. */
export const scriptDefinitionSchema = z.object({
  start: id,
  questions: z
    .array(
      z.object({
        id,
        text: text(500).min(1, "required"),
        customerHelp: text(2000).default(""),
        operatorHelp: text(2000).default(""),
        options: z
          .array(
            z.object({
              id,
              label: text(200).min(1, "required"),
              next: id.nullable(),
              outcome: z.enum(SCRIPT_OUTCOMES).nullable().optional(),
            }),
          )
          .max(20, "invalid"),
      }),
    )
    .max(100, "invalid"),
});

export const saveScriptSchema = z.object({
  companyId: z.string().uuid("invalid"),
  scriptId: z.string().uuid("invalid").optional(),
  name: text(120).min(1, "nameRequired"),
  planName: text(120).optional().transform((v) => v || null),
  definition: scriptDefinitionSchema,
});
export type SaveScriptInput = z.output<typeof saveScriptSchema>;
