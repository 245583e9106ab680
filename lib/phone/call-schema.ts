import { z } from "zod";
import { CALL_DISPOSITIONS } from "@/db/schema/phone";
import { normalizePhone } from "@/lib/customers/phone";

/** How many records one POST may carry: a PBX pushing every few seconds sends a handful. */
export const MAX_CALLS_PER_BATCH = 1000;

// An instant with its offset (or Z): a bare "2026-12-04 10:00" would be read in whichever zone the server runs.
const instant = z.iso.datetime({ offset: true, message: "instant" }).transform((v) => new Date(v));
const seconds = z.number().int().min(0).max(7 * 86_400);
const label = z.string().trim().max(80).optional().transform((v) => v || null);

/** A number as the PBX wrote it: E.164 digits when it is a phone number, else the text (an extension, "anonymous"). */
export function callNumber(raw: string): string {
  return normalizePhone(raw) ?? raw.trim();
}

const number = z.string().trim().min(1).max(40).transform(callNumber);

/** One call record in the PBX API's JSON, named after Asterisk's CDR fields. */
export const pbxCallSchema = z
  .object({
    uniqueid: z.string().trim().min(1).max(150),
    src: number,
    dst: number,
    start: instant,
    answer: instant.nullable().optional(),
    end: instant,
    duration: seconds,
    billsec: seconds,
    disposition: z.enum(CALL_DISPOSITIONS),
    queue: label,
    extension: label,
    agent: label,
  })
  .superRefine((v, ctx) => {
    if (v.end < v.start) ctx.addIssue({ code: "custom", path: ["end"], message: "end_before_start" });
    if (v.answer && (v.answer < v.start || v.answer > v.end)) ctx.addIssue({ code: "custom", path: ["answer"], message: "answer_outside_call" });
    if (v.billsec > v.duration) ctx.addIssue({ code: "custom", path: ["billsec"], message: "billsec_over_duration" });
  });

export const pbxBatchSchema = z.object({ calls: z.array(pbxCallSchema).min(1).max(MAX_CALLS_PER_BATCH) }).strict();

export type PbxCall = z.output<typeof pbxCallSchema>;
