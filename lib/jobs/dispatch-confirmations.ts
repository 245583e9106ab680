import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { agendas, appointments, programs } from "@/db/schema/agendas";
import { companies } from "@/db/schema/org";
import { markConfirmationSent } from "@/lib/appointments/status";
import { sendTemplates } from "@/lib/whatsapp/outbox/send-bulk";
import { eachBatch } from "./batches";
import { openForSending, tallySend, templateItems } from "./dispatch";
import { recordRun } from "./record-run";
import { STANDARD_TEMPLATES, formatDayTime } from "./sending";
import { errorText, fail, type JobDeps, type JobOptions, type JobReport } from "./types";

export const JOB = "dispatch-confirmations";
const KEY_PREFIX = "confirm:";
export const DEFAULT_CONFIRM_DAYS_BEFORE = 2;

/**
 * SPEC §3.5 "Confirmação": appointments still `agendado`, not yet confirmed by message, starting within
 * the program's `confirmDaysBefore` days (2 when the appointment has no program) get the confirmation
 * template ({{1}} first name, {{2}} "dd/MM HH:mm" in the company's time zone), key
 * `confirm:<appointmentId>`; confirmationSentAt is set once the message is out.
 */
export async function run(deps: JobDeps, opts: JobOptions) {
  return recordRun(deps.db, JOB, opts, (report) => dispatchConfirmations(deps, opts, report));
}

const candidateWhere = (companyIds: string[], now: Date) =>
  and(
    inArray(appointments.companyId, companyIds),
    eq(appointments.status, "agendado"),
    isNull(appointments.confirmationSentAt),
    gt(appointments.startsAt, now),
    sql`${appointments.startsAt} <= ${now.toISOString()}::timestamptz + make_interval(days => coalesce(${programs.confirmDaysBefore}, ${DEFAULT_CONFIRM_DAYS_BEFORE}))`,
  );

async function dispatchConfirmations(deps: JobDeps, opts: JobOptions, report: JobReport) {
  const { db } = deps;
  const { now } = opts;
  const kit = await openForSending(deps, now, report, async (companyIds) => {
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .leftJoin(agendas, eq(agendas.id, appointments.agendaId))
      .leftJoin(programs, eq(programs.id, agendas.programId))
      .where(candidateWhere(companyIds, now));
    return n;
  });
  if (!kit) return;

  const fetch = (cursor: string | null, size: number) =>
    db
      .select({
        id: appointments.id,
        companyId: appointments.companyId,
        customerId: appointments.customerId,
        startsAt: appointments.startsAt,
        templateName: sql<string>`coalesce(${programs.confirmationTemplate}, ${STANDARD_TEMPLATES.confirmation})`,
        timeZone: companies.timeZone,
      })
      .from(appointments)
      .innerJoin(companies, eq(companies.id, appointments.companyId))
      .leftJoin(agendas, eq(agendas.id, appointments.agendaId))
      .leftJoin(programs, eq(programs.id, agendas.programId))
      .where(and(candidateWhere(kit.companyIds, now), cursor ? gt(appointments.id, cursor) : undefined))
      .orderBy(asc(appointments.id))
      .limit(size);

  await eachBatch(opts, report, fetch, async (batch) => {
    const { items } = await templateItems(db, batch, kit, {
      keyPrefix: KEY_PREFIX,
      values: (appt, firstName) => [firstName, formatDayTime(appt.startsAt, appt.timeZone)],
      report,
    });

    const confirmed: string[] = [];
    for (const [key, outcome] of await sendTemplates(db, kit.gateway, items, now, { concurrency: deps.concurrency })) {
      const id = key.slice(KEY_PREFIX.length);
      const result = tallySend(report, outcome, `agendamento ${id}`);
      if (result && result.status !== "failed") confirmed.push(id);
    }
    if (!confirmed.length) return;
    try {
      const marked = await db.transaction((tx) => markConfirmationSent(tx, confirmed, now));
      report.changed += marked.length;
    } catch (error) {
      // The messages are recorded: a rerun finds their keys used and marks these (ja_enviado).
      fail(report, `agendamentos do lote: ${errorText(error)}`);
    }
  });
}
