import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { userCompanies, users } from "@/db/schema/org";

/** Active users who may work in a company: the candidates for its teams and queues. */
export function companyMembers(db: Db, companyIds: string[]) {
  if (!companyIds.length) return Promise.resolve([]);
  return db
    .selectDistinct({ id: users.id, name: users.name, companyId: userCompanies.companyId })
    .from(users)
    .innerJoin(userCompanies, eq(userCompanies.userId, users.id))
    .where(and(eq(users.active, true), inArray(userCompanies.companyId, companyIds)))
    .orderBy(asc(users.name));
}

/** Keeps only the ids of users who may work in the company. */
export async function membersOfCompany(db: Db, companyId: string, userIds: string[]) {
  if (!userIds.length) return [];
  const rows = await db
    .select({ id: userCompanies.userId })
    .from(userCompanies)
    .innerJoin(users, eq(users.id, userCompanies.userId))
    .where(and(eq(userCompanies.companyId, companyId), inArray(userCompanies.userId, userIds), eq(users.active, true)));
  return rows.map((r) => r.id);
}
