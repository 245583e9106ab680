import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows-of";
import { seed } from "@/db/seed";
import { conversations, senderNumbers } from "@/db/schema/whatsapp";
import { createTicket } from "@/lib/tickets/state";
import { sendChatMessage } from "@/lib/tickets/send-chat-message";
import type { WhatsappGateway } from "@/lib/whatsapp/gateway";
import { createSandboxProvider } from "@/lib/whatsapp/sandbox-provider";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded } from "@/test/fixtures";
import { addNote, ticketNotes } from "./notes";

const NOW = new Date("2026-11-23T13:00:00Z");
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 2 });
});
afterAll(() => t?.close());

describe("internal notes", () => {
  it("are shown on the ticket and never reach the WhatsApp provider", async () => {
    const s = await seeded(t.db);
    const ana = await s.userId("agente@atende.dev");
    const [sender] = await t.db.select({ id: senderNumbers.id }).from(senderNumbers).where(eq(senderNumbers.companyId, s.sp));
    const ticketId = await t.db.transaction(async (tx) => {
      const [c] = await tx.insert(conversations).values({ companyId: s.sp, senderNumberId: sender.id, customerPhone: "5511960001234", lastInboundAt: NOW }).returning({ id: conversations.id });
      return (await createTicket(tx, { companyId: s.sp, conversationId: c.id, protocol: "NOTA-1", queueId: null, agentId: ana, subject: null, channel: "whatsapp", now: NOW }))!.id;
    });
    const sandbox = createSandboxProvider();
    const sent: string[] = [];
    const spy: WhatsappGateway = { ...sandbox, kind: sandbox.kind, send: (from, to, payload) => (sent.push(JSON.stringify(payload)), sandbox.send(from, to, payload)), uploadMedia: sandbox.uploadMedia.bind(sandbox), listTemplates: sandbox.listTemplates.bind(sandbox) };
    const ctx = { userId: ana, companyIds: [s.sp], now: NOW };

    await addNote(t.db, { ticketId, body: "Cliente irritado, oferecer desconto" }, ctx);
    await sendChatMessage(t.db, { ticketId, clientMessageId: randomUUID(), body: "Olá! Como posso ajudar?" }, { ...ctx, gateway: spy });

    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain("Como posso ajudar?");
    expect(sent.join()).not.toContain("desconto");
    const stored = rowsOf<{ n: number }>(await t.db.execute(sql`select count(*)::int as n from messages where body like '%desconto%'`));
    expect(Number(stored[0].n)).toBe(0);
    expect(await ticketNotes(t.db, ticketId)).toEqual([expect.objectContaining({ body: "Cliente irritado, oferecer desconto", authorName: "Ana Agente" })]);
  });

  it("are refused on a ticket of another company", async () => {
    const s = await seeded(t.db);
    const ana = await s.userId("agente@atende.dev");
    const [sp] = rowsOf<{ id: string }>(await t.db.execute(sql`select id from tickets where company_id = ${s.sp}::uuid limit 1`));
    await expect(addNote(t.db, { ticketId: sp.id, body: "x" }, { userId: ana, companyIds: [s.net], now: NOW })).rejects.toMatchObject({ code: "not_found" });
  });
});
