/** Who is asking, as every agenda read and command needs it. */
export type AgendaScope = { userId: string; companyIds: string[]; canViewAllAgents: boolean };

/**
 * The one rule for the agendas a user may open and work, and so for their appointments: an agenda of one
 * of the user's companies that is theirs, or any of them with `agendas.view_all_agents`. The worklist
 * applies the same rule as a filter (resolve-filters.ts); an unassigned agenda is no agent's.
 */
export function mayWorkAgenda(agenda: { companyId: string; agentId: string | null }, scope: AgendaScope): boolean {
  return scope.companyIds.includes(agenda.companyId) && (scope.canViewAllAgents || agenda.agentId === scope.userId);
}
