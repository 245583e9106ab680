import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { agendas, appointments, programs } from "@/db/schema/agendas";
import { markNoShow, OPEN_APPOINTMENT_STATUSES } from "@/lib/appointments/status";
import { recordRun } from "./record-run";
import { eachBatch } from "./batches";
import { sendTemplates } from "@/lib/whatsapp/outbox/send-bulk";
import { openForSending, tallySend, templateItems } from "./dispatch";
import { STANDARD_TEMPLATES, notSentYet } from "./sending";
import { errorText, fail, skip, type JobDeps, type JobOptions, type JobReport } from "./types";

export const JOB = "no-show-sweep";
const KEY_PREFIX = "noshow:";
export const DEFAULT_NO_SHOW_TOLERANCE_MINUTES = 60;
/** No-shows older than this are not messaged any more (a late "we missed you" helps nobody). */
export const NO_SHOW_MESSAGE_MAX_AGE_DAYS = 3;

/**
 * SPEC §3.5 "No-show", in two passes:
 * 1. appointments `agendado`/`confirmado` past startsAt + the program's noShowToleranceMinutes (60 when
 *    none) become `no_show` (noShowMarkedBy automatic); their agenda goes back to scheduling with status
 *    `no_show` and a history row (system, reason no_show_automatico).
 * 2. no-show appointments whose agenda is still `no_show` and whose `noshow:<appointmentId>` message
 *    does not exist yet get the program's no-show template — only within the company's sending hours,
 *    so a no-show marked at night is messaged by the first run in the morning.
 */
export async function run(deps: JobDeps, opts: JobOptions) {
  return recordRun(deps.db, JOB, opts, async (report) => {
    await markNoShows(deps, opts, report);
    await sendNoShowMessages(deps, opts, report);
  });
}

async function markNoShows(deps: JobDeps, opts: JobOptions, report: JobReport) {
  const { db } = deps;
  const { now } = opts;
  const fetch = (cursor: string | null, size: number) =>
    db
      .select({ id: appointments.id, agendaId: appointments.agendaId })
      .from(appointments)
      .leftJoin(agendas, eq(agendas.id, appointments.agendaId))
      .leftJoin(programs, eq(programs.id, agendas.programId))
      .where(
        and(
          inArray(appointments.status, [...OPEN_APPOINTMENT_STATUSES]),
          sql`${appointments.startsAt} + make_interval(mins => coalesce(${programs.noShowToleranceMinutes}, ${DEFAULT_NO_SHOW_TOLERANCE_MINUTES})) < ${now.toISOString()}::timestamptz`,
          cursor ? gt(appointments.id, cursor) : undefined,
        ),
      )
      .orderBy(asc(appointments.id))
      .limit(size);
  await eachBatch(opts, report, fetch, async (batch) => {
    for (const appt of batch) {
      try {
        const changed = await db.transaction(
          async (tx) => !!(await markNoShow(tx, { appointmentId: appt.id, by: "automatic", actorId: null, now })),
        );
        if (changed) report.changed++;
        else skip(report, "ja_processado");
      } catch (error) {
        fail(report, `agendamento ${appt.id}: ${errorText(error)}`);
      }
    }
  });
}

const messageWhere = (companyIds: string[], now: Date) =>
  and(
    inArray(appointments.companyId, companyIds),
    eq(appointments.status, "no_show"),
    gt(appointments.startsAt, new Date(now.getTime() - NO_SHOW_MESSAGE_MAX_AGE_DAYS * 86_400_000)),
    or(isNull(appointments.agendaId), eq(agendas.status, "no_show")),
    notSentYet(appointments.id, KEY_PREFIX),
  );

async function sendNoShowMessages(deps: JobDeps, opts: JobOptions, report: JobReport) {
  const { db } = deps;
  const { now } = opts;
  const kit = await openForSending(deps, now, report, async (companyIds) => {
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .leftJoin(agendas, eq(agendas.id, appointments.agendaId))
      .where(messageWhere(companyIds, now));
    return n;
  });
  if (!kit) return;

  const fetch = (cursor: string | null, size: number) =>
    db
      .select({
        id: appointments.id,
        companyId: appointments.companyId,
        customerId: appointments.customerId,
        templateName: sql<string>`coalesce(${programs.noShowTemplate}, ${STANDARD_TEMPLATES.noShow})`,
      })
      .from(appointments)
      .leftJoin(agendas, eq(agendas.id, appointments.agendaId))
      .leftJoin(programs, eq(programs.id, agendas.programId))
      .where(and(messageWhere(kit.companyIds, now), cursor ? gt(appointments.id, cursor) : undefined))
      .orderBy(asc(appointments.id))
      .limit(size);

  await eachBatch(opts, report, fetch, async (batch) => {
    const { items } = await templateItems(db, batch, kit, { keyPrefix: KEY_PREFIX, values: (_, firstName) => [firstName], report });
    for (const [key, outcome] of await sendTemplates(db, kit.gateway, items, now, { concurrency: deps.concurrency })) {
      tallySend(report, outcome, `agendamento ${key.slice(KEY_PREFIX.length)}`);
    }
  });
}
