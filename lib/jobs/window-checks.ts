import { sql } from "drizzle-orm";
import { recordRun } from "./record-run";
import { batchSize, type JobDeps, type JobOptions, type JobReport } from "./types";
import { rowsOf } from "@/db/rows-of";
import { moveAgenda } from "@/lib/agendas/status";

export const JOB = "window-checks";
export const DEFAULT_NO_REPLY_DAYS = 3;

/**
 * SPEC §3.5 "No reply" and "24-hour window":
 * - agendas still `pendente` whose message went out (enviado/entregue/lido) more than the program's
 *   noReplyDays ago (3 without a program) become `nao_respondeu`, with a history row;
 * - conversations whose customer last wrote more than 24 h ago and that are not marked closed since
 *   that message get windowClosedMarkedAt = now.
 * Each batch is claimed FOR UPDATE SKIP LOCKED, so concurrent runs split the work instead of repeating
 * it; the agendas move through moveAgenda (history row and event) in the batch's transaction.
 */
export async function run(deps: JobDeps, opts: JobOptions) {
  return recordRun(deps.db, JOB, opts, async (report) => {
    await markNoReply(deps, opts, report);
    await markClosedWindows(deps, opts, report);
  });
}

async function markNoReply(deps: JobDeps, opts: JobOptions, report: JobReport) {
  const now = opts.now.toISOString();
  for (;;) {
    const size = batchSize(opts, report);
    if (size <= 0) break;
    const { due, moved } = await deps.db.transaction(async (tx) => {
      const rows = await tx.execute<{ id: string }>(sql`
        select a.id from agendas a
        left join programs p on p.id = a.program_id
        where a.status = 'pendente'
          and a.whatsapp_state in ('enviado', 'entregue', 'lido')
          and a.whatsapp_at < ${now}::timestamptz - make_interval(days => coalesce(p.no_reply_days, ${DEFAULT_NO_REPLY_DAYS}))
        order by a.id
        limit ${size}
        for update of a skip locked`);
      const ids = rowsOf<{ id: string }>(rows).map((r) => r.id);
      let n = 0;
      for (const agendaId of ids) {
        if (await moveAgenda(tx, { agendaId, move: "no_reply", reason: "sem_resposta", actorId: null, now: opts.now })) n++;
      }
      return { due: ids.length, moved: n };
    });
    report.considered += due;
    report.changed += moved;
    if (due < size) break;
  }
}

async function markClosedWindows(deps: JobDeps, opts: JobOptions, report: JobReport) {
  const now = opts.now.toISOString();
  for (;;) {
    const size = batchSize(opts, report);
    if (size <= 0) break;
    const rows = await deps.db.execute<{ id: string }>(sql`
      with due as (
        select c.id from conversations c
        where c.last_inbound_at < ${now}::timestamptz - interval '24 hours'
          and (c.window_closed_marked_at is null or c.window_closed_marked_at < c.last_inbound_at)
        order by c.id
        limit ${size}
        for update skip locked
      )
      update conversations set window_closed_marked_at = ${now}::timestamptz
      from due where conversations.id = due.id
      returning conversations.id`);
    const n = rowsOf(rows).length;
    report.considered += n;
    report.changed += n;
    if (n < size) break;
  }
}
