import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { conversations, messages } from "@/db/schema/whatsapp";
import { seed } from "@/db/seed";
import { createTestDb, type TestDb } from "@/test/db";
import { startFakeGraph } from "@/test/fake-graph";
import { createCloudProvider } from "./cloud-provider";
import { followUpDelivery } from "./follow-up";
import { parseWebhook } from "./parse-webhook";
import { processDelivery } from "./process-delivery";
import { receiveDelivery } from "./receive-delivery";
import { signWebhookBody, verifyWebhookSignature } from "./webhook-signature";

// Monday 23/11/2026, 10:00 in São Paulo.
const NOW = new Date("2026-11-23T13:00:00Z");
const SECRET = "username-test-secret";
const USER_ID = "BR.1502576394655843";

let t: TestDb;
let graph: Awaited<ReturnType<typeof startFakeGraph>>;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 2, agendas: 0 });
  graph = await startFakeGraph();
});
afterAll(async () => {
  await graph?.close();
  await t?.close();
});

const ts = () => String(Math.floor(NOW.getTime() / 1000) - 30);
const signed = (payload: unknown) => {
  const raw = new TextEncoder().encode(JSON.stringify(payload));
  return { raw, signature: signWebhookBody(raw, SECRET) };
};
const change = (value: Record<string, unknown>) => ({
  object: "whatsapp_business_account",
  entry: [{ id: "WABA", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { phone_number_id: "sandbox-sp" }, ...value } }] }],
});

describe("username users (business-scoped user ids)", () => {
  it("stores a message that has only a user id and the bot answers it at the user id", async () => {
    const wamid = "wamid.username.1";
    const { raw, signature } = signed(
      change({
        contacts: [{ profile: { name: "Maria Username" }, user_id: USER_ID }],
        messages: [{ from_user_id: USER_ID, id: wamid, timestamp: ts(), type: "text", text: { body: "Oi" } }],
      }),
    );
    // Signed and parsed as Meta delivers it, stored, then the real follow-up (the chatbot) sending through
    // the Cloud API provider to the fake Graph server.
    expect(verifyWebhookSignature(raw, signature, SECRET)).toBe(true);
    const result = await processDelivery(t.db, parseWebhook(JSON.parse(new TextDecoder().decode(raw)))!, NOW);
    const gateway = createCloudProvider({ baseUrl: graph.baseUrl, apiVersion: "v26.0", accessToken: "t" });
    await followUpDelivery(t.db, result, NOW, gateway);

    const [stored] = await t.db
      .select({ conversationId: messages.conversationId, body: messages.body })
      .from(messages)
      .where(eq(messages.wamid, wamid));
    expect(stored.body).toBe("Oi");
    const [conversation] = await t.db
      .select({ customerPhone: conversations.customerPhone, contactName: conversations.contactName })
      .from(conversations)
      .where(eq(conversations.id, stored.conversationId));
    expect(conversation).toEqual({ customerPhone: USER_ID, contactName: "Maria Username" });
    const sent = graph.sent();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]).toMatchObject({ messaging_product: "whatsapp", recipient: USER_ID });
    expect(sent[0]).not.toHaveProperty("to");
    const bot = await t.db
      .select({ author: messages.author, status: messages.status })
      .from(messages)
      .where(eq(messages.conversationId, stored.conversationId));
    expect(bot.filter((m) => m.author === "bot").length).toBeGreaterThan(0);
  });

  it("keys the conversation by the phone when both are sent, and by the user id when only it is", async () => {
    const phone = "5511987650001";
    const parsed = parseWebhook(
      change({
        contacts: [{ profile: { name: "Ana" }, wa_id: phone, user_id: "BR.77" }],
        messages: [
          { from: phone, from_user_id: "BR.77", id: "wamid.both", timestamp: ts(), type: "text", text: { body: "a" } },
          { from_user_id: "BR.88", id: "wamid.only", timestamp: ts(), type: "text", text: { body: "b" } },
        ],
      }),
    )!;
    expect(parsed.messages.map((m) => [m.customerPhone, m.userId])).toEqual([
      [phone, "BR.77"],
      ["BR.88", "BR.88"],
    ]);
  });

  it("logs every skipped item with the reason", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const { raw, signature } = signed(
        change({
          messages: [{ id: "wamid.nobody", timestamp: ts(), type: "text", text: { body: "?" } }, { type: "text" }],
          statuses: [{ id: "wamid.x", status: "teleported" }],
          errors: [{ code: 131000, title: "Something went wrong", error_data: { details: "boom" }, fbtrace_id: "AbC123" }],
        }),
      );
      expect((await receiveDelivery(raw, signature, { db: t.db, appSecret: SECRET, now: NOW })).status).toBe(200);
      const lines = warn.mock.calls.map((c) => String(c[0])).join("\n");
      expect(lines).toMatch(/wamid\.nobody: the sender is neither a phone number nor a user id|sender is not a phone number/);
      expect(lines).toMatch(/message without an id/);
      expect(lines).toMatch(/unknown status "teleported"/);
      expect(lines).toMatch(/webhook error 131000: Something went wrong — boom \(fbtrace_id AbC123\)/);
    } finally {
      warn.mockRestore();
    }
  });
});
