import { DEMO_SCRIPTS } from "../lib/phone/demo-scripts";
import { createTicket } from "../lib/tickets/state";
import type { Db } from "./client";
import { callRecords, scripts, scriptVersions } from "./schema/phone";
import { protocolCounters } from "./schema/tickets";
import { conversations, senderNumbers } from "./schema/whatsapp";
import { eq, sql } from "drizzle-orm";
import type { createRandom } from "./seed";

type Random = ReturnType<typeof createRandom>;

/**
 * Numbers that call and are nobody's contact: the wizard shows them as "Cliente não identificado". The
 * first three share a prefix (the browser test searches by it).
 */
export const UNREGISTERED_CALLERS = ["5511955510001", "5511955510002", "5511955510003", "5511932107788", "5511987001122", "5511940028922"];

const LINES = {
  sp: { called: "551140001000", queue: "oficina", extensions: ["2001", "2002", "2003", "2004"] },
  net: { called: "551130002000", queue: "suporte", extensions: ["3001", "3002", "3003"] },
} as const;

type Ctx = {
  now: Date;
  rnd: Random;
  companyId: Record<string, string>;
  /** The phone numbers of each company's contacts (mobiles and landlines). */
  contactPhones: Record<"sp" | "net", string[]>;
  /** A Conecta Fibra customer with a WhatsApp conversation, given a ticket still waiting (the pending notice). */
  pending: { customerId: string; mobile: string } | null;
};

/** Three weeks of PBX call records for São Paulo and Conecta Fibra, the demo scripts, and one pending ticket. */
export async function seedPhone(tx: Db, ctx: Ctx) {
  const { now, rnd } = ctx;
  const values: (typeof callRecords.$inferInsert)[] = [];
  let sequence = 0;
  for (const key of ["sp", "net"] as const) {
    const line = LINES[key];
    const known = ctx.contactPhones[key];
    const count = key === "sp" ? 90 : 70;
    for (let i = 0; i < count; i++) {
      // Business hours, 08:00–18:00 in São Paulo (UTC−3), over the last 21 days; the newest a few minutes ago.
      const daysAgo = i < 4 ? 0 : rnd.int(0, 20);
      const startedAt = new Date(now.getTime() - daysAgo * 86_400_000 - (i < 4 ? (i + 1) * 7 * 60_000 : rnd.int(0, 10 * 3600) * 1000));
      const unregistered = i < 6 || !known.length || rnd.chance(0.22);
      const caller = unregistered ? (i < 6 ? UNREGISTERED_CALLERS[i] : rnd.pick(UNREGISTERED_CALLERS)) : rnd.pick(known);
      const roll = rnd.next();
      const disposition = i < 6 || roll < 0.78 ? "ANSWERED" : roll < 0.9 ? "NO ANSWER" : roll < 0.96 ? "BUSY" : "FAILED";
      const ring = rnd.int(3, 25);
      const talk = disposition === "ANSWERED" ? rnd.int(40, 900) : 0;
      values.push({
        companyId: ctx.companyId[key],
        pbxId: `${Math.floor(startedAt.getTime() / 1000)}.${++sequence}`,
        caller,
        called: line.called,
        startedAt,
        answeredAt: disposition === "ANSWERED" ? new Date(startedAt.getTime() + ring * 1000) : null,
        endedAt: new Date(startedAt.getTime() + (ring + talk) * 1000),
        durationSeconds: ring + talk,
        billedSeconds: talk,
        disposition,
        queue: line.queue,
        extension: disposition === "ANSWERED" ? rnd.pick(line.extensions) : null,
        receivedAt: new Date(startedAt.getTime() + (ring + talk + 5) * 1000),
      });
    }
  }
  await tx.insert(callRecords).values(values);

  for (const demo of DEMO_SCRIPTS) {
    const [script] = await tx
      .insert(scripts)
      .values({ companyId: ctx.companyId[demo.company], name: demo.name, createdAt: now })
      .returning({ id: scripts.id });
    await tx.insert(scriptVersions).values({ scriptId: script.id, version: 1, definition: demo.definition, createdAt: now });
  }

  if (ctx.pending) {
    const [conversation] = await tx
      .select({ id: conversations.id, queueId: senderNumbers.queueId })
      .from(conversations)
      .innerJoin(senderNumbers, eq(senderNumbers.id, conversations.senderNumberId))
      .where(sql`${conversations.customerId} = ${ctx.pending.customerId} and ${conversations.customerPhone} = ${ctx.pending.mobile}`);
    if (conversation) {
      const openedAt = new Date(now.getTime() - 3 * 3_600_000);
      const day = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(openedAt).replaceAll("-", "");
      const [counter] = await tx
        .insert(protocolCounters)
        .values({ day, last: 1 })
        .onConflictDoUpdate({ target: protocolCounters.day, set: { last: sql`${protocolCounters.last} + 1` } })
        .returning({ last: protocolCounters.last });
      await createTicket(tx, {
        companyId: ctx.companyId.net,
        conversationId: conversation.id,
        protocol: `${day}${String(counter.last).padStart(6, "0")}`,
        queueId: conversation.queueId,
        agentId: null,
        subject: "Cliente pediu retorno sobre a instalação",
        channel: "whatsapp",
        now: openedAt,
      });
    }
  }
  return { callRecords: values.length };
}
