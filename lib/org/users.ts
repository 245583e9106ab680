import bcrypt from "bcryptjs";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies, queueMembers, queues, roles, teamMembers, teams, userCompanies, users } from "@/db/schema/org";
import { isUniqueViolation } from "@/lib/actions/db-errors";
import { nextSessionVersion } from "@/lib/auth/session-version";
import { UserError } from "@/lib/errors";
import type { UserInput } from "./schema";

type Scope = { userId: string; companyIds: string[] };

/** Users whose home company the admin may access. Never the password hash. */
export function listUsers(db: Db, scope: Pick<Scope, "companyIds">) {
  if (!scope.companyIds.length) return Promise.resolve([]);
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      roleName: roles.name,
      homeCompanyName: companies.name,
    })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .innerJoin(companies, eq(companies.id, users.homeCompanyId))
    .where(inArray(users.homeCompanyId, scope.companyIds))
    .orderBy(asc(users.name));
}

export async function getUser(db: Db, scope: Pick<Scope, "companyIds">, id: string) {
  if (!scope.companyIds.length) return null;
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      roleId: users.roleId,
      homeCompanyId: users.homeCompanyId,
      capacity: users.capacity,
      active: users.active,
    })
    .from(users)
    .where(and(eq(users.id, id), inArray(users.homeCompanyId, scope.companyIds)));
  if (!user) return null;
  const [companyRows, teamRows, queueRows] = await Promise.all([
    db.select({ id: userCompanies.companyId }).from(userCompanies).where(eq(userCompanies.userId, id)),
    db.select({ id: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, id)),
    db.select({ id: queueMembers.queueId }).from(queueMembers).where(eq(queueMembers.userId, id)),
  ]);
  return {
    ...user,
    companyIds: companyRows.map((r) => r.id),
    teamIds: teamRows.map((r) => r.id),
    queueIds: queueRows.map((r) => r.id),
  };
}

/** The teams and queues a user form may offer: those of the companies the admin may access. */
export async function userFormOptions(db: Db, scope: Pick<Scope, "companyIds">) {
  if (!scope.companyIds.length) return { roles: [], companies: [], teams: [], queues: [] };
  const [roleRows, companyRows, teamRows, queueRows] = await Promise.all([
    db.select({ id: roles.id, name: roles.name }).from(roles).orderBy(asc(roles.name)),
    db.select({ id: companies.id, name: companies.name }).from(companies).where(inArray(companies.id, scope.companyIds)).orderBy(asc(companies.name)),
    db.select({ id: teams.id, name: teams.name, companyId: teams.companyId }).from(teams).where(inArray(teams.companyId, scope.companyIds)).orderBy(asc(teams.name)),
    db.select({ id: queues.id, name: queues.name, companyId: queues.companyId }).from(queues).where(inArray(queues.companyId, scope.companyIds)).orderBy(asc(queues.name)),
  ]);
  return { roles: roleRows, companies: companyRows, teams: teamRows, queues: queueRows };
}

/**
 * Creates or updates a user with their companies, teams and queues. An admin can only grant the
 * companies they themselves may access; teams and queues must belong to the user's companies.
 */
export async function saveUser(db: Db, input: UserInput, scope: Scope) {
  if (input.companyIds.some((id) => !scope.companyIds.includes(id))) throw new UserError("forbidden");
  if (input.id === scope.userId && !input.active) throw new UserError("self_delete", { active: ["selfDeactivate"] });

  try {
    return await db.transaction(async (tx) => {
      // An id that names no row (a stale form, a forged request) is a field error, not a foreign-key
      // failure. FOR SHARE keeps the rows until the memberships are written.
      const [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.id, input.roleId)).for("share");
      const [teamRows, queueRows] = await Promise.all([
        input.teamIds.length
          ? tx
              .select({ id: teams.id, companyId: teams.companyId })
              .from(teams)
              .where(inArray(teams.id, input.teamIds))
              .for("share")
          : [],
        input.queueIds.length
          ? tx
              .select({ id: queues.id, companyId: queues.companyId })
              .from(queues)
              .where(inArray(queues.id, input.queueIds))
              .for("share")
          : [],
      ]);
      const fieldErrors: Record<string, string[]> = {};
      if (!role) fieldErrors.roleId = ["optionGone"];
      if (teamRows.length < new Set(input.teamIds).size) fieldErrors.teamIds = ["optionGone"];
      if (queueRows.length < new Set(input.queueIds).size) fieldErrors.queueIds = ["optionGone"];
      if (Object.keys(fieldErrors).length) throw new UserError("invalid_input", fieldErrors);
      // Only teams and queues of the companies granted here (a subset of the admin's); others are left out.
      const teamsToJoin = teamRows.filter((row) => input.companyIds.includes(row.companyId));
      const queuesToJoin = queueRows.filter((row) => input.companyIds.includes(row.companyId));
      const values = {
        name: input.name,
        email: input.email,
        roleId: input.roleId,
        homeCompanyId: input.homeCompanyId,
        capacity: input.capacity,
        active: input.active,
        ...(input.password ? { passwordHash: await bcrypt.hash(input.password, 10) } : {}),
      };

      let id = input.id;
      if (id) {
        // A new password or a deactivation ends the sessions the user has open.
        const revoke = input.password || !input.active ? { sessionVersion: nextSessionVersion() } : {};
        const updated = await tx
          .update(users)
          .set({ ...values, ...revoke })
          .where(and(eq(users.id, id), inArray(users.homeCompanyId, scope.companyIds)))
          .returning({ id: users.id });
        if (!updated.length) throw new UserError("not_found");
        // Only the memberships the admin can see are replaced; others (other companies) stay.
        await tx.delete(userCompanies).where(and(eq(userCompanies.userId, id), inArray(userCompanies.companyId, scope.companyIds)));
        const teamIdsInScope = tx.select({ id: teams.id }).from(teams).where(inArray(teams.companyId, scope.companyIds));
        await tx.delete(teamMembers).where(and(eq(teamMembers.userId, id), inArray(teamMembers.teamId, teamIdsInScope)));
        const queueIdsInScope = tx.select({ id: queues.id }).from(queues).where(inArray(queues.companyId, scope.companyIds));
        await tx.delete(queueMembers).where(and(eq(queueMembers.userId, id), inArray(queueMembers.queueId, queueIdsInScope)));
      } else {
        if (!values.passwordHash) throw new UserError("invalid_input", { password: ["passwordMin"] });
        const [row] = await tx
          .insert(users)
          .values({ ...values, passwordHash: values.passwordHash })
          .returning({ id: users.id });
        id = row.id;
      }
      await tx.insert(userCompanies).values(input.companyIds.map((companyId) => ({ userId: id, companyId })));
      if (teamsToJoin.length) await tx.insert(teamMembers).values(teamsToJoin.map((t) => ({ teamId: t.id, userId: id })));
      if (queuesToJoin.length) await tx.insert(queueMembers).values(queuesToJoin.map((q) => ({ queueId: q.id, userId: id })));
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError("email_taken", { email: ["emailTaken"] });
    throw error;
  }
}
