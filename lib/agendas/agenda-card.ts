import { aliasedTable, and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaHistory, agendas, appointments, campaigns, cycleEvents, programs } from "@/db/schema/agendas";
import { assets } from "@/db/schema/customers";
import { companies, users } from "@/db/schema/org";
import { getCustomerDetail } from "@/lib/customers/customers";
import { mayWorkAgenda, type AgendaScope } from "./agenda-scope";

const agent = aliasedTable(users, "agent");
const author = aliasedTable(users, "author");
const appointmentAgenda = aliasedTable(agendas, "appointment_agenda");

/** Everything the Ficha de Agendamento shows, or null when the user may not open this agenda. */
export async function getAgendaCard(db: Db, scope: AgendaScope, agendaId: string) {
  if (!scope.companyIds.length) return null;
  const [agenda] = await db
    .select({
      id: agendas.id,
      companyId: agendas.companyId,
      customerId: agendas.customerId,
      agentId: agendas.agentId,
      agentName: agent.name,
      contactDate: agendas.contactDate,
      origin: agendas.origin,
      direction: agendas.direction,
      status: agendas.status,
      whatsappState: agendas.whatsappState,
      whatsappReason: agendas.whatsappReason,
      whatsappAt: agendas.whatsappAt,
      callbackAt: agendas.callbackAt,
      resultReason: agendas.resultReason,
      campaignName: campaigns.name,
      programName: programs.name,
      noReplyDays: programs.noReplyDays,
      timeZone: companies.timeZone,
    })
    .from(agendas)
    .innerJoin(companies, eq(companies.id, agendas.companyId))
    .leftJoin(agent, eq(agent.id, agendas.agentId))
    .leftJoin(campaigns, eq(campaigns.id, agendas.campaignId))
    .leftJoin(programs, eq(programs.id, agendas.programId))
    .where(and(eq(agendas.id, agendaId), inArray(agendas.companyId, scope.companyIds)));
  if (!agenda || !mayWorkAgenda(agenda, scope)) return null;

  const [customer, events, history, appointmentRows] = await Promise.all([
    getCustomerDetail(db, scope.companyIds, agenda.customerId),
    db
      .select({
        id: cycleEvents.id,
        dueDate: cycleEvents.dueDate,
        description: cycleEvents.description,
        plate: assets.plate,
        model: assets.model,
        planName: assets.planName,
      })
      .from(cycleEvents)
      .leftJoin(assets, eq(assets.id, cycleEvents.assetId))
      .where(eq(cycleEvents.agendaId, agenda.id))
      .orderBy(asc(cycleEvents.dueDate)),
    db
      .select({
        id: agendaHistory.id,
        at: agendaHistory.at,
        kind: agendaHistory.kind,
        fromStatus: agendaHistory.fromStatus,
        toStatus: agendaHistory.toStatus,
        reason: agendaHistory.reason,
        note: agendaHistory.note,
        authorName: author.name,
      })
      .from(agendaHistory)
      .leftJoin(author, eq(author.id, agendaHistory.userId))
      .where(eq(agendaHistory.agendaId, agenda.id))
      .orderBy(desc(agendaHistory.at)),
    db
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        status: appointments.status,
        service: appointments.service,
        source: appointments.source,
        agendaId: appointments.agendaId,
        agendaAgentId: appointmentAgenda.agentId,
      })
      .from(appointments)
      .leftJoin(appointmentAgenda, eq(appointmentAgenda.id, appointments.agendaId))
      .where(
        and(
          eq(appointments.companyId, agenda.companyId),
          or(eq(appointments.agendaId, agenda.id), eq(appointments.customerId, agenda.customerId)),
        ),
      )
      .orderBy(desc(appointments.startsAt)),
  ]);
  if (!customer) return null;
  // The customer's appointments of other agendas are listed too; only those of agendas the user may work
  // can be cancelled or rescheduled (change-appointment.ts applies the same rule).
  const withRights = appointmentRows.map(({ agendaId, agendaAgentId, ...row }) => ({
    ...row,
    changeable: agendaId ? mayWorkAgenda({ companyId: agenda.companyId, agentId: agendaAgentId }, scope) : scope.canViewAllAgents,
  }));
  return { agenda, customer, events, history, appointments: withRights };
}
