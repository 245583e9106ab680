import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { agendas, cycleEvents, programs } from "@/db/schema/agendas";
import { assets } from "@/db/schema/customers";
import { anyUuid } from "@/db/any-of";
import { recordAgendaEntries, type AgendaReason } from "@/lib/agendas/status";
import { sendTemplates } from "@/lib/whatsapp/outbox/send-bulk";
import { eachBatch } from "./batches";
import { openForSending, tallySend, templateItems } from "./dispatch";
import { recordRun } from "./record-run";
import { isNumberRejection } from "./sending";
import { errorText, fail, type JobDeps, type JobOptions, type JobReport } from "./types";

export const JOB = "dispatch-invitations";
const KEY_PREFIX = "invite:";

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
  const kit = await openForSending(deps, now, report, async (companyIds) => {
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(agendas)
      .innerJoin(programs, eq(programs.id, agendas.programId))
      .where(candidateWhere(companyIds, now));
    return n;
  });
  if (!kit) return;

  const fetch = (cursor: string | null, size: number) =>
    db
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
      .where(and(candidateWhere(kit.companyIds, now), cursor ? gt(agendas.id, cursor) : undefined))
      .orderBy(asc(agendas.id))
      .limit(size);

  await eachBatch(opts, report, fetch, async (batch) => {
      const labels = await assetLabels(db, batch.map((a) => ({ agendaId: a.id, customerId: a.customerId })));
      const { items, refused } = await templateItems(db, batch, kit, {
        keyPrefix: KEY_PREFIX,
        values: (agenda, firstName) => [firstName, labels.get(agenda.id) ?? agenda.programName],
        report,
      });
      // The customer's own reasons are recorded on the agenda; a missing sender or template is the company's.
      const settles: { agendaId: string; patch: AgendaPatch }[] = refused.flatMap(({ row, reason }) =>
        reason === "optout" || reason === "celular_invalido" ? [{ agendaId: row.id, patch: { whatsappState: "nao_enviado" as const, whatsappReason: reason } }] : [],
      );

      const outcomes = await sendTemplates(db, kit.gateway, items, now, { concurrency: deps.concurrency });
      for (const [key, outcome] of outcomes) {
        const agendaId = key.slice(KEY_PREFIX.length);
        const result = tallySend(report, outcome, `agenda ${agendaId}`);
        if (!result) continue;
        if (result.status === "failed") {
          const patch: AgendaPatch = isNumberRejection(result.errorCode)
            ? { whatsappState: "falhou", whatsappReason: `${result.errorCode} · ${result.errorTitle ?? ""}`.trim() }
            : { whatsappState: "nao_enviado", whatsappReason: "erro_envio" };
          settles.push({ agendaId, patch });
        } else settles.push({ agendaId, patch: { whatsappState: "enviado", whatsappReason: null } });
      }
      try {
        report.changed += await settle(db, settles, now);
      } catch (error) {
        // The messages are recorded: a rerun finds their keys used and settles these agendas (ja_enviado).
        fail(report, `agendas do lote: ${errorText(error)}`);
      }
  });
}

/**
 * Moves never-tried agendas to their WhatsApp outcome, each with a history row: one statement per
 * distinct outcome, guarded on "never tried", so two runs (or a rerun after a crash) write each once.
 * Returns how many agendas moved.
 */
async function settle(db: JobDeps["db"], settles: { agendaId: string; patch: AgendaPatch }[], now: Date): Promise<number> {
  const groups = new Map<string, { patch: AgendaPatch; ids: string[] }>();
  for (const { agendaId, patch } of settles) {
    const key = `${patch.whatsappState}\u0000${patch.whatsappReason ?? ""}`;
    const group = groups.get(key) ?? { patch, ids: [] };
    group.ids.push(agendaId);
    groups.set(key, group);
  }
  let moved = 0;
  for (const { patch, ids } of groups.values()) {
    const reason = patch.whatsappState === "enviado" ? "convite_enviado" : patch.whatsappState === "falhou" ? "convite_falhou" : (patch.whatsappReason as AgendaReason);
    // One transaction per outcome: the guarded update, its history rows and their events commit together.
    const settled = await db.transaction((tx) =>
      recordAgendaEntries(
        tx,
        ids,
        { kind: "whatsapp", reason, actorId: null, now, note: patch.whatsappState === "falhou" ? patch.whatsappReason : null },
        {
          set: { whatsappState: patch.whatsappState, whatsappReason: patch.whatsappReason, whatsappAt: now },
          where: and(eq(agendas.whatsappState, "nao_enviado"), isNull(agendas.whatsappReason)),
        },
      ),
    );
    moved += settled.length;
  }
  return moved;
}

/** {{2}} of the invitation: the model (or plan) of the agenda's first event's asset, else the customer's newest asset. */
async function assetLabels(db: JobDeps["db"], rows: { agendaId: string; customerId: string }[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (!rows.length) return map;
  const fromEvents = await db
    .select({ agendaId: cycleEvents.agendaId, model: assets.model, planName: assets.planName })
    .from(cycleEvents)
    .innerJoin(assets, eq(assets.id, cycleEvents.assetId))
    .where(anyUuid(cycleEvents.agendaId, rows.map((r) => r.agendaId)))
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
      .where(anyUuid(assets.customerId, [...new Set(missing.map((r) => r.customerId))]))
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
