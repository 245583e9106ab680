import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { addDaysToDate, DEFAULT_TIME_ZONE, zonedInstant } from "@/lib/dates";
import type { FilterState } from "./wizard-state";

/** How many calls Localizar Registros lists at most. */
export const MAX_LISTED_CALLS = 200;

export type FoundCall = {
  id: string;
  caller: string;
  startedAt: Date;
  durationSeconds: number;
  disposition: string;
  queue: string | null;
  extension: string | null;
  customerId: string | null;
  customerName: string | null;
  contactId: string | null;
  contactName: string | null;
};

/** The typed digits as a caller prefix: with or without the country code ("1195551" finds 5511955510001). */
function prefixCondition(typed: string) {
  const digits = typed.replace(/\D/g, "");
  return sql`(c.caller like ${`${digits}%`} or c.caller like ${`55${digits}%`})`;
}

function filterCondition(filter: FilterState, now: Date) {
  switch (filter.mode) {
    case "period":
      return sql`c.started_at >= ${new Date(now.getTime() - filter.days * 86_400_000).toISOString()}::timestamptz`;
    case "range":
      return sql`c.started_at >= ${zonedInstant(filter.from!, "00:00", DEFAULT_TIME_ZONE).toISOString()}::timestamptz
        and c.started_at < ${zonedInstant(addDaysToDate(filter.to!, 1), "00:00", DEFAULT_TIME_ZONE).toISOString()}::timestamptz`;
    case "phone":
      return filter.selected.length ? sql`c.caller in (${sql.join(filter.selected.map((n) => sql`${n}`), sql`, `)})` : sql`false`;
  }
}

/**
 * Filtros → the numbers the Telefone search offers: the company's callers starting with the typed
 * digits, the most recent first, at most `quantity`.
 */
export async function findCallerNumbers(db: Db, companyId: string, typed: string, quantity: number): Promise<string[]> {
  const rows = await db.execute(sql`
    select c.caller from call_records c
    where c.company_id = ${companyId}::uuid and ${prefixCondition(typed)}
    group by c.caller order by max(c.started_at) desc limit ${quantity}`);
  return rowsOf<{ caller: string }>(rows).map((r) => r.caller);
}

/** Which of these numbers are a contact of the company (the rest show as "Não identificado"). */
export async function knownNumbers(db: Db, companyId: string, numbers: string[]): Promise<Set<string>> {
  if (!numbers.length) return new Set();
  const list = sql.join(numbers.map((n) => sql`${n}`), sql`, `);
  const rows = await db.execute(sql`
    select n.number from unnest(array[${list}]::text[]) as n(number)
    where exists (
      select 1 from contacts ct join customers cu on cu.id = ct.customer_id
      where cu.company_id = ${companyId}::uuid and (ct.mobile = n.number or ct.phone = n.number or ct.whatsapp = n.number)
    )`);
  return new Set(rowsOf<{ number: string }>(rows).map((r) => r.number));
}

/**
 * Localizar Registros: the calls of the filter, from at most `quantity` numbers (the most recent
 * callers), each with the company's contact of that number when there is one.
 */
export async function findCalls(db: Db, companyId: string, filter: FilterState, now: Date, onlyId?: string): Promise<FoundCall[]> {
  const rows = await db.execute(sql`
    with matched as (
      select c.* from call_records c
      where c.company_id = ${companyId}::uuid and ${filterCondition(filter, now)}
    ), numbers as (
      select caller from matched group by caller order by max(started_at) desc limit ${filter.quantity}
    )
    select m.id, m.caller, m.started_at, m.duration_seconds, m.disposition, m.queue, m.extension,
      who.customer_id, who.customer_name, who.contact_id, who.contact_name
    from matched m
    left join lateral (
      select cu.id as customer_id, cu.name as customer_name, ct.id as contact_id, ct.name as contact_name
      from contacts ct join customers cu on cu.id = ct.customer_id
      where cu.company_id = ${companyId}::uuid and (ct.mobile = m.caller or ct.phone = m.caller or ct.whatsapp = m.caller)
      order by ct.created_at limit 1
    ) who on true
    where m.caller in (select caller from numbers) ${onlyId ? sql`and m.id = ${onlyId}::uuid` : sql``}
    order by m.started_at desc
    limit ${MAX_LISTED_CALLS}`);
  return rowsOf<Record<string, unknown>>(rows).map((r) => ({
    id: r.id as string,
    caller: r.caller as string,
    startedAt: new Date(r.started_at as string),
    durationSeconds: Number(r.duration_seconds),
    disposition: r.disposition as string,
    queue: (r.queue as string | null) ?? null,
    extension: (r.extension as string | null) ?? null,
    customerId: (r.customer_id as string | null) ?? null,
    customerName: (r.customer_name as string | null) ?? null,
    contactId: (r.contact_id as string | null) ?? null,
    contactName: (r.contact_name as string | null) ?? null,
  }));
}
