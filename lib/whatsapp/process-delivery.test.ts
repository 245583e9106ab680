import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, customers } from "@/db/schema/customers";
import { companies } from "@/db/schema/org";
import { conversations, messages, senderNumbers } from "@/db/schema/whatsapp";
import { tickets } from "@/db/schema/tickets";
import { createTestDb, type TestDb } from "@/test/db";
import { parseWebhook } from "./parse-webhook";
import { processDelivery } from "./process-delivery";

const NOW = new Date("2026-11-23T12:00:00.000Z");
const sec = (d: Date) => String(Math.floor(d.getTime() / 1000));
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let t: TestDb;
let companyId: string;
let otherCompanyId: string;
let senderId: string;
let seq = 0;

// Cloud API delivery builders.
type Msg = Record<string, unknown>;
const textMsg = (from: string, wamid: string, body: string, at = ago(60_000)): Msg => ({ from, id: wamid, timestamp: sec(at), type: "text", text: { body } });
const value = (phoneNumberId: string, msgs: Msg[] = [], statuses: Msg[] = [], name = "Maria Cliente") => ({
  messaging_product: "whatsapp",
  metadata: { display_phone_number: "551140001000", phone_number_id: phoneNumberId },
  contacts: msgs.length ? [{ profile: { name }, wa_id: String(msgs[0].from) }] : undefined,
  messages: msgs.length ? msgs : undefined,
  statuses: statuses.length ? statuses : undefined,
});
const delivery = (...values: ReturnType<typeof value>[][]) => ({
  object: "whatsapp_business_account",
  entry: values.map((changes, i) => ({ id: `WABA${i}`, changes: changes.map((v) => ({ field: "messages", value: v })) })),
});
const status = (wamid: string, s: string, at: Date, errors?: unknown[]): Msg => ({ id: wamid, status: s, timestamp: sec(at), recipient_id: "5511900000000", ...(errors ? { errors } : {}) });

const run = (body: unknown, now = NOW) => processDelivery(t.db, parseWebhook(body)!, now);
const newPhone = () => `55119${String(20000000 + ++seq)}`;
const newWamid = () => `wamid.in.${++seq}`;
async function conversationOf(phone: string) {
  const [row] = await t.db.select().from(conversations).where(and(eq(conversations.senderNumberId, senderId), eq(conversations.customerPhone, phone)));
  return row;
}
const messagesOf = (conversationId: string) => t.db.select().from(messages).where(eq(messages.conversationId, conversationId));
const byWamid = async (wamid: string) => (await t.db.select().from(messages).where(eq(messages.wamid, wamid)))[0];

async function outbound(conversationId: string, statusValue: (typeof messages.$inferInsert)["status"] = "sent") {
  const wamid = `wamid.out.${++seq}`;
  await t.db.insert(messages).values({ conversationId, direction: "out", author: "agent", type: "text", body: "Olá", wamid, status: statusValue, statusAt: ago(3600_000) });
  return wamid;
}

beforeAll(async () => {
  t = await createTestDb();
  [{ id: companyId }, { id: otherCompanyId }] = await t.db.insert(companies).values([{ name: "Oficina" }, { name: "Outra" }]).returning();
  [{ id: senderId }] = await t.db
    .insert(senderNumbers)
    .values([
      { companyId, phone: "551140001000", displayName: "Central", providerPhoneId: "PH1" },
      { companyId: otherCompanyId, phone: "551140002000", displayName: "Outra", providerPhoneId: "PH2" },
    ])
    .returning();
});
afterAll(() => t?.close());

