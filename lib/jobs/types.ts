import type { Db } from "@/db/client";
import type { WhatsappGateway } from "@/lib/whatsapp/gateway";

export type JobTrigger = "cron" | "manual" | "event" | "test";

export type JobDeps = {
  db: Db;
  gateway: WhatsappGateway;
  /** Pacing waits (sender rate limits); tests inject a fake. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Monotonic milliseconds for the pacing; tests inject a fake clock advanced by their fake sleep. */
  monotonicNow?: () => number;
  /** Sends in flight at once within a batch (default 8; the sender's rate still applies). */
  concurrency?: number;
};

export type JobOptions = {
  now: Date;
  trigger: JobTrigger;
  /** At most this many items in the run (default: all, in batches of BATCH_SIZE). */
  limit?: number;
  /** Who pressed "Executar agora" (job_runs.triggered_by). */
  triggeredBy?: string | null;
  /** A job_runs row already claimed for this run (the local scheduler claims its tick before running). */
  runId?: string;
};

export type JobReport = {
  considered: number;
  sent: number;
  skipped: Record<string, number>;
  failed: number;
  errors: string[];
  /** Status changes made by the run (agendas, appointments, conversations); not stored in job_runs. */
  changed: number;
};

export const BATCH_SIZE = 500;
const MAX_ERRORS = 50;

export function emptyReport(): JobReport {
  return { considered: 0, sent: 0, skipped: {}, failed: 0, errors: [], changed: 0 };
}

export function skip(report: JobReport, reason: string, count = 1) {
  if (count <= 0) return;
  report.skipped[reason] = (report.skipped[reason] ?? 0) + count;
}

export function fail(report: JobReport, message: string) {
  report.failed++;
  if (report.errors.length < MAX_ERRORS) report.errors.push(message.slice(0, 500));
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** How many items the run may still take, given its limit. */
export function remaining(opts: JobOptions, report: JobReport): number {
  return opts.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, opts.limit - report.considered);
}

export function batchSize(opts: JobOptions, report: JobReport): number {
  return Math.min(BATCH_SIZE, remaining(opts, report));
}
