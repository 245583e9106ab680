import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/test/db";
import { seed } from "@/db/seed";
import { agendas, campaigns, programs } from "@/db/schema/agendas";
import { customers } from "@/db/schema/customers";
import { companies, queues, teams, users } from "@/db/schema/org";
import { messageTemplates } from "@/db/schema/whatsapp";
import { scripts } from "@/db/schema/phone";
import { getScript } from "@/lib/phone/scripts";
import { getAgendaCard } from "@/lib/agendas/agenda-card";
import { getCampaign, getProgram } from "@/lib/agendas/programs";
import { getCustomerDetail } from "@/lib/customers/customers";
import { getCompany } from "@/lib/org/companies";
import { getQueue } from "@/lib/org/queues";
import { getTeam } from "@/lib/org/teams";
import { getUser } from "@/lib/org/users";
import { getTemplate } from "@/lib/whatsapp/templates-admin";

// Every page with an id in its URL loads it through a scoped query and answers 404 (notFound) when the
// query finds nothing. This proves each query finds nothing for an id of a company the user is not in,
// and still finds the user's own — and fails when a new [id] page appears without its check here.

type Scope = { userId: string; companyIds: string[]; canViewAllAgents: boolean };
type Loader = (db: TestDb["db"], scope: Scope, id: string) => Promise<unknown>;

/** The page, the table its id comes from (with its company column) and the query the page calls. */
const PAGES: Record<string, { table: PgTable; company: PgColumn; load: Loader } | { global: string }> = {
  "app/(app)/admin/companies/[id]/page.tsx": { table: companies, company: companies.id, load: getCompany },
  "app/(app)/admin/programs/[id]/page.tsx": { table: programs, company: programs.companyId, load: getProgram },
  "app/(app)/admin/programs/campaigns/[id]/page.tsx": { table: campaigns, company: campaigns.companyId, load: getCampaign },
  "app/(app)/admin/queues/[id]/page.tsx": { table: queues, company: queues.companyId, load: getQueue },
  "app/(app)/admin/teams/[id]/page.tsx": { table: teams, company: teams.companyId, load: getTeam },
  "app/(app)/admin/templates/[id]/page.tsx": { table: messageTemplates, company: messageTemplates.companyId, load: getTemplate },
  "app/(app)/admin/users/[id]/page.tsx": { table: users, company: users.homeCompanyId, load: getUser },
  "app/(app)/atendimento/[id]/page.tsx": { table: agendas, company: agendas.companyId, load: getAgendaCard },
  "app/(app)/clientes/[id]/page.tsx": { table: customers, company: customers.companyId, load: (db, s, id) => getCustomerDetail(db, s.companyIds, id) },
  "app/(app)/admin/scripts/[id]/page.tsx": { table: scripts, company: scripts.companyId, load: (db, s, id) => getScript(db, s.companyIds, id) },
  // Roles are shared by every company (one set of job titles), behind users.manage.
  "app/(app)/admin/roles/[id]/page.tsx": { global: "roles" },
};

function idPages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return idPages(full);
    return name === "page.tsx" && /\[[^\]]+\]/.test(full) ? [full] : [];
  });
}

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: new Date("2026-03-02T12:00:00.000Z"), customers: 30 });
});
afterAll(() => t?.close());

/** One row of each of two companies that have one: the user's (home) and another. */
async function rowsOfTwoCompanies(table: PgTable, company: PgColumn) {
  const idColumn = (table as unknown as { id: PgColumn }).id;
  const rows = await t.db.selectDistinctOn([company], { id: idColumn, companyId: company }).from(table).orderBy(asc(company), asc(idColumn));
  expect(rows.length, "the demo seed has rows of two companies").toBeGreaterThanOrEqual(2);
  const [home, other] = rows as { id: string; companyId: string }[];
  return { home, other };
}

describe("pages with an id in the URL", () => {
  it("every [id] page is listed here with its scoped query", () => {
    const found = idPages("app").sort();
    expect(found).toEqual(Object.keys(PAGES).sort());
  });

  for (const [page, check] of Object.entries(PAGES)) {
    if ("global" in check) continue;
    it(`${page}: an id of another company finds nothing (404), the user's own is found`, async () => {
      const { home, other } = await rowsOfTwoCompanies(check.table, check.company);
      // A user of the home company only, who may see every agent's agendas there.
      const [someone] = await t.db.select({ id: users.id }).from(users).where(eq(users.homeCompanyId, home.companyId)).limit(1);
      const scope: Scope = { userId: someone.id, companyIds: [home.companyId], canViewAllAgents: true };
      expect(await check.load(t.db, scope, other.id)).toBeNull();
      expect(await check.load(t.db, scope, home.id)).not.toBeNull();
    });
  }
});
