import type { Db } from "@/db/client";
import { DEFAULT_TIME_ZONE, zonedInstant } from "@/lib/dates";
import { pbxCallSchema, type PbxCall } from "./call-schema";
import { csvFields, textLines } from "./csv-lines";
import { storeCalls } from "./store-calls";

/** Asterisk's Master.csv (cdr_csv) columns, in order; uniqueid needs `loguniqueid=yes`, as the import keys on it. */
export const MASTER_CSV_COLUMNS = [
  "accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata",
  "start", "answer", "end", "duration", "billsec", "disposition", "amaflags", "uniqueid", "userfield",
] as const;
/** The simple form: a header line naming these columns (any order; answer, queue, extension, agent optional). */
export const HEADER_COLUMNS = ["uniqueid", "src", "dst", "start", "answer", "end", "duration", "billsec", "disposition", "queue", "extension", "agent"] as const;

export const MAX_IMPORT_LINES = 200_000;
const MAX_LISTED_ERRORS = 100;
const BATCH = 1000;

export type ImportError = { line: number; reason: string; field?: string };
export type ImportReport = {
  format: "master" | "header" | null;
  lines: number;
  valid: number;
  errors: ImportError[];
  /** How many bad lines in all (errors lists the first ones). */
  errorCount: number;
  preview: { uniqueid: string; src: string; dst: string; start: string; disposition: string; billsec: number }[];
  stored: number;
  duplicates: number;
};

/** "2026-12-04 10:15:30" in the company's zone, or an ISO instant with its offset; "" stays empty. */
function instant(text: string, timeZone: string): string | null {
  const value = text.trim();
  if (!value) return null;
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!local) return value;
  const at = zonedInstant(local[1], `${local[2]}:${local[3]}`, timeZone);
  return new Date(at.getTime() + Number(local[4]) * 1000).toISOString();
}

/** "SIP/2001-00000a1b" → "2001": the extension an Asterisk channel names. */
function extensionOf(channel: string) {
  return /^[A-Za-z0-9]+\/([^-@]+)/.exec(channel)?.[1] ?? "";
}

class Rollback extends Error {}

/**
 * Imports a CSV of call records, streamed line by line inside one transaction: every line is checked
 * (each bad one named with its number and reason), valid ones are written in batches, and unless the whole
 * file is valid — or this is the preview (`commit: false`) — the transaction rolls back, so nothing is
 * imported from a file with a bad line.
 */
export async function importCallsCsv(
  db: Db,
  input: { companyId: string; stream: AsyncIterable<Uint8Array>; commit: boolean; now: Date; timeZone?: string },
): Promise<ImportReport> {
  const tz = input.timeZone ?? DEFAULT_TIME_ZONE;
  const report: ImportReport = { format: null, lines: 0, valid: 0, errors: [], errorCount: 0, preview: [], stored: 0, duplicates: 0 };
  const fail = (line: number, reason: string, field?: string) => {
    report.errorCount++;
    if (report.errors.length < MAX_LISTED_ERRORS) report.errors.push({ line, reason, ...(field ? { field } : {}) });
  };
  try {
    await db.transaction(async (tx) => {
      let header: Map<string, number> | null = null;
      let batch: PbxCall[] = [];
      const flush = async () => {
        if (!batch.length) return;
        // Written even in a file with errors so far: the rollback at the end undoes it. No bad line → committed.
        const stored = await storeCalls(tx, input.companyId, batch, input.now);
        report.stored += stored.stored;
        report.duplicates += stored.duplicates;
        batch = [];
      };
      let number = 0;
      try {
        for await (const line of textLines(input.stream)) {
          number++;
          if (number > MAX_IMPORT_LINES) {
            fail(number, "too_many_lines");
            break;
          }
          if (!line.trim()) continue;
          const fields = csvFields(line);
          if (!fields) {
            fail(number, "quote");
            continue;
          }
          if (number === 1 && report.format === null) {
            const names = fields.map((f) => f.trim().toLowerCase());
            if (names.includes("uniqueid") && names.includes("src")) {
              header = new Map(names.map((n, i) => [n, i]));
              report.format = "header";
              const missing = HEADER_COLUMNS.filter((c) => !["answer", "queue", "extension", "agent"].includes(c) && !header!.has(c));
              if (missing.length) {
                fail(number, "missing_columns", missing.join(", "));
                break;
              }
              continue;
            }
            report.format = "master";
          }
          report.lines++;
          let raw: Record<string, unknown>;
          if (header) {
            const at = (name: string) => (header!.has(name) ? (fields[header!.get(name)!] ?? "") : "");
            raw = {
              uniqueid: at("uniqueid"), src: at("src"), dst: at("dst"), start: instant(at("start"), tz), answer: instant(at("answer"), tz),
              end: instant(at("end"), tz), duration: Number(at("duration") || NaN), billsec: Number(at("billsec") || NaN),
              disposition: at("disposition").trim().toUpperCase(), queue: at("queue"), extension: at("extension"), agent: at("agent"),
            };
          } else {
            if (fields.length < 17) {
              fail(number, "columns", String(fields.length));
              continue;
            }
            const f = (name: (typeof MASTER_CSV_COLUMNS)[number]) => fields[MASTER_CSV_COLUMNS.indexOf(name)] ?? "";
            raw = {
              uniqueid: f("uniqueid"), src: f("src"), dst: f("dst"), start: instant(f("start"), tz), answer: instant(f("answer"), tz),
              end: instant(f("end"), tz), duration: Number(f("duration") || NaN), billsec: Number(f("billsec") || NaN),
              disposition: f("disposition").trim().toUpperCase(),
              // A call through Queue() names its queue first in lastdata ("suporte,t,,,300").
              queue: f("lastapp") === "Queue" ? f("lastdata").split(",")[0] : f("dcontext"),
              extension: extensionOf(f("dstchannel")),
            };
          }
          const parsed = pbxCallSchema.safeParse(raw);
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            fail(number, "field", String(issue.path[0] ?? ""));
            continue;
          }
          report.valid++;
          if (report.preview.length < 10) {
            const c = parsed.data;
            report.preview.push({ uniqueid: c.uniqueid, src: c.src, dst: c.dst, start: c.start.toISOString(), disposition: c.disposition, billsec: c.billsec });
          }
          if (input.commit && report.errorCount === 0) {
            batch.push(parsed.data);
            if (batch.length >= BATCH) await flush();
          }
        }
      } catch (error) {
        if (error instanceof TypeError) fail(number + 1, "encoding");
        else throw error;
      }
      if (report.format === null && report.lines === 0 && report.errorCount === 0) fail(0, "empty");
      if (!input.commit || report.errorCount > 0) throw new Rollback();
      await flush();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    report.stored = 0;
    report.duplicates = 0;
  }
  return report;
}
