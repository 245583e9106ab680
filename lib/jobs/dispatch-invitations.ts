import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { agendas, cycleEvents, programs } from "@/db/schema/agendas";
import { assets } from "@/db/schema/customers";
import { recordRun } from "./record-run";
import { companiesBySendingHours, conversationKey, conversationsFor, forEachConcurrent, isNumberRejection, reachability, sendTemplateTo, sendingKit } from "./sending";
import { batchSize, errorText, fail, skip, type JobDeps, type JobOptions, type JobReport } from "./types";

export const JOB = "dispatch-invitations";

type AgendaPatch = { whatsappState: "nao_enviado" | "enviado" | "falhou"; whatsappReason: string | null };

/**
 * SPEC §3.5 "Agendamento": automatic agendas (program with auto-send) whose contact date has come,
 * still `pendente`, never tried (nao_enviado without a reason). Opt-out → nao_enviado/optout; no
 * usable mobile → nao_enviado/celular_invalido; else the program's invitation template, key
 * `invite:<agendaId>` (one message per agenda, ever) → enviado; a provider failure → nao_enviado/
 * erro_envio, or falhou "<code> · <title>" when the provider rejected the number. Companies outside
 * their sending hours are skipped ("fora_do_horario") and left untouched.
 */
export async function run(deps: JobDeps, opts: JobOptions) {
  return recordRun(deps.db, JOB, opts, (report) => dispatchInvitations(deps, opts, report));
}

const candidateWhere = (companyIds: string[], now: Date) =>
  and(
    inArray(agendas.companyId, companyIds),
    eq(agendas.origin, "automatica"),
    eq(agendas.status, "pendente"),
    eq(agendas.whatsappState, "nao_enviado"),
    isNull(agendas.whatsappReason),
    eq(programs.autoSend, true),
    sql`${agendas.contactDate} <= (${now.toISOString()}::timestamptz at time zone (select c.time_zone from companies c where c.id = ${agendas.companyId}))::date`,
  );

async function dispatchInvitations(deps: JobDeps, opts: JobOptions, report: JobReport) {
  const { db } = deps;
  const { now } = opts;
  const { open, closed } = await companiesBySendingHours(db, now);

  if (closed.length) {
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(agendas)
      .innerJoin(programs, eq(programs.id, agendas.programId))
      .where(candidateWhere(closed.map((c) => c.id), now));
    report.considered += n;
    skip(report, "fora_do_horario", n);
  }
  if (!open.length) return;

  const { senders, gateway, template } = await sendingKit(deps, open.map((c) => c.id));
  const openIds = open.map((c) => c.id);

  let cursor: string | null = null;
  for (;;) {
    const size = batchSize(opts, report);
    if (size <= 0) break;
    const batch = await db
      .select({
        id: agendas.id,
        companyId: agendas.companyId,
        customerId: agendas.customerId,
        status: agendas.status,
        templateName: programs.invitationTemplate,
        programName: programs.name,
      })
      .from(agendas)
      .innerJoin(programs, eq(programs.id, agendas.programId))
      .where(and(candidateWhere(openIds, now), cursor ? gt(agendas.id, cursor) : undefined))
      .orderBy(asc(agendas.id))
      .limit(size);
    if (!batch.length) break;
    cursor = batch[batch.length - 1].id;
    report.considered += batch.length;

    const people = await reachability(db, batch.map((a) => a.customerId));
    const labels = await assetLabels(db, batch.map((a) => ({ agendaId: a.id, customerId: a.customerId })));

    const conversationOf = await conversationsFor(
      db,
      batch.flatMap((a) => {
        const person = people.get(a.customerId);
        const sender = senders.get(a.companyId);
        return person && !person.optOut && person.phone && sender
          ? [{ sender, phone: person.phone, customerId: a.customerId, contactName: person.firstName }]
          : [];
      }),
    );

    await forEachConcurrent(batch, deps.concurrency ?? 8, async (agenda) => {
      try {
        const person = people.get(agenda.customerId);
        if (!person || person.optOut) {
          if (await settle(deps, agenda, { whatsappState: "nao_enviado", whatsappReason: "optout" }, now)) report.changed++;
          skip(report, "optout");
          return;
        }
        if (!person.phone) {
          if (await settle(deps, agenda, { whatsappState: "nao_enviado", whatsappReason: "celular_invalido" }, now)) report.changed++;
          skip(report, "celular_invalido");
          return;
        }
        const sender = senders.get(agenda.companyId);
        if (!sender) {
          skip(report, "sem_numero_de_origem");
          return;
        }
        const tpl = await template(agenda.companyId, agenda.templateName);
        if (!tpl) {
          skip(report, "modelo_indisponivel");
          return;
        }
        const label = labels.get(agenda.id) ?? agenda.programName;
        const outcome = await sendTemplateTo(
          db,
          gateway,
          { sender, phone: person.phone, template: tpl, values: [person.firstName, label], idempotencyKey: `invite:${agenda.id}`, conversationId: conversationOf.get(conversationKey(sender.id, person.phone)) },
          now,
        );
        if (outcome.kind === "invalid_params") {
          skip(report, "modelo_incompleto");
          return;
        }
        const { result } = outcome;
        if (result.status === "queued") {
          // Another run holds this key right now: it records the outcome.
          skip(report, "em_andamento");
          return;
        }
        if (result.status === "failed") {
          const patch: AgendaPatch = isNumberRejection(result.errorCode)
            ? { whatsappState: "falhou", whatsappReason: `${result.errorCode} · ${result.errorTitle ?? ""}`.trim() }
            : { whatsappState: "nao_enviado", whatsappReason: "erro_envio" };
          if (await settle(deps, agenda, patch, now)) report.changed++;
          if (result.duplicate) skip(report, "ja_processado");
          else fail(report, `agenda ${agenda.id}: ${result.errorCode ?? ""} ${result.errorTitle ?? ""}`.trim());
          return;
        }
        if (await settle(deps, agenda, { whatsappState: "enviado", whatsappReason: null }, now)) report.changed++;
        if (result.duplicate) skip(report, "ja_enviado");
        else report.sent++;
      } catch (error) {
        fail(report, `agenda ${agenda.id}: ${errorText(error)}`);
      }
    });
  }
}

