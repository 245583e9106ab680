import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { conversations } from "@/db/schema/whatsapp";
import { customerOfNumber } from "./reachability";

/**
 * The conversation of a sender number and a customer number, created on first use and linked to the
 * customer the number belongs to (customerOfNumber).
 */
export async function findOrCreateConversation(db: Db, sender: { id: string; companyId: string }, customerPhone: string) {
  const [existing] = await db
    .select({ id: conversations.id, lastInboundAt: conversations.lastInboundAt, customerId: conversations.customerId })
    .from(conversations)
    .where(and(eq(conversations.senderNumberId, sender.id), eq(conversations.customerPhone, customerPhone)));
  if (existing) return existing;
  const match = await customerOfNumber(db, sender.companyId, customerPhone);
  const [created] = await db
    .insert(conversations)
    .values({ companyId: sender.companyId, senderNumberId: sender.id, customerPhone, customerId: match?.customerId ?? null, contactName: match?.name ?? null })
    .onConflictDoNothing()
    .returning({ id: conversations.id, lastInboundAt: conversations.lastInboundAt, customerId: conversations.customerId });
  if (created) return created;
  return findOrCreateConversation(db, sender, customerPhone);
}

export const conversationKey = (senderId: string, phone: string) => `${senderId}\u0000${phone}`;

/**
 * The conversations of many (sender, customer phone) pairs at once, created when missing with the
 * customer the caller names — the bulk form of findOrCreateConversation: one statement for the batch
 * instead of 2–3 per send. Keyed by conversationKey.
 */
export async function conversationsFor(
  db: Db,
  pairs: { sender: { id: string; companyId: string }; phone: string; customerId: string; contactName: string }[],
): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (!pairs.length) return map;
  const unique = [...new Map(pairs.map((p) => [conversationKey(p.sender.id, p.phone), p])).values()];
  const column = <T>(pick: (p: (typeof unique)[number]) => T) => sql.param(unique.map(pick));
  // The final select sees the statement's snapshot: rows this statement inserts come from `created`.
  const found = await db.execute(sql`
    with input as (
      select * from unnest(${column((p) => p.sender.id)}::uuid[], ${column((p) => p.sender.companyId)}::uuid[], ${column((p) => p.phone)}::text[],
        ${column((p) => p.customerId)}::uuid[], ${column((p) => p.contactName)}::text[]) as t(sender_id, company_id, phone, customer_id, contact_name)
    ), created as (
      insert into conversations (company_id, sender_number_id, customer_phone, customer_id, contact_name)
      select company_id, sender_id, phone, customer_id, contact_name from input
      on conflict do nothing
      returning id, sender_number_id, customer_phone
    )
    select id, sender_number_id as "senderId", customer_phone as phone from created
    union all
    select c.id, c.sender_number_id, c.customer_phone from conversations c join input i on c.sender_number_id = i.sender_id and c.customer_phone = i.phone`);
  for (const r of rowsOf<{ id: string; senderId: string; phone: string }>(found)) map.set(conversationKey(r.senderId, r.phone), r.id);
  // A pair another transaction created after this statement's snapshot: neither inserted nor seen.
  const missing = unique.filter((p) => !map.has(conversationKey(p.sender.id, p.phone)));
  for (const p of missing) map.set(conversationKey(p.sender.id, p.phone), (await findOrCreateConversation(db, p.sender, p.phone)).id);
  return map;
}
