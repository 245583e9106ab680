import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import { anyUuid } from "@/db/any-of";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { contacts, customers } from "@/db/schema/customers";
import { senderNumbers } from "@/db/schema/whatsapp";
import { normalizePhone } from "@/lib/customers/phone";

/**
 * The one rule for reaching a customer on WhatsApp, used by the manual invitation, the dispatch jobs
 * and Nova Conversa: which number to message, from which sender number, greeting whom; and, the other
 * way round, which customer an inbound number belongs to.
 */

/** "Maria  da Silva" → "Maria": how messages greet a person. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0];
}

type ContactNumbers = { whatsapp: string | null; mobile: string | null; mobileInvalid: boolean };

/**
 * The number to message on one contact, as E.164 digits: its WhatsApp number, else its mobile, each
 * only when it is a valid number; none when the contact's mobile is marked invalid ("celular inválido").
 */
export function contactNumber(contact: ContactNumbers): string | null {
  if (contact.mobileInvalid) return null;
  return (contact.whatsapp && normalizePhone(contact.whatsapp)) || (contact.mobile && normalizePhone(contact.mobile)) || null;
}

export type Reachability = { optOut: boolean; firstName: string; phone: string | null };

/**
 * Per customer: opt-out, first name and the number to message — that of the first contact (oldest,
 * then by id) that has one (see contactNumber); null when no contact has a usable number.
 */
export async function reachability(db: Db, customerIds: string[]): Promise<Map<string, Reachability>> {
  const map = new Map<string, Reachability>();
  if (!customerIds.length) return map;
  const unique = [...new Set(customerIds)];
  const people = await db
    .select({ id: customers.id, name: customers.name, optOut: customers.whatsappOptOut })
    .from(customers)
    .where(anyUuid(customers.id, unique));
  for (const p of people) map.set(p.id, { optOut: p.optOut, firstName: firstName(p.name), phone: null });
  const rows = await db
    .select({ customerId: contacts.customerId, whatsapp: contacts.whatsapp, mobile: contacts.mobile, mobileInvalid: contacts.mobileInvalid })
    .from(contacts)
    .where(and(anyUuid(contacts.customerId, unique), or(sql`${contacts.whatsapp} is not null`, sql`${contacts.mobile} is not null`)))
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
  for (const row of rows) {
    const entry = map.get(row.customerId);
    if (entry && !entry.phone) entry.phone = contactNumber(row);
  }
  return map;
}

export type Sender = { id: string; companyId: string; providerPhoneId: string; ratePerSecond: number };

/** Each company's sender number for automatic and manual sends: its first active one by phone (then id). */
export async function firstSenders(db: Db, companyIds: string[]): Promise<Map<string, Sender>> {
  const map = new Map<string, Sender>();
  if (!companyIds.length) return map;
  const rows = await db
    .select({ id: senderNumbers.id, companyId: senderNumbers.companyId, providerPhoneId: senderNumbers.providerPhoneId, ratePerSecond: senderNumbers.ratePerSecond })
    .from(senderNumbers)
    .where(and(inArray(senderNumbers.companyId, companyIds), eq(senderNumbers.active, true)))
    .orderBy(asc(senderNumbers.phone), asc(senderNumbers.id));
  for (const row of rows) if (!map.has(row.companyId)) map.set(row.companyId, row);
  return map;
}

/** One company's sender number (see firstSenders), or null when it has no active one. */
export async function firstSender(db: Db, companyId: string): Promise<Sender | null> {
  return (await firstSenders(db, [companyId])).get(companyId) ?? null;
}

/**
 * The customer of a company an inbound number (E.164 digits) belongs to: a contact whose WhatsApp
 * number it is before one whose mobile it is, then the oldest customer (then by id). One query, for
 * every path that links a conversation to a customer; embed it with `sql` (columns customer_id, name).
 */
export function customerOfNumberQuery(companyId: string, phone: string) {
  return new QueryBuilder()
    .select({ customerId: sql<string>`${customers.id}`.as("customer_id"), name: sql<string>`${customers.name}`.as("name") })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(and(eq(customers.companyId, companyId), or(eq(contacts.whatsapp, phone), eq(contacts.mobile, phone))))
    .orderBy(sql`case when ${contacts.whatsapp} = ${phone} then 0 else 1 end`, asc(customers.createdAt), asc(customers.id))
    .limit(1);
}

/** customerOfNumberQuery run: the customer an inbound number belongs to, or null. */
export async function customerOfNumber(db: Db, companyId: string, phone: string): Promise<{ customerId: string; name: string } | null> {
  const [row] = rowsOf<{ customer_id: string; name: string }>(await db.execute(sql`${customerOfNumberQuery(companyId, phone)}`));
  return row ? { customerId: row.customer_id, name: row.name } : null;
}
