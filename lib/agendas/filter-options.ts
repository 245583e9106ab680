import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { campaigns } from "@/db/schema/agendas";
import { teamMembers, teams, users } from "@/db/schema/org";

/** The choices of the worklist's filters for one company: active campaigns, PA teams, their agents. */
export async function worklistFilterOptions(db: Db, companyId: string) {
  const [campaignRows, teamRows, agentRows] = await Promise.all([
    db
      .select({ id: campaigns.id, name: campaigns.name })
      .from(campaigns)
      .where(and(eq(campaigns.companyId, companyId), eq(campaigns.active, true)))
      .orderBy(asc(campaigns.name)),
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(and(eq(teams.companyId, companyId), eq(teams.isPa, true)))
      .orderBy(asc(teams.name)),
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(users)
      .innerJoin(teamMembers, eq(teamMembers.userId, users.id))
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(and(eq(teams.companyId, companyId), eq(teams.isPa, true), eq(users.active, true)))
      .orderBy(asc(users.name)),
  ]);
  return { campaigns: campaignRows, teams: teamRows, agents: agentRows };
}
