import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies, roles, teams, queues, users } from "@/db/schema/org";

/** Looks up seeded rows by their natural keys, so tests read like the demo data. */
export async function seeded(db: Db) {
  const companyRows = await db.select({ id: companies.id, name: companies.name }).from(companies);
  const company = (needle: string) => {
    const row = companyRows.find((c) => c.name.includes(needle));
    if (!row) throw new Error(`no seeded company matching ${needle}`);
    return row.id;
  };
  return {
    sp: company("São Paulo"),
    cps: company("Campinas"),
    net: company("Conecta"),
    async userId(email: string) {
      const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
      if (!row) throw new Error(`no user ${email}`);
      return row.id;
    },
    async roleId(name: string) {
      const [row] = await db.select({ id: roles.id }).from(roles).where(eq(roles.name, name));
      if (!row) throw new Error(`no role ${name}`);
      return row.id;
    },
    async teamId(name: string) {
      const [row] = await db.select({ id: teams.id }).from(teams).where(eq(teams.name, name));
      if (!row) throw new Error(`no team ${name}`);
      return row.id;
    },
    async queueId(name: string) {
      const [row] = await db.select({ id: queues.id }).from(queues).where(eq(queues.name, name));
      if (!row) throw new Error(`no queue ${name}`);
      return row.id;
    },
  };
}

export type Seeded = Awaited<ReturnType<typeof seeded>>;
