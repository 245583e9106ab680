import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies, roles, userCompanies, users } from "@/db/schema/org";
import { isPermission, type Permission } from "./permissions";

export type UserAccess = {
  id: string;
  name: string;
  email: string;
  roleName: string;
  homeCompanyId: string;
  permissions: Permission[];
  companies: { id: string; name: string }[];
};

/** What a user may do and where, read fresh from the database (a role change applies at once). */
export async function loadUserAccess(db: Db, userId: string): Promise<UserAccess | null> {
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      homeCompanyId: users.homeCompanyId,
      roleName: roles.name,
      permissions: roles.permissions,
    })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .where(and(eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const companyRows = await db
    .select({ id: companies.id, name: companies.name })
    .from(userCompanies)
    .innerJoin(companies, eq(companies.id, userCompanies.companyId))
    .where(and(eq(userCompanies.userId, userId), eq(companies.active, true)))
    .orderBy(companies.name);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roleName: user.roleName,
    homeCompanyId: user.homeCompanyId,
    permissions: user.permissions.filter(isPermission),
    companies: companyRows,
  };
}
