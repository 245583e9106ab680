import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { agendas, appointments, programs } from "@/db/schema/agendas";
import { companies } from "@/db/schema/org";
import { anyUuid } from "@/db/any-of";
import { recordRun } from "./record-run";
import { eachBatch } from "./batches";
import { STANDARD_TEMPLATES, companiesBySendingHours, formatDayTime, reachability, sendingKit } from "./sending";
import { sendTemplates, templateItems } from "./send-templates";
import { errorText, fail, skip, type JobDeps, type JobOptions, type JobReport } from "./types";

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
  const { open, closed } = await companiesBySendingHours(db, now);
  if (closed.length) {
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(appointments)
      .leftJoin(agendas, eq(agendas.id, appointments.agendaId))
      .leftJoin(programs, eq(programs.id, agendas.programId))
      .where(candidateWhere(closed.map((c) => c.id), now));
    report.considered += n;
    skip(report, "fora_do_horario", n);
  }
  if (!open.length) return;

  const { senders, gateway, template } = await sendingKit(deps, open.map((c) => c.id));

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
      .where(and(candidateWhere(open.map((c) => c.id), now), cursor ? gt(appointments.id, cursor) : undefined))
      .orderBy(asc(appointments.id))
      .limit(size);

  await eachBatch(opts, report, fetch, async (batch) => {
    const people = await reachability(db, batch.map((a) => a.customerId));
    const { items } = await templateItems(batch, { people, senders, template }, {
      keyPrefix: KEY_PREFIX,
      values: (appt, firstName) => [firstName, formatDayTime(appt.startsAt, appt.timeZone)],
      report,
    });

    const confirmed: string[] = [];
    for (const [key, outcome] of await sendTemplates(db, gateway, items, now, { concurrency: deps.concurrency })) {
      const id = key.slice(KEY_PREFIX.length);
      if (outcome.kind === "invalid_params") skip(report, "modelo_incompleto");
      else if (outcome.kind === "error") fail(report, `agendamento ${id}: ${outcome.message}`);
      else if (outcome.result.status === "queued") skip(report, "em_andamento");
      else if (outcome.result.status === "failed") {
        if (outcome.result.duplicate) skip(report, "ja_processado");
        else fail(report, `agendamento ${id}: ${outcome.result.errorCode ?? ""} ${outcome.result.errorTitle ?? ""}`.trim());
      } else {
        confirmed.push(id);
        if (outcome.result.duplicate) skip(report, "ja_enviado");
        else report.sent++;
      }
    }
    if (!confirmed.length) return;
    try {
      const marked = await db
        .update(appointments)
        .set({ confirmationSentAt: now, updatedAt: now })
        .where(and(anyUuid(appointments.id, confirmed), isNull(appointments.confirmationSentAt)))
        .returning({ id: appointments.id });
      report.changed += marked.length;
    } catch (error) {
      // The messages are recorded: a rerun finds their keys used and marks these (ja_enviado).
      fail(report, `agendamentos do lote: ${errorText(error)}`);
    }
  });
}
