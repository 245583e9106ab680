import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { companies, queueMembers, queues } from "@/db/schema/org";
import { UserError } from "@/lib/errors";
import { membersOfCompany } from "./members";
import type { QueueInput } from "./schema";

type Scope = { companyIds: string[] };

export function listQueues(db: Db, scope: Scope) {
  if (!scope.companyIds.length) return Promise.resolve([]);
  return db
    .select({
      id: queues.id,
      name: queues.name,
      companyName: companies.name,
      memberCount: sql<number>`(select count(*)::int from ${queueMembers} where ${queueMembers.queueId} = ${queues.id})`,
    })
    .from(queues)
    .innerJoin(companies, eq(companies.id, queues.companyId))
    .where(inArray(queues.companyId, scope.companyIds))
    .orderBy(asc(companies.name), asc(queues.name));
}

export async function getQueue(db: Db, scope: Scope, id: string) {
  if (!scope.companyIds.length) return null;
  const [queue] = await db
    .select({ id: queues.id, name: queues.name, companyId: queues.companyId })
    .from(queues)
    .where(and(eq(queues.id, id), inArray(queues.companyId, scope.companyIds)));
  if (!queue) return null;
  const members = await db.select({ id: queueMembers.userId }).from(queueMembers).where(eq(queueMembers.queueId, id));
  return { ...queue, memberIds: members.map((m) => m.id) };
}

export async function saveQueue(db: Db, input: QueueInput, scope: Scope) {
  if (!scope.companyIds.includes(input.companyId)) throw new UserError("forbidden");
  return db.transaction(async (tx) => {
    const values = { companyId: input.companyId, name: input.name };
    let id = input.id;
    if (id) {
      const updated = await tx
        .update(queues)
        .set(values)
        .where(and(eq(queues.id, id), inArray(queues.companyId, scope.companyIds)))
        .returning({ id: queues.id });
      if (!updated.length) throw new UserError("not_found");
      await tx.delete(queueMembers).where(eq(queueMembers.queueId, id));
    } else {
      [{ id }] = await tx.insert(queues).values(values).returning({ id: queues.id });
    }
    const memberIds = await membersOfCompany(tx, input.companyId, input.memberIds);
    if (memberIds.length) await tx.insert(queueMembers).values(memberIds.map((userId) => ({ queueId: id!, userId })));
    return { id: id! };
  });
}
