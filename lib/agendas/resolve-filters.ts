import { periodRange } from "./period";
import type { WorklistParams } from "./schema";
import type { WorklistFilters } from "./worklist";

type Viewer = { id: string; companyId: string; companyIds: string[]; canViewAllAgents: boolean };

/**
 * Applies the worklist's rules to what the URL asks for: only companies the user may access
 * (default: the current one), and without `agendas.view_all_agents` the Agente filter is the user.
 */
export function resolveWorklistFilters(
  viewer: Viewer,
  params: WorklistParams,
  opts: { now: Date; timeZoneOf: (companyId: string) => string },
): WorklistFilters {
  const companyId = params.empresa && viewer.companyIds.includes(params.empresa) ? params.empresa : viewer.companyId;
  const { from, to } = periodRange(params.agenda, opts.now, opts.timeZoneOf(companyId), { from: params.de, to: params.ate });
  return {
    companyId,
    from,
    to,
    campaignId: params.campanha,
    teamId: params.time,
    agentId: viewer.canViewAllAgents ? params.agente : viewer.id,
    origin: params.origem,
    totalizer: params.total,
    search: params.busca,
    sort: params.ordem,
    dir: params.dir,
    page: params.pagina,
  };
}