/**
 * Moves a never-tried agenda to its WhatsApp outcome, with a history row. Guarded on "never tried", so
 * two runs (or a rerun after a crash) write it once.
 */
async function settle(deps: JobDeps, agenda: { id: string }, patch: AgendaPatch, now: Date): Promise<boolean> {
  const reason =
    patch.whatsappState === "enviado"
      ? "convite_enviado"
      : patch.whatsappState === "falhou"
        ? `convite_falhou: ${patch.whatsappReason}`
        : patch.whatsappReason;
  // One statement: the guarded update and its history row commit together.
  const rows = await deps.db.execute(sql`
    with moved as (
      update agendas
      set whatsapp_state = ${patch.whatsappState}, whatsapp_reason = ${patch.whatsappReason}, whatsapp_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
      where id = ${agenda.id} and whatsapp_state = 'nao_enviado' and whatsapp_reason is null
      returning id, status
    )
    insert into agenda_history (agenda_id, at, user_id, kind, from_status, to_status, reason)
    select id, ${now.toISOString()}::timestamptz, null, 'whatsapp', status, status, ${reason} from moved
    returning agenda_id`);
  return rowCount(rows) > 0;
}

function rowCount(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  return (result as { rows?: unknown[] }).rows?.length ?? 0;
}

/** {{2}} of the invitation: the model (or plan) of the agenda's first event's asset, else the customer's newest asset. */
async function assetLabels(db: JobDeps["db"], rows: { agendaId: string; customerId: string }[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (!rows.length) return map;
  const fromEvents = await db
    .select({ agendaId: cycleEvents.agendaId, model: assets.model, planName: assets.planName })
    .from(cycleEvents)
    .innerJoin(assets, eq(assets.id, cycleEvents.assetId))
    .where(inArray(cycleEvents.agendaId, rows.map((r) => r.agendaId)))
    .orderBy(asc(cycleEvents.dueDate), asc(cycleEvents.id));
  for (const e of fromEvents) {
    const label = e.model ?? e.planName;
    if (e.agendaId && label && !map.has(e.agendaId)) map.set(e.agendaId, label);
  }
  const missing = rows.filter((r) => !map.has(r.agendaId));
  if (missing.length) {
    const owned = await db
      .select({ customerId: assets.customerId, model: assets.model, planName: assets.planName })
      .from(assets)
      .where(inArray(assets.customerId, [...new Set(missing.map((r) => r.customerId))]))
      .orderBy(sql`${assets.createdAt} desc`, asc(assets.id));
    const byCustomer = new Map<string, string>();
    for (const a of owned) {
      const label = a.model ?? a.planName;
      if (label && !byCustomer.has(a.customerId)) byCustomer.set(a.customerId, label);
    }
    for (const r of missing) {
      const label = byCustomer.get(r.customerId);
      if (label) map.set(r.agendaId, label);
    }
  }
  return map;
}
