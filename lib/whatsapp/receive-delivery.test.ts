import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { companies } from "@/db/schema/org";
import { conversations, messages, senderNumbers } from "@/db/schema/whatsapp";
import { createTestDb, type TestDb } from "@/test/db";
import { signWebhookBody } from "./webhook-signature";

const state = vi.hoisted(() => ({ followUps: [] as unknown[], failure: undefined as Error | undefined }));
// The chatbot and ticket routing have tests of their own: here only whether and when they are called.
vi.mock("./follow-up", () => ({
  followUpDelivery: async (_db: Db, result: unknown) => {
    if (state.failure) throw state.failure;
    state.followUps.push(result);
  },
}));

const { MAX_WEBHOOK_BODY_BYTES, receiveDelivery } = await import("./receive-delivery");

const SECRET = "receive-test-secret";

let t: TestDb;
let seq = 0;

beforeAll(async () => {
  t = await createTestDb();
  const [company] = await t.db.insert(companies).values({ name: "Oficina" }).returning();
  await t.db.insert(senderNumbers).values([
    { companyId: company.id, phone: "551140001000", displayName: "Central", providerPhoneId: "PH1" },
    { companyId: company.id, phone: "551140003000", displayName: "Vendas", providerPhoneId: "PH3" },
  ]);
});
afterAll(async () => {
  await t?.close();
});
beforeEach(() => {
  state.followUps = [];
  state.failure = undefined;
});

const now = () => String(Math.floor(Date.now() / 1000) - 60);
const newPhone = () => `55119${String(30000000 + ++seq)}`;
const newWamid = () => `wamid.receive.${++seq}`;
const textMsg = (from: string, id: string, body = "Olá, tudo bem?") => ({ from, id, timestamp: now(), type: "text", text: { body } });
const value = (phoneNumberId: string, msgs: unknown[] = [], statuses: unknown[] = []) => ({
  messaging_product: "whatsapp",
  metadata: { display_phone_number: "551140001000", phone_number_id: phoneNumberId },
  ...(msgs.length ? { contacts: [{ profile: { name: "Cliente" }, wa_id: (msgs[0] as { from: string }).from }], messages: msgs } : {}),
  ...(statuses.length ? { statuses } : {}),
});
const delivery = (...entries: unknown[][]) => ({
  object: "whatsapp_business_account",
  entry: entries.map((changes, i) => ({ id: `WABA${i}`, changes: changes.map((v) => ({ field: "messages", value: v })) })),
});

const bytes = (body: string | Uint8Array) => (typeof body === "string" ? new TextEncoder().encode(body) : body);
function receive(body: string | Uint8Array, signature: string | null = signWebhookBody(bytes(body), SECRET), db: Db = t.db) {
  return receiveDelivery(bytes(body), signature, { db, appSecret: SECRET, now: new Date() });
}
const receiveJson = (payload: unknown) => receive(JSON.stringify(payload));
const countByWamid = async (wamid: string) => (await t.db.select().from(messages).where(eq(messages.wamid, wamid))).length;