describe("processDelivery: inbound", () => {
  it("creates the conversation and stores the message as received", async () => {
    const phone = newPhone();
    const wamid = newWamid();
    const at = ago(120_000);
    const result = await run(delivery([value("PH1", [textMsg(phone, wamid, "Oi, quero agendar", at)])]));
    const conv = await conversationOf(phone);
    expect(conv).toMatchObject({ companyId, contactName: "Maria Cliente", customerId: null });
    expect(conv.lastInboundAt?.toISOString()).toBe(at.toISOString());
    expect(result).toEqual({
      inbound: [
        {
          messageId: expect.any(String),
          conversationId: conv.id,
          companyId,
          isNew: true,
          conversationCreated: true,
          customerId: null,
          customerPhone: phone,
          wamid,
          type: "text",
          body: "Oi, quero agendar",
          interactive: null,
        },
      ],
      statuses: 0,
      unknownSender: 0,
    });
    const [row] = await messagesOf(conv.id);
    expect(row).toMatchObject({ id: result.inbound[0].messageId, direction: "in", author: "customer", type: "text", body: "Oi, quero agendar", wamid, status: "received" });
    expect(row.createdAt.toISOString()).toBe(at.toISOString());
  });

  it("stores nothing twice when a delivery repeats, and says so", async () => {
    const phone = newPhone();
    const body = delivery([value("PH1", [textMsg(phone, newWamid(), "Oi")])]);
    const first = await run(body);
    const second = await run(body);
    expect(second.inbound[0]).toMatchObject({ isNew: false, conversationCreated: false, messageId: first.inbound[0].messageId });
    expect(await messagesOf(first.inbound[0].conversationId)).toHaveLength(1);
  });

  it("stores one message when the same delivery is processed concurrently", async () => {
    const phone = newPhone();
    const body = delivery([value("PH1", [textMsg(phone, newWamid(), "Oi")])]);
    const results = await Promise.all(Array.from({ length: 6 }, () => run(body)));
    expect(results.filter((r) => r.inbound[0].isNew)).toHaveLength(1);
    const conv = await conversationOf(phone);
    expect(await messagesOf(conv.id)).toHaveLength(1);
    expect(await t.db.select().from(conversations).where(eq(conversations.customerPhone, phone))).toHaveLength(1);
  });

  it("never moves last_inbound_at backwards; an older message keeps the newer name", async () => {
    const phone = newPhone();
    const newer = ago(60_000);
    const older = ago(3600_000);
    await run(delivery([value("PH1", [textMsg(phone, newWamid(), "segunda", newer)], [], "Maria Nova")]));
    const result = await run(delivery([value("PH1", [textMsg(phone, newWamid(), "primeira", older)], [], "Maria Antiga")]));
    expect(result.inbound[0].isNew).toBe(true);
    const conv = await conversationOf(phone);
    expect(conv.lastInboundAt?.toISOString()).toBe(newer.toISOString());
    expect(conv.contactName).toBe("Maria Nova");
    expect(await messagesOf(conv.id)).toHaveLength(2);
  });

  it("clamps a timestamp from the future to now", async () => {
    const phone = newPhone();
    await run(delivery([value("PH1", [textMsg(phone, newWamid(), "Oi", new Date(NOW.getTime() + 86_400_000))])]));
    expect((await conversationOf(phone)).lastInboundAt?.toISOString()).toBe(NOW.toISOString());
  });

  it("links the customer whose contact has this mobile or WhatsApp, in the sender's company only", async () => {
    const mobile = newPhone();
    const whatsapp = newPhone();
    const foreign = newPhone();
    const [mine] = await t.db.insert(customers).values({ companyId, name: "Maria" }).returning();
    const [theirs] = await t.db.insert(customers).values({ companyId: otherCompanyId, name: "Outra Maria" }).returning();
    await t.db.insert(contacts).values([
      { customerId: mine.id, name: "Maria", mobile },
      { customerId: mine.id, name: "Maria (zap)", email: "m@x.test", whatsapp },
      { customerId: theirs.id, name: "Outra", mobile: foreign },
    ]);
    const result = await run(
      delivery([value("PH1", [textMsg(mobile, newWamid(), "a")]), value("PH1", [textMsg(whatsapp, newWamid(), "b")]), value("PH1", [textMsg(foreign, newWamid(), "c")])]),
    );
    expect(result.inbound.map((i) => [i.customerPhone, i.customerId])).toEqual(
      expect.arrayContaining([
        [mobile, mine.id],
        [whatsapp, mine.id],
        [foreign, null],
      ]),
    );
    expect((await conversationOf(mobile)).customerId).toBe(mine.id);
    expect((await conversationOf(foreign)).customerId).toBeNull();
  });

  it("matches a Brazilian mobile sent without the ninth digit to the stored number", async () => {
    const phone = `551198${String(7000000 + ++seq)}`; // 11 9 87xx-xxxx
    const withoutNinth = phone.slice(0, 4) + phone.slice(5);
    await run(delivery([value("PH1", [textMsg(phone, newWamid(), "com nove")])]));
    const result = await run(delivery([value("PH1", [textMsg(withoutNinth, newWamid(), "sem nove")])]));
    expect(result.inbound[0]).toMatchObject({ customerPhone: phone, conversationCreated: false });
  });

  it("stores every item of a multi-entry, multi-change delivery", async () => {
    const [a, b, c] = [newPhone(), newPhone(), newPhone()];
    const result = await run(
      delivery(
        [value("PH1", [textMsg(a, newWamid(), "a1"), textMsg(a, newWamid(), "a2")]), value("PH2", [textMsg(b, newWamid(), "b1")])],
        [value("PH1", [textMsg(c, newWamid(), "c1")])],
      ),
    );
    expect(result.inbound).toHaveLength(4);
    expect(result.inbound.every((i) => i.isNew)).toBe(true);
    expect(await messagesOf((await conversationOf(a)).id)).toHaveLength(2);
    const [convB] = await t.db.select().from(conversations).where(eq(conversations.customerPhone, b));
    expect(convB.companyId).toBe(otherCompanyId);
    expect(await messagesOf((await conversationOf(c)).id)).toHaveLength(1);
  });

  it("keeps the type of interactive replies, template taps, media and unknown types", async () => {
    const phone = newPhone();
    const base = { from: phone, timestamp: sec(ago(1000)) };
    const ids = [newWamid(), newWamid(), newWamid(), newWamid(), newWamid()];
    await run(
      delivery([
        value("PH1", [
          { ...base, id: ids[0], type: "interactive", interactive: { type: "button_reply", button_reply: { id: "sim", title: "Sim" } } },
          { ...base, id: ids[1], type: "interactive", interactive: { type: "list_reply", list_reply: { id: "h1", title: "Terça 10h" } } },
          { ...base, id: ids[2], type: "button", button: { payload: "AGENDAR", text: "Quero agendar" } },
          { ...base, id: ids[3], type: "image", image: { id: "IMG1", mime_type: "image/jpeg", caption: "foto" } },
          { ...base, id: ids[4], type: "ephemeral_hologram", ephemeral_hologram: {} },
        ]),
      ]),
    );
    const rows = await Promise.all(ids.map(byWamid));
    expect(rows.map((r) => [r.type, r.body])).toEqual([
      ["interactive", "Sim"],
      ["interactive", "Terça 10h"],
      ["button", "Quero agendar"],
      ["image", "foto"],
      ["ephemeral_hologram", "[Mensagem não suportada: ephemeral_hologram]"],
    ]);
    expect(rows[0].interactive).toEqual({ type: "button_reply", id: "sim", title: "Sim" });
    expect(rows[2].interactive).toEqual({ type: "template_button", payload: "AGENDAR", text: "Quero agendar" });
    expect(rows[3].media).toMatchObject({ kind: "image", id: "IMG1" });
  });

  it("ignores messages to an unknown sender number", async () => {
    const phone = newPhone();
    const result = await run(delivery([value("NOT-OURS", [textMsg(phone, newWamid(), "Oi")])]));
    expect(result).toEqual({ inbound: [], statuses: 0, unknownSender: 1 });
    expect(await t.db.select().from(conversations).where(eq(conversations.customerPhone, phone))).toHaveLength(0);
  });

  it("attaches the message to the conversation's open ticket and reopens a window marked closed", async () => {
    const phone = newPhone();
    await run(delivery([value("PH1", [textMsg(phone, newWamid(), "Oi", ago(48 * 3600_000))])]));
    const conv = await conversationOf(phone);
    await t.db.update(conversations).set({ windowClosedMarkedAt: ago(3600_000) }).where(eq(conversations.id, conv.id));
    const [ticket] = await t.db.insert(tickets).values({ companyId, conversationId: conv.id, protocol: `20261123${++seq}` }).returning();
    const wamid = newWamid();
    await run(delivery([value("PH1", [textMsg(phone, wamid, "voltei", ago(60_000))])]));
    expect((await byWamid(wamid)).ticketId).toBe(ticket.id);
    const after = await conversationOf(phone);
    expect(after.windowClosedMarkedAt).toBeNull();
    expect(after.lastInboundAt?.toISOString()).toBe(ago(60_000).toISOString());
  });
});

