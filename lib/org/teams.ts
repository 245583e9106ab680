import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies, teamMembers, teams } from "@/db/schema/org";
import { UserError } from "@/lib/errors";
import { membersOfCompany } from "./members";
import type { TeamInput } from "./schema";

type Scope = { companyIds: string[] };

export function listTeams(db: Db, scope: Scope) {
  if (!scope.companyIds.length) return Promise.resolve([]);
  return db
    .select({
      id: teams.id,
      name: teams.name,
      isPa: teams.isPa,
      companyName: companies.name,
      memberCount: sql<number>`(select count(*)::int from ${teamMembers} where ${teamMembers.teamId} = ${teams.id})`,
    })
    .from(teams)
    .innerJoin(companies, eq(companies.id, teams.companyId))
    .where(inArray(teams.companyId, scope.companyIds))
    .orderBy(asc(companies.name), asc(teams.name));
}

export async function getTeam(db: Db, scope: Scope, id: string) {
  if (!scope.companyIds.length) return null;
  const [team] = await db
    .select({ id: teams.id, name: teams.name, isPa: teams.isPa, companyId: teams.companyId })
    .from(teams)
    .where(and(eq(teams.id, id), inArray(teams.companyId, scope.companyIds)));
  if (!team) return null;
  const members = await db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, id));
  return { ...team, memberIds: members.map((m) => m.id) };
}

export async function saveTeam(db: Db, input: TeamInput, scope: Scope) {
  if (!scope.companyIds.includes(input.companyId)) throw new UserError("forbidden");
  return db.transaction(async (tx) => {
    const values = { companyId: input.companyId, name: input.name, isPa: input.isPa };
    let id = input.id;
    if (id) {
      const updated = await tx
        .update(teams)
        .set(values)
        .where(and(eq(teams.id, id), inArray(teams.companyId, scope.companyIds)))
        .returning({ id: teams.id });
      if (!updated.length) throw new UserError("not_found");
      await tx.delete(teamMembers).where(eq(teamMembers.teamId, id));
    } else {
      [{ id }] = await tx.insert(teams).values(values).returning({ id: teams.id });
    }
    const memberIds = await membersOfCompany(tx, input.companyId, input.memberIds);
    if (memberIds.length) await tx.insert(teamMembers).values(memberIds.map((userId) => ({ teamId: id!, userId })));
    return { id: id! };
  });
}
