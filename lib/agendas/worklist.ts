import { aliasedTable, and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendas, campaigns, programs } from "@/db/schema/agendas";
import { customers } from "@/db/schema/customers";
import { users } from "@/db/schema/org";
import { customerMatches } from "@/lib/customers/customer-match";
import type { WorklistParams } from "./schema";
import { TOTALIZERS, totalizerCondition, type Totalizer } from "./totalizers";

export const WORKLIST_PAGE_SIZE = 50;

/** Filters after the rules are applied: the company checked, the agent locked when it must be. */
export type WorklistFilters = {
  companyId: string;
  from: string;
  to: string;
  campaignId?: string;
  teamId?: string;
  agentId?: string;
  origin?: "automatica" | "manual";
  totalizer?: Totalizer;
  /** Busca: name, CPF/CNPJ, phone or plate of the customer (lib/customers/customer-match.ts). */
  search?: string;
  sort: WorklistParams["ordem"];
  dir: WorklistParams["dir"];
  page: number;
};

function baseConditions(db: Db, f: WorklistFilters): SQL[] {
  const c: SQL[] = [eq(agendas.companyId, f.companyId), gte(agendas.contactDate, f.from), lte(agendas.contactDate, f.to)];
  const match = f.search ? customerMatches(db, f.search) : undefined;
  // Only with a search: the matching customers of the company, then their agendas in the other filters.
  if (match) {
    c.push(inArray(agendas.customerId, db.select({ id: customers.id }).from(customers).where(and(eq(customers.companyId, f.companyId), match))));
  }
  if (f.campaignId) c.push(eq(agendas.campaignId, f.campaignId));
  if (f.teamId) c.push(eq(agendas.teamId, f.teamId));
  if (f.agentId) c.push(eq(agendas.agentId, f.agentId));
  if (f.origin) c.push(eq(agendas.origin, f.origin));
  return c;
}

export type WorklistTotals = Record<Totalizer | "all", number>;

/** The seven totalizers, and the whole count, over the filtered set in one pass. */
export async function worklistTotals(db: Db, f: WorklistFilters): Promise<WorklistTotals> {
  const counts = Object.fromEntries(
    TOTALIZERS.map((t) => [t, sql<number>`count(*) filter (where ${totalizerCondition(t)})::int`]),
  ) as Record<Totalizer, SQL<number>>;
  // Prepared (postgres.js caches the statement by its text): the worklist runs the same few shapes all day.
  const [row] = await db
    .select({ ...counts, all: sql<number>`count(*)::int` })
    .from(agendas)
    .where(and(...baseConditions(db, f)))
    .prepare("worklist_totals")
    .execute();
  return row;
}

const agent = aliasedTable(users, "agent");

/** The server work of one worklist view: the totalizers and one page of rows. */
export async function getWorklist(db: Db, f: WorklistFilters) {
  const [totals, rows] = await Promise.all([worklistTotals(db, f), worklistRows(db, f)]);
  const total = f.totalizer ? totals[f.totalizer] : totals.all;
  return { totals, rows, total, pages: Math.max(1, Math.ceil(total / WORKLIST_PAGE_SIZE)) };
}

export async function worklistRows(db: Db, f: WorklistFilters) {
  const conditions = baseConditions(db, f);
  if (f.totalizer) conditions.push(totalizerCondition(f.totalizer));
  // Redundant for the result, but lets the planner sort by customer name within one company.
  conditions.push(eq(customers.companyId, f.companyId));
  const where = and(...conditions);
  const order = f.dir === "desc" ? desc : asc;
  const sortColumn = {
    data: agendas.contactDate,
    cliente: customers.name,
    status: agendas.status,
    agente: agent.name,
  }[f.sort];

  // "Pediu para ligar" by date is by the call-back's time within each day (the agenda is filed under its
  // day): the set is small, so sorting it is cheap; the other views keep the index's own order.
  const byCallback = f.totalizer === "pediu_ligar" && f.sort === "data";
  const orderBy = byCallback
    ? [order(sortColumn), sql`${agendas.callbackAt} ${sql.raw(f.dir === "desc" ? "desc" : "asc")} nulls last`, order(agendas.id)]
    : [order(sortColumn), order(agendas.id)];

  return db
      .select({
        id: agendas.id,
        contactDate: agendas.contactDate,
        origin: agendas.origin,
        direction: agendas.direction,
        status: agendas.status,
        whatsappState: agendas.whatsappState,
        whatsappReason: agendas.whatsappReason,
        whatsappAt: agendas.whatsappAt,
        callbackAt: agendas.callbackAt,
        customerId: customers.id,
        customerName: customers.name,
        customerOptOut: customers.whatsappOptOut,
        campaignName: campaigns.name,
        agentName: agent.name,
        noReplyDays: programs.noReplyDays,
      })
      .from(agendas)
      .innerJoin(customers, eq(customers.id, agendas.customerId))
      .leftJoin(campaigns, eq(campaigns.id, agendas.campaignId))
      .leftJoin(agent, eq(agent.id, agendas.agentId))
      .leftJoin(programs, eq(programs.id, agendas.programId))
      .where(where)
      .orderBy(...orderBy)
      .limit(WORKLIST_PAGE_SIZE)
      .offset((f.page - 1) * WORKLIST_PAGE_SIZE)
      .prepare("worklist_rows")
      .execute();
}