describe("processDelivery: statuses", () => {
  let conversationId: string;
  beforeAll(async () => {
    const phone = newPhone();
    const result = await run(delivery([value("PH1", [textMsg(phone, newWamid(), "Oi", ago(2 * 3600_000))])]));
    conversationId = result.inbound[0].conversationId;
  });

  it("moves a message forward sent → delivered → read", async () => {
    const wamid = await outbound(conversationId);
    expect((await run(delivery([value("PH1", [], [status(wamid, "delivered", ago(50_000))])]))).statuses).toBe(1);
    expect((await byWamid(wamid)).status).toBe("delivered");
    expect((await run(delivery([value("PH1", [], [status(wamid, "read", ago(40_000))])]))).statuses).toBe(1);
    const row = await byWamid(wamid);
    expect(row.status).toBe("read");
    expect(row.statusAt?.toISOString()).toBe(ago(40_000).toISOString());
  });

  it("is out-of-order safe: read before delivered wins, an older status never overwrites", async () => {
    const wamid = await outbound(conversationId);
    await run(delivery([value("PH1", [], [status(wamid, "read", ago(40_000))])]));
    const late = await run(delivery([value("PH1", [], [status(wamid, "delivered", ago(50_000)), status(wamid, "sent", ago(55_000))])]));
    expect(late.statuses).toBe(0);
    expect((await byWamid(wamid)).status).toBe("read");
    // Both orders inside one delivery end the same.
    const other = await outbound(conversationId);
    await run(delivery([value("PH1", [], [status(other, "read", ago(40_000)), status(other, "delivered", ago(50_000))])]));
    expect((await byWamid(other)).status).toBe("read");
  });

  it("applies failed only from queued or sent, with the code and title", async () => {
    const wamid = await outbound(conversationId);
    await run(delivery([value("PH1", [], [status(wamid, "failed", ago(30_000), [{ code: 131026, title: "Message Undeliverable" }])])]));
    expect(await byWamid(wamid)).toMatchObject({ status: "failed", errorCode: 131026, errorTitle: "Message Undeliverable" });
    // A late delivered or read does not resurrect it.
    await run(delivery([value("PH1", [], [status(wamid, "delivered", ago(20_000))])]));
    expect((await byWamid(wamid)).status).toBe("failed");

    const read = await outbound(conversationId, "read");
    const r = await run(delivery([value("PH1", [], [status(read, "failed", ago(10_000), [{ code: 131000, title: "x" }])])]));
    expect(r.statuses).toBe(0);
    expect(await byWamid(read)).toMatchObject({ status: "read", errorCode: null });
  });

  it("marks the window closed on a failed 131047", async () => {
    const phone = newPhone();
    const { inbound } = await run(delivery([value("PH1", [textMsg(phone, newWamid(), "Oi", ago(30 * 3600_000))])]));
    const wamid = await outbound(inbound[0].conversationId);
    const failedAt = ago(5_000);
    await run(delivery([value("PH1", [], [status(wamid, "failed", failedAt, [{ code: 131047, title: "Re-engagement message" }])])]));
    expect(await byWamid(wamid)).toMatchObject({ status: "failed", errorCode: 131047 });
    expect((await conversationOf(phone)).windowClosedMarkedAt?.toISOString()).toBe(failedAt.toISOString());
  });

  it("repeats and unknown wamids change nothing; inbound messages are never touched", async () => {
    const wamid = await outbound(conversationId);
    const body = delivery([value("PH1", [], [status(wamid, "delivered", ago(50_000))])]);
    expect((await run(body)).statuses).toBe(1);
    expect((await run(body)).statuses).toBe(0);
    expect((await run(delivery([value("PH1", [], [status("wamid.nobody", "read", ago(1))])]))).statuses).toBe(0);
    const inWamid = newWamid();
    await run(delivery([value("PH1", [textMsg(newPhone(), inWamid, "Oi")])]));
    await run(delivery([value("PH1", [], [status(inWamid, "read", ago(1))])]));
    expect((await byWamid(inWamid)).status).toBe("received");
  });

  it("handles messages and statuses together in one delivery", async () => {
    const wamid = await outbound(conversationId);
    const phone = newPhone();
    const result = await run(delivery([value("PH1", [textMsg(phone, newWamid(), "Oi")], [status(wamid, "delivered", ago(1000))])]));
    expect(result.inbound).toHaveLength(1);
    expect(result.statuses).toBe(1);
  });
});
