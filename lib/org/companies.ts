import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies, userCompanies } from "@/db/schema/org";
import { UserError } from "@/lib/errors";
import type { CompanyInput } from "./schema";

type Scope = { userId: string; companyIds: string[] };

const columns = {
  id: companies.id,
  name: companies.name,
  cnpj: companies.cnpj,
  timeZone: companies.timeZone,
  closeScriptRequired: companies.closeScriptRequired,
  active: companies.active,
  sendingStartsAt: companies.sendingStartsAt,
  sendingEndsAt: companies.sendingEndsAt,
};

export function listCompanies(db: Db, scope: Pick<Scope, "companyIds">) {
  if (!scope.companyIds.length) return Promise.resolve([]);
  return db.select(columns).from(companies).where(inArray(companies.id, scope.companyIds)).orderBy(asc(companies.name));
}

export async function getCompany(db: Db, scope: Pick<Scope, "companyIds">, id: string) {
  if (!scope.companyIds.includes(id)) return null;
  const [row] = await db.select(columns).from(companies).where(eq(companies.id, id));
  return row ?? null;
}

/** A new company is opened to its creator at once, so they can configure it. */
export async function saveCompany(db: Db, input: CompanyInput, scope: Scope) {
  const values = {
    name: input.name,
    cnpj: input.cnpj,
    timeZone: input.timeZone,
    closeScriptRequired: input.closeScriptRequired,
    active: input.active,
    sendingStartsAt: input.sendingStartsAt,
    sendingEndsAt: input.sendingEndsAt,
  };
  if (input.id) {
    if (!scope.companyIds.includes(input.id)) throw new UserError("not_found");
    const updated = await db
      .update(companies)
      .set(values)
      .where(and(eq(companies.id, input.id), inArray(companies.id, scope.companyIds)))
      .returning({ id: companies.id });
    if (!updated.length) throw new UserError("not_found");
    return { id: input.id };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(companies).values(values).returning({ id: companies.id });
    await tx.insert(userCompanies).values({ userId: scope.userId, companyId: row.id });
    return { id: row.id };
  });
}

export async function companyTimeZones(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: companies.id, timeZone: companies.timeZone }).from(companies).where(inArray(companies.id, ids));
  return new Map(rows.map((r) => [r.id, r.timeZone]));
}
