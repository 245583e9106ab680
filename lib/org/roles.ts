import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { roles } from "@/db/schema/org";
import { isUniqueViolation } from "@/lib/actions/db-errors";
import { UserError } from "@/lib/errors";
import type { RoleInput } from "./schema";

export function listRoles(db: Db) {
  return db
    .select({
      id: roles.id,
      name: roles.name,
      description: roles.description,
      permissions: roles.permissions,
      userCount: sql<number>`(select count(*)::int from users u where u.role_id = "roles"."id")`,
    })
    .from(roles)
    .orderBy(asc(roles.name));
}

export async function getRole(db: Db, id: string) {
  const [row] = await db
    .select({ id: roles.id, name: roles.name, description: roles.description, permissions: roles.permissions })
    .from(roles)
    .where(eq(roles.id, id));
  return row ?? null;
}

/** Roles are shared by every company of the deployment. Someone must always be able to manage users. */
export async function saveRole(db: Db, input: RoleInput) {
  const values = { name: input.name, description: input.description, permissions: input.permissions };
  try {
    return await db.transaction(async (tx) => {
      if (input.id) {
        const updated = await tx.update(roles).set(values).where(eq(roles.id, input.id)).returning({ id: roles.id });
        if (!updated.length) throw new UserError("not_found");
        if (!input.permissions.includes("users.manage")) {
          const [others] = await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(roles)
            .where(and(ne(roles.id, input.id), sql`'users.manage' = any(${roles.permissions})`));
          if (others.n === 0) throw new UserError("last_admin");
        }
        return { id: input.id };
      }
      const [row] = await tx.insert(roles).values(values).returning({ id: roles.id });
      return { id: row.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError("name_taken", { name: ["nameTaken"] });
    throw error;
  }
}
