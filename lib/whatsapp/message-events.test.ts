import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies } from "@/db/schema/org";
import { conversations, senderNumbers } from "@/db/schema/whatsapp";
import { lastEventSeq, readEvents } from "@/lib/events/read-events";
import { recordRun } from "@/lib/jobs/record-run";
import { createTestDb, type TestDb } from "@/test/db";
import type { WhatsappGateway } from "./gateway";
import { sendTemplates } from "./outbox/send-bulk";
import { sendMessage } from "./outbox/send-one";
import { parseWebhook } from "./parse-webhook";
import { processDelivery } from "./process-delivery";
import { createSandboxProvider } from "./sandbox-provider";

// What the live screens hear when messages are stored or move: one event per change, to the
// conversation's company, written with the change (a repeat writes nothing, so it announces nothing).
const NOW = new Date();
let t: TestDb;
let companyId: string;
let senderId: string;
let mark = 0;

beforeAll(async () => {
  t = await createTestDb();
  [{ id: companyId }] = await t.db.insert(companies).values({ name: "Oficina" }).returning();
  [{ id: senderId }] = await t.db.insert(senderNumbers).values({ companyId, phone: "551140001000", displayName: "Central", providerPhoneId: "PH1" }).returning();
});
afterAll(() => t?.close());

/** The events written since the last call. */
async function newEvents() {
  const rows = await readEvents(t.db, { after: mark });
  mark = await lastEventSeq(t.db);
  return rows.map((r) => ({ type: r.type, companyId: r.companyId, payload: r.payload }));
}

const delivery = (messages: unknown[], statuses: unknown[] = []) =>
  parseWebhook({
    object: "whatsapp_business_account",
    entry: [{ id: "W", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "551140001000", phone_number_id: "PH1" }, messages, statuses } }] }],
  })!;
const text = (wamid: string, body: string) => ({ from: "5511988887777", id: wamid, timestamp: String(Math.floor(NOW.getTime() / 1000) - 5), type: "text", text: { body } });

describe("message events", () => {
  it("an inbound message announces message.created once; a repeated delivery announces nothing", async () => {
    await newEvents();
    const first = await processDelivery(t.db, delivery([text("wamid.e1", "Oi")]), NOW);
    const { messageId, conversationId } = first.inbound[0];
    expect(await newEvents()).toEqual([{ type: "message.created", companyId, payload: { messageId, conversationId, ticketId: null } }]);
    await processDelivery(t.db, delivery([text("wamid.e1", "Oi")]), NOW);
    expect(await newEvents()).toEqual([]);
  });

  it("a sent message announces its creation and each status that moves it forward, not one that would move it back", async () => {
    const [conversation] = await t.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.senderNumberId, senderId));
    await newEvents();
    const sent = await sendMessage(t.db, createSandboxProvider(), { conversationId: conversation.id, author: "agent", idempotencyKey: "chat:e2", payload: { type: "text", body: "Olá" } }, NOW);
    const payload = { messageId: sent.messageId, conversationId: conversation.id };
    expect(await newEvents()).toEqual([
      { type: "message.created", companyId, payload: { ...payload, ticketId: null } },
      { type: "message.status", companyId, payload },
    ]);
    const status = (s: string) => ({ id: sent.wamid, status: s, timestamp: String(Math.floor(NOW.getTime() / 1000)), recipient_id: "5511988887777" });
    await processDelivery(t.db, delivery([], [status("read")]), NOW);
    await processDelivery(t.db, delivery([], [status("delivered")]), NOW);
    expect(await newEvents()).toEqual([{ type: "message.status", companyId, payload }]);
  });

  it("a refused provider call announces the failure; the jobs' bulk sends announce each message and its outcome", async () => {
    const [conversation] = await t.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.senderNumberId, senderId));
    const refusing: WhatsappGateway = { ...createSandboxProvider(), send: async () => ({ ok: false, code: 131026, title: "Undeliverable", retryable: false }) };
    await newEvents();
    await sendMessage(t.db, refusing, { conversationId: conversation.id, author: "agent", idempotencyKey: "chat:e3", payload: { type: "text", body: "Olá" } }, NOW);
    expect((await newEvents()).map((e) => e.type)).toEqual(["message.created", "message.status"]);

    const template = { name: "aviso", language: "pt_BR", body: "Olá {{1}}", buttons: [] };
    const item = (phone: string) => ({
      sender: { id: senderId, companyId, providerPhoneId: "PH1", ratePerSecond: 80 },
      phone,
      customerId: null as unknown as string,
      firstName: "Ana",
      template,
      values: ["Ana"],
      idempotencyKey: `invite:${phone}`,
    });
    await sendTemplates(t.db, createSandboxProvider(), [item("5511911110001"), item("5511911110002")], NOW);
    const bulk = await newEvents();
    expect(bulk.map((e) => e.type).sort()).toEqual(["message.created", "message.created", "message.status", "message.status"]);
    expect(bulk.every((e) => e.companyId === companyId)).toBe(true);
  });

  it("a job run announces its start and its end to every company's screens", async () => {
    await newEvents();
    const { runId } = await recordRun(t.db, "events-cleanup", { now: NOW, trigger: "test" }, async () => {
      expect(await newEvents()).toEqual([{ type: "job_run.changed", companyId: null, payload: { jobRunId: expect.any(String), job: "events-cleanup" } }]);
    });
    expect(await newEvents()).toEqual([{ type: "job_run.changed", companyId: null, payload: { jobRunId: runId, job: "events-cleanup" } }]);
  });
});
