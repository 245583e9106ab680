import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendas, cycleEvents, programs } from "@/db/schema/agendas";
import { companies, teamMembers, teams, users } from "@/db/schema/org";
import { announceNewAgendas, OPEN_AGENDA_STATUSES } from "@/lib/agendas/status";
import { addDaysToDate, localDate } from "@/lib/dates";
import { recordRun } from "./record-run";
import { batchSize, errorText, fail, skip, type JobDeps, type JobOptions, type JobReport } from "./types";

export const JOB = "generate-agendas";

/**
 * SPEC §3.1, the daily job: for each active program, the cycle events that are due — the asset's last
 * service (or its sale) + cycleMonths months, due within contactDaysBefore days of today (company time
 * zone) — are recorded once (unique program, asset, due date), then a customer's events not yet in an
 * agenda are grouped into ONE automatic agenda (ativo, pendente, contact date today), or join the
 * customer's open agenda of that program. Agents: round robin over the company's PA team members
 * (ordered by team name, user name, id), continuing from the number of automatic agendas so far.
 * Each program's work runs under an advisory lock, so two runs never create two agendas for one customer.
 */
export async function run(deps: JobDeps, opts: JobOptions) {
  return recordRun(deps.db, JOB, opts, (report) => generateAgendas(deps, opts, report));
}

async function generateAgendas(deps: JobDeps, opts: JobOptions, report: JobReport) {
  const { db } = deps;
  const active = await db
    .select({
      id: programs.id,
      companyId: programs.companyId,
      campaignId: programs.campaignId,
      contactDaysBefore: programs.contactDaysBefore,
      timeZone: companies.timeZone,
    })
    .from(programs)
    .innerJoin(companies, eq(companies.id, programs.companyId))
    .where(and(eq(programs.active, true), eq(companies.active, true)))
    .orderBy(asc(programs.id));
  const rotation = new Map<string, Rotation>();
  for (const program of active) {
    try {
      let rot = rotation.get(program.companyId);
      if (!rot) {
        rot = await loadRotation(db, program.companyId);
        rotation.set(program.companyId, rot);
      }
      await generateForProgram(deps, opts, report, program, rot);
    } catch (error) {
      fail(report, `programa ${program.id}: ${errorText(error)}`);
    }
  }
}

type Rotation = { members: { userId: string; teamId: string }[]; next: number };

async function loadRotation(db: Db, companyId: string): Promise<Rotation> {
  const members = await db
    .select({ userId: teamMembers.userId, teamId: teamMembers.teamId })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teams.companyId, companyId), eq(teams.isPa, true), eq(users.active, true)))
    .orderBy(asc(teams.name), asc(teams.id), asc(users.name), asc(users.id));
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(agendas)
    .where(and(eq(agendas.companyId, companyId), eq(agendas.origin, "automatica")));
  return { members, next: n };
}

async function generateForProgram(
  deps: JobDeps,
  opts: JobOptions,
  report: JobReport,
  program: { id: string; companyId: string; campaignId: string; contactDaysBefore: number; timeZone: string },
  rotation: Rotation,
) {
  const { db } = deps;
  const { now } = opts;
  const today = localDate(now, program.timeZone);
  const horizon = addDaysToDate(today, program.contactDaysBefore);
  const lock = sql`select pg_advisory_xact_lock(hashtext(${`${JOB}:${program.id}`}))`;

  await db.transaction(async (tx) => {
    await tx.execute(lock);
    await tx.execute(sql`
      insert into cycle_events (company_id, program_id, customer_id, asset_id, due_date, description, created_at)
      select cu.company_id, p.id, a.customer_id, a.id, d.due, p.name || coalesce(' — ' || coalesce(a.model, a.plan_name), '') || coalesce(' (' || a.plate || ')', ''), ${now.toISOString()}::timestamptz
      from programs p
      join customers cu on cu.company_id = p.company_id
      join assets a on a.customer_id = cu.id
      cross join lateral (select (coalesce(a.last_service_at, a.sale_date) + make_interval(months => p.cycle_months))::date as due) d
      where p.id = ${program.id}
        and d.due is not null
        and d.due <= ${horizon}::date
      on conflict (program_id, asset_id, due_date) do nothing`);
  });

  // Group the events not yet in an agenda (new ones, or ones a crashed run left behind), per customer.
  for (;;) {
    const size = batchSize(opts, report);
    if (size <= 0) break;
    const done = await db.transaction(async (tx) => {
      await tx.execute(lock);
      const pending = await tx
        .selectDistinct({ customerId: cycleEvents.customerId })
        .from(cycleEvents)
        .where(and(eq(cycleEvents.programId, program.id), isNull(cycleEvents.agendaId)))
        .orderBy(asc(cycleEvents.customerId))
        .limit(size);
      if (!pending.length) return true;
      report.considered += pending.length;
      const customerIds = pending.map((p) => p.customerId);
      const open = await tx
        .select({ id: agendas.id, customerId: agendas.customerId })
        .from(agendas)
        .where(
          and(
            eq(agendas.programId, program.id),
            inArray(agendas.customerId, customerIds),
            // While a customer's agenda of the program is open, its new events join it.
            inArray(agendas.status, [...OPEN_AGENDA_STATUSES]),
          ),
        )
        .orderBy(asc(agendas.createdAt), asc(agendas.id));
      const agendaOf = new Map<string, string>();
      for (const a of open) if (!agendaOf.has(a.customerId)) agendaOf.set(a.customerId, a.id);
      skip(report, "agenda_aberta", agendaOf.size);

      const fresh = customerIds.filter((id) => !agendaOf.has(id));
      if (fresh.length) {
        const created = await tx
          .insert(agendas)
          .values(
            fresh.map((customerId) => {
              const member = rotation.members.length ? rotation.members[rotation.next++ % rotation.members.length] : null;
              return {
                companyId: program.companyId,
                campaignId: program.campaignId,
                programId: program.id,
                customerId,
                agentId: member?.userId ?? null,
                teamId: member?.teamId ?? null,
                contactDate: today,
                origin: "automatica" as const,
                direction: "ativo" as const,
                // status: the column's default, pendente (a new agenda; lib/agendas/status.ts moves it).
                whatsappState: "nao_enviado" as const,
                createdAt: now,
                updatedAt: now,
              };
            }),
          )
          .returning({ id: agendas.id, customerId: agendas.customerId, companyId: agendas.companyId });
        await announceNewAgendas(tx, created);
        for (const a of created) agendaOf.set(a.customerId, a.id);
        report.changed += created.length;
      }
      const pairs = [...agendaOf.entries()];
      await tx.execute(sql`
        update cycle_events e set agenda_id = v.agenda_id::uuid
        from (values ${sql.join(
          pairs.map(([customerId, agendaId]) => sql`(${customerId}::uuid, ${agendaId}::uuid)`),
          sql`, `,
        )}) as v(customer_id, agenda_id)
        where e.program_id = ${program.id} and e.customer_id = v.customer_id and e.agenda_id is null`);
      return pending.length < size;
    });
    if (done) break;
  }
}
