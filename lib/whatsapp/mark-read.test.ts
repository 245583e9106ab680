import { and, desc, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "@/db/schema/whatsapp";
import { tickets } from "@/db/schema/tickets";
import { seed } from "@/db/seed";
import { createTestDb, type TestDb } from "@/test/db";
import { startFakeGraph } from "@/test/fake-graph";
import { createCloudProvider } from "./cloud-provider";
import { markChatRead } from "./mark-read";

const NOW = new Date("2026-11-23T13:00:00Z");
let t: TestDb;
let graph: Awaited<ReturnType<typeof startFakeGraph>>;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 4, agendas: 0 });
  graph = await startFakeGraph();
});
afterAll(async () => {
  await graph?.close();
  await t?.close();
});

describe("markChatRead", () => {
  it("marks the newest customer message of the ticket's conversation read on WhatsApp, within the company scope only", async () => {
    const [newest] = await t.db
      .select({ ticketId: tickets.id, companyId: tickets.companyId, conversationId: tickets.conversationId, wamid: messages.wamid })
      .from(tickets)
      .innerJoin(messages, and(eq(messages.conversationId, tickets.conversationId), eq(messages.direction, "in"), isNotNull(messages.wamid)))
      .orderBy(desc(messages.createdAt))
      .limit(1);
    expect(newest).toBeDefined();
    const [latestOfConversation] = await t.db
      .select({ wamid: messages.wamid })
      .from(messages)
      .where(and(eq(messages.conversationId, newest.conversationId), eq(messages.direction, "in"), isNotNull(messages.wamid)))
      .orderBy(desc(messages.createdAt))
      .limit(1);
    const gateway = createCloudProvider({ baseUrl: graph.baseUrl, apiVersion: "v26.0", accessToken: "t" });

    expect(await markChatRead(t.db, gateway, { ticketId: newest.ticketId }, { companyIds: [] })).toEqual({ marked: false });
    expect(graph.sent()).toHaveLength(0);

    expect(await markChatRead(t.db, gateway, { ticketId: newest.ticketId }, { companyIds: [newest.companyId] })).toEqual({ marked: true });
    expect(graph.sent()).toEqual([{ messaging_product: "whatsapp", status: "read", message_id: latestOfConversation.wamid }]);
  });
});