describe("receiveDelivery", () => {
  it("stores a signed delivery before answering 200 and hands back the follow-up, not yet run", async () => {
    const wamid = newWamid();
    const phone = newPhone();
    const res = await receiveJson(delivery([value("PH1", [textMsg(phone, wamid)])]));
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
    expect(await countByWamid(wamid)).toBe(1);
    expect(res.followUp).toBeTypeOf("function");
    expect(state.followUps).toHaveLength(0);
    await res.followUp!();
    expect(state.followUps).toEqual([expect.objectContaining({ inbound: [expect.objectContaining({ wamid, isNew: true, customerPhone: phone })] })]);
  });

  it("verifies the signature over the raw bytes (non-ASCII text as sent)", async () => {
    const wamid = newWamid();
    const raw = `{"object":"whatsapp_business_account","entry":[{"id":"W","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"PH1"},"messages":[{"from":"${newPhone()}","id":"${wamid}","timestamp":"${now()}","type":"text","text":{"body":"Olá, ação às 10h 👍"}}]}}]}]}`;
    expect((await receive(raw)).status).toBe(200);
    const [row] = await t.db.select().from(messages).where(eq(messages.wamid, wamid));
    expect(row.body).toBe("Olá, ação às 10h 👍");
  });

  it("answers 401 and stores nothing for a missing, wrong or malformed signature", async () => {
    const wamid = newWamid();
    const body = JSON.stringify(delivery([value("PH1", [textMsg(newPhone(), wamid)])]));
    const cases = [
      null,
      "",
      signWebhookBody(body, "another-secret"),
      signWebhookBody(body + " ", SECRET),
      signWebhookBody(body, SECRET).replace("sha256=", "sha1="),
      "sha256=abc",
      "sha256=" + "z".repeat(64),
    ];
    for (const signature of cases) {
      const res = await receive(body, signature);
      expect(res).toEqual({ status: 401, body: { ok: false, error: "invalid_signature" } });
    }
    expect(await countByWamid(wamid)).toBe(0);
    expect(state.followUps).toHaveLength(0);
  });

  it("answers 400 for malformed JSON, invalid UTF-8 or a body that is not an object", async () => {
    for (const body of ['{"object":"whatsapp_business_account","entry":[', "", "[1,2,3]", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]) {
      expect(await receive(body)).toEqual({ status: 400, body: { ok: false, error: "malformed" } });
    }
  });

  it("answers 413 past the size limit without looking further", async () => {
    const big = new Uint8Array(MAX_WEBHOOK_BODY_BYTES + 1).fill(0x20);
    expect(await receive(big, null)).toEqual({ status: 413, body: { ok: false, error: "too_large" } });
  });

  it("answers 200 to a valid object with nothing usable in it, with nothing to follow up", async () => {
    const account = await receiveJson({ object: "whatsapp_business_account", entry: [{ id: "x", changes: [{ field: "account_update", value: {} }] }] });
    expect(account).toEqual({ status: 200, body: { ok: true } });
    expect(await receiveJson({ hello: "world" })).toEqual({ status: 200, body: { ok: true } });
  });

  it("stores a repeated delivery once and follows it up once, also when the repeats are concurrent", async () => {
    const wamid = newWamid();
    const body = JSON.stringify(delivery([value("PH1", [textMsg(newPhone(), wamid)])]));
    const first = await receive(body);
    const again = await receive(body);
    const concurrent = await Promise.all([receive(body), receive(body), receive(body)]);
    expect([first, again, ...concurrent].map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await countByWamid(wamid)).toBe(1);
    expect(first.followUp).toBeDefined();
    expect([again, ...concurrent].filter((r) => r.followUp)).toHaveLength(0);
  });

  it("answers 500 when the database fails, so that Meta delivers again", async () => {
    const broken = {
      execute: async () => {
        throw new Error("connection refused");
      },
    } as unknown as Db;
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await receive(JSON.stringify(delivery([value("PH1", [textMsg(newPhone(), newWamid())])])), undefined, broken);
      expect(res).toEqual({ status: 500, body: { ok: false, error: "storage_failed" } });
      expect(error).toHaveBeenCalled();
    } finally {
      error.mockRestore();
    }
  });

  it("logs a failing follow-up instead of throwing it", async () => {
    const res = await receiveJson(delivery([value("PH1", [textMsg(newPhone(), newWamid())])]));
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    state.failure = new Error("bot down");
    try {
      await expect(res.followUp!()).resolves.toBeUndefined();
      expect(error).toHaveBeenCalledWith("[whatsapp] follow-up failed", state.failure);
    } finally {
      error.mockRestore();
    }
  });

  it("applies out-of-order statuses forward only", async () => {
    const phone = newPhone();
    await receiveJson(delivery([value("PH1", [textMsg(phone, newWamid())])]));
    const [conv] = await t.db.select().from(conversations).where(eq(conversations.customerPhone, phone));
    const out = newWamid();
    await t.db.insert(messages).values({ conversationId: conv.id, direction: "out", author: "agent", type: "text", body: "Olá", wamid: out, status: "sent" });
    const ts = Number(now());
    const st = (s: string, at: number) => ({ id: out, status: s, timestamp: String(at), recipient_id: phone });
    expect((await receiveJson(delivery([value("PH1", [], [st("read", ts + 30)])]))).status).toBe(200);
    expect((await receiveJson(delivery([value("PH1", [], [st("delivered", ts + 20)])]))).status).toBe(200);
    expect((await receiveJson(delivery([value("PH1", [], [st("sent", ts + 10)])]))).status).toBe(200);
    const [row] = await t.db.select().from(messages).where(eq(messages.wamid, out));
    expect(row.status).toBe("read");
    expect(row.statusAt?.getTime()).toBe((ts + 30) * 1000);
  });

  it("stores every message of a multi-entry, multi-change delivery", async () => {
    const ids = [newWamid(), newWamid(), newWamid(), newWamid()];
    const res = await receiveJson(
      delivery(
        [value("PH1", [textMsg(newPhone(), ids[0]), textMsg(newPhone(), ids[1])]), value("PH3", [textMsg(newPhone(), ids[2])])],
        [value("PH1", [textMsg(newPhone(), ids[3])])],
      ),
    );
    expect(res.status).toBe(200);
    for (const id of ids) expect(await countByWamid(id)).toBe(1);
  });

  it("stores a delivery with a NUL or a lone surrogate in a text, the profile name and a status's error, without those characters", async () => {
    const phone = newPhone();
    const [normal, nul, surrogate] = [newWamid(), newWamid(), newWamid()];
    await receiveJson(delivery([value("PH1", [textMsg(phone, newWamid())])]));
    const [conv] = await t.db.select().from(conversations).where(eq(conversations.customerPhone, phone));
    const out = newWamid();
    await t.db.insert(messages).values({ conversationId: conv.id, direction: "out", author: "agent", type: "text", body: "Olá", wamid: out, status: "sent" });

    const payload = delivery([
      {
        ...value("PH1", [textMsg(phone, normal, "mensagem normal"), textMsg(phone, nul, "com\u0000nul"), textMsg(phone, surrogate, "meio \ud83d emoji 👍")]),
        contacts: [{ profile: { name: "Jo\u0000ão" }, wa_id: phone }],
        statuses: [{ id: out, status: "failed", timestamp: now(), recipient_id: phone, errors: [{ code: 131026, title: "Não\u0000 entregue" }] }],
      },
    ]);
    const body = JSON.stringify(payload);
    // What Meta sends: the characters as \u escapes in the JSON text.
    expect(body).toContain("\\u0000");
    const res = await receive(body);
    expect(res).toMatchObject({ status: 200, body: { ok: true } });

    const body$ = async (wamid: string) => (await t.db.select().from(messages).where(eq(messages.wamid, wamid)))[0]?.body;
    expect(await body$(normal)).toBe("mensagem normal");
    expect(await body$(nul)).toBe("comnul");
    expect(await body$(surrogate)).toBe("meio  emoji 👍");
    const [after] = await t.db.select().from(conversations).where(eq(conversations.id, conv.id));
    expect(after.contactName).toBe("João");
    const [status] = await t.db.select().from(messages).where(eq(messages.wamid, out));
    expect(status).toMatchObject({ status: "failed", errorCode: 131026, errorTitle: "Não entregue" });
  });

  it("skips messages from a sender that is not a phone number with a log line, stores the rest and answers 200", async () => {
    const good = newWamid();
    const [letters, long] = [newWamid(), newWamid()];
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const res = await receiveJson(delivery([value("PH1", [textMsg("abc", letters), textMsg("9".repeat(5000), long), textMsg(newPhone(), good)])]));
      expect(res).toMatchObject({ status: 200, body: { ok: true } });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/2 message\(s\) skipped: the sender is not a phone number \("abc", "9{20}…"\)/));
    } finally {
      warn.mockRestore();
    }
    expect(await countByWamid(good)).toBe(1);
    expect(await countByWamid(letters)).toBe(0);
    expect(await countByWamid(long)).toBe(0);
    expect(await t.db.select().from(conversations).where(eq(conversations.customerPhone, ""))).toEqual([]);
  });

  it("tolerates unknown message types and unknown fields", async () => {
    const wamid = newWamid();
    const res = await receiveJson({
      object: "whatsapp_business_account",
      brand_new_top_level: true,
      entry: [
        {
          id: "W",
          changes: [
            {
              field: "messages",
              value: {
                metadata: { phone_number_id: "PH1", something: 1 },
                messages: [{ from: newPhone(), id: wamid, timestamp: now(), type: "quantum_sticker", quantum_sticker: { spin: "up" } }],
                statuses: [{ id: "wamid.unknown", status: "teleported", timestamp: now() }],
              },
            },
          ],
        },
      ],
    });
    expect(res.status).toBe(200);
    const [row] = await t.db.select().from(messages).where(eq(messages.wamid, wamid));
    expect(row).toMatchObject({ type: "quantum_sticker", direction: "in", status: "received" });
    expect((await t.db.select().from(messages).where(like(messages.wamid, "wamid.receive.%"))).length).toBeGreaterThan(0);
  });
});
