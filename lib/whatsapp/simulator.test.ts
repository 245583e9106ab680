import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { senderNumbers } from "@/db/schema/whatsapp";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { parseWebhook } from "./parse-webhook";
import { processDelivery } from "./process-delivery";
import {
  buildSimulatedDelivery,
  listSimulatorSenders,
  newSimulatorWamid,
  recentCustomerNumbers,
  sendSimulatedReply,
  simulatorConversation,
  type SimulatedDeliveryInput,
} from "./simulator";
import { simulatorReplySchema } from "./simulator-schema";
import { verifyWebhookSignature } from "./webhook-signature";

const SECRET = "simulator-test-secret";
const AT = new Date("2026-03-02T12:00:00.000Z");
const SENDER = { phone: "551140001000", providerPhoneId: "sandbox-sp" };

function input(overrides: Partial<SimulatedDeliveryInput> = {}): SimulatedDeliveryInput {
  return {
    sender: SENDER,
    customerPhone: "5511912340001",
    contactName: "Marina Prado",
    reply: { type: "text", body: "Olá, quero agendar uma revisão" },
    wamid: "wamid.sim.1",
    at: AT,
    ...overrides,
  };
}

describe("buildSimulatedDelivery", () => {
  it("builds a Cloud API delivery: object, entry, change value with metadata, contacts and messages", () => {
    const { payload, body, wamid } = buildSimulatedDelivery(input(), SECRET);
    expect(wamid).toBe("wamid.sim.1");
    expect(JSON.parse(body)).toEqual(payload);
    expect(payload).toEqual({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "sandbox-waba",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "551140001000", phone_number_id: "sandbox-sp" },
                contacts: [{ profile: { name: "Marina Prado" }, wa_id: "5511912340001" }],
                messages: [
                  {
                    from: "5511912340001",
                    id: "wamid.sim.1",
                    timestamp: String(AT.getTime() / 1000),
                    type: "text",
                    text: { body: "Olá, quero agendar uma revisão" },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
  });

  it("shapes button, list and template quick-reply taps like the Cloud API, with the context", () => {
    const message = (reply: SimulatedDeliveryInput["reply"]) =>
      buildSimulatedDelivery(input({ reply, contextWamid: "wamid.OUT" }), SECRET).payload.entry[0].changes[0].value.messages[0];
    expect(message({ type: "button_reply", id: "sim", title: "Sim" })).toMatchObject({
      type: "interactive",
      interactive: { type: "button_reply", button_reply: { id: "sim", title: "Sim" } },
      context: { from: "551140001000", id: "wamid.OUT" },
    });
    expect(message({ type: "list_reply", id: "slot-1", title: "Terça 08:00", description: "Oficina SP" })).toMatchObject({
      type: "interactive",
      interactive: { type: "list_reply", list_reply: { id: "slot-1", title: "Terça 08:00", description: "Oficina SP" } },
    });
    expect(message({ type: "template_button", payload: "Quero agendar", text: "Quero agendar" })).toMatchObject({
      type: "button",
      button: { payload: "Quero agendar", text: "Quero agendar" },
    });
  });

  it("signs the raw body so the webhook's verification accepts it, and only it", () => {
    const { body, signature } = buildSimulatedDelivery(input(), SECRET);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(body, signature, SECRET)).toBe(true);
    expect(verifyWebhookSignature(new TextEncoder().encode(body), signature, SECRET)).toBe(true);
    expect(verifyWebhookSignature(body, signature, "another-secret")).toBe(false);
    expect(verifyWebhookSignature(body.replace("revisão", "revisao"), signature, SECRET)).toBe(false);
  });

  it("is read back by parseWebhook: text, interactive replies and template buttons", () => {
    const read = (overrides: Partial<SimulatedDeliveryInput>) => parseWebhook(JSON.parse(buildSimulatedDelivery(input(overrides), SECRET).body))!;
    const text = read({});
    expect(text.skipped).toBe(0);
    expect(text.messages).toEqual([
      {
        wamid: "wamid.sim.1",
        phoneNumberId: "sandbox-sp",
        from: "5511912340001",
        customerPhone: "5511912340001",
        userId: null,
        contactName: "Marina Prado",
        timestamp: AT,
        type: "text",
        body: "Olá, quero agendar uma revisão",
        interactive: null,
        media: null,
        contextWamid: null,
      },
    ]);
    expect(read({ reply: { type: "button_reply", id: "sim", title: "Sim" }, contextWamid: "wamid.OUT" }).messages[0]).toMatchObject({
      type: "interactive",
      body: "Sim",
      interactive: { type: "button_reply", id: "sim", title: "Sim" },
      contextWamid: "wamid.OUT",
    });
    expect(read({ reply: { type: "list_reply", id: "r2", title: "Quarta 10:00" } }).messages[0]).toMatchObject({
      body: "Quarta 10:00",
      interactive: { type: "list_reply", id: "r2", title: "Quarta 10:00" },
    });
    expect(read({ reply: { type: "template_button", payload: "Confirmar", text: "Confirmar" } }).messages[0]).toMatchObject({
      type: "button",
      body: "Confirmar",
      interactive: { type: "template_button", payload: "Confirmar", text: "Confirmar" },
    });
  });

  it("names simulated messages wamid.sim.<uuid>", () => {
    expect(newSimulatorWamid()).toMatch(/^wamid\.sim\.[0-9a-f-]{36}$/);
  });
});

describe("simulatorReplySchema", () => {
  const base = { senderNumberId: "33333333-3333-4333-8333-333333333333", customerPhone: "(11) 91234-0001" };

  it("normalises the number and turns the form into a reply", () => {
    expect(simulatorReplySchema.parse({ ...base, type: "text", text: "  Oi  " })).toEqual({
      ...base,
      customerPhone: "5511912340001",
      contactName: null,
      contextWamid: null,
      reply: { type: "text", body: "Oi" },
    });
    expect(simulatorReplySchema.parse({ ...base, type: "template_button", text: "Confirmar" }).reply).toEqual({
      type: "template_button",
      payload: "Confirmar",
      text: "Confirmar",
    });
  });

  it("refuses invalid numbers, empty texts, over-long titles and replies without an id", () => {
    const issues = (raw: Record<string, unknown>) => {
      const result = simulatorReplySchema.safeParse(raw);
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(issues({ ...base, customerPhone: "123", type: "text", text: "Oi" })).toEqual(["customerPhone:phone"]);
    expect(issues({ ...base, type: "text", text: "   " })).toEqual(["text:messageRequired"]);
    expect(issues({ ...base, type: "button_reply", text: "x".repeat(21), replyId: "a" })).toEqual(["text:invalid"]);
    expect(issues({ ...base, type: "list_reply", text: "Terça" })).toEqual(["replyId:invalid"]);
  });
});

describe("simulator queries and sendSimulatedReply (through the webhook's processing)", () => {
  let t: TestDb;
  let s: Seeded;
  let spSender: string;
  let netSender: string;

  beforeAll(async () => {
    t = await createTestDb();
    await seed(t.db, { customers: 6, now: AT });
    s = await seeded(t.db);
    const senders = await t.db.select({ id: senderNumbers.id, providerPhoneId: senderNumbers.providerPhoneId }).from(senderNumbers);
    spSender = senders.find((x) => x.providerPhoneId === "sandbox-sp")!.id;
    netSender = senders.find((x) => x.providerPhoneId === "sandbox-net")!.id;
  });
  afterAll(() => t?.close());

  /** A fetch that plays the webhook route: verify the signature, parse, store. */
  function webhookFetch(calls: { url: string; signature: string | null }[] = [], secret = SECRET): typeof fetch {
    return (async (url: string | URL | Request, init?: RequestInit) => {
      const body = String(init?.body);
      const signature = new Headers(init?.headers).get("x-hub-signature-256");
      calls.push({ url: String(url), signature });
      if (!verifyWebhookSignature(body, signature, secret)) return new Response("{}", { status: 401 });
      await processDelivery(t.db, parseWebhook(JSON.parse(body))!, AT);
      return Response.json({ ok: true });
    }) as typeof fetch;
  }

  const ctx = (overrides: Record<string, unknown> = {}) => ({
    companyIds: [s.sp],
    now: AT,
    appSecret: SECRET,
    webhookUrl: "http://127.0.0.1:3000/api/whatsapp/webhook",
    ...overrides,
  });

  it("lists only the sender numbers of the user's companies", async () => {
    const senders = await listSimulatorSenders(t.db, [s.sp, s.cps]);
    expect(senders.map((x) => x.displayName).sort()).toEqual(["Horizonte Campinas — WhatsApp", "Horizonte SP — WhatsApp"]);
    expect(await listSimulatorSenders(t.db, [])).toEqual([]);
  });

  it("posts a signed delivery to the webhook; the message then shows in the conversation, on the customer's side", async () => {
    const calls: { url: string; signature: string | null }[] = [];
    const reply = simulatorReplySchema.parse({
      senderNumberId: spSender,
      customerPhone: "5511912340001",
      type: "text",
      text: "Olá, quero agendar uma revisão",
    });
    const { wamid } = await sendSimulatedReply(t.db, reply, ctx({ fetch: webhookFetch(calls) }));
    expect(wamid).toMatch(/^wamid\.sim\./);
    expect(calls).toEqual([{ url: "http://127.0.0.1:3000/api/whatsapp/webhook", signature: expect.stringMatching(/^sha256=/) }]);

    const view = await simulatorConversation(t.db, [s.sp], spSender, "5511912340001");
    expect(view.sender?.displayName).toBe("Horizonte SP — WhatsApp");
    expect(view.conversation?.contactName).toBe("Cliente (simulador)");
    expect(view.messages).toMatchObject([{ direction: "in", author: "customer", type: "text", body: "Olá, quero agendar uma revisão", wamid, status: "received" }]);

    const recent = await recentCustomerNumbers(t.db, [s.sp]);
    expect(recent[0]).toMatchObject({ senderNumberId: spSender, customerPhone: "5511912340001" });
    expect(recent.every((r) => r.senderName.startsWith("Horizonte SP"))).toBe(true);
  });

  it("keeps the conversation's contact name when none is given", async () => {
    const [seededConversation] = (await recentCustomerNumbers(t.db, [s.sp])).filter((r) => r.contactName && r.contactName !== "Cliente (simulador)");
    const reply = simulatorReplySchema.parse({ senderNumberId: spSender, customerPhone: seededConversation.customerPhone, type: "button_reply", text: "Sim", replyId: "sim" });
    await sendSimulatedReply(t.db, reply, ctx({ fetch: webhookFetch() }));
    const view = await simulatorConversation(t.db, [s.sp], spSender, seededConversation.customerPhone);
    expect(view.conversation?.contactName).toBe(seededConversation.contactName);
    expect(view.messages.at(-1)).toMatchObject({ type: "interactive", body: "Sim", interactive: { type: "button_reply", id: "sim" } });
  });

  it("refuses a sender number of another company, before posting anything", async () => {
    const calls: { url: string; signature: string | null }[] = [];
    const reply = simulatorReplySchema.parse({ senderNumberId: netSender, customerPhone: "5511912340002", type: "text", text: "Oi" });
    const error = await sendSimulatedReply(t.db, reply, ctx({ fetch: webhookFetch(calls) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe("not_found");
    expect(calls).toEqual([]);
    expect((await simulatorConversation(t.db, [s.sp], netSender, "5511912340002")).sender).toBeNull();
  });

  it("reports a webhook refusal (e.g. a wrong secret) or an unreachable webhook as simulator_webhook_failed", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const reply = simulatorReplySchema.parse({ senderNumberId: spSender, customerPhone: "5511912340003", type: "text", text: "Oi" });
      const refused = await sendSimulatedReply(t.db, reply, ctx({ fetch: webhookFetch([], "other-secret") })).catch((e: unknown) => e);
      expect((refused as UserError).code).toBe("simulator_webhook_failed");
      const unreachable = (async () => {
        throw new TypeError("fetch failed");
      }) as typeof fetch;
      const down = await sendSimulatedReply(t.db, reply, ctx({ fetch: unreachable })).catch((e: unknown) => e);
      expect((down as UserError).code).toBe("simulator_webhook_failed");
      expect((await simulatorConversation(t.db, [s.sp], spSender, "5511912340003")).conversation).toBeNull();
    } finally {
      spy.mockRestore();
    }
  });
});
