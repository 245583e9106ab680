import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { companies } from "@/db/schema/org";
import { conversations, messages, senderNumbers } from "@/db/schema/whatsapp";
import { resetEnvCache } from "@/lib/env";
import { signWebhookBody } from "@/lib/whatsapp/webhook-signature";
import { createTestDb, type TestDb } from "@/test/db";

const state = vi.hoisted(() => ({
  db: undefined as Db | undefined,
  afters: [] as (() => unknown)[],
  followUps: [] as unknown[],
}));
vi.mock("@/db/index", () => ({ getDb: () => state.db }));
vi.mock("next/server", () => ({
  after: (callback: () => unknown) => {
    state.afters.push(callback);
  },
}));
vi.mock("@/lib/whatsapp/follow-up", () => ({
  followUpDelivery: async (_db: Db, result: unknown) => {
    state.followUps.push(result);
  },
}));

const { GET, POST } = await import("./route");

const SECRET = "route-test-secret";
const VERIFY = "route-test-verify";
const URL_ = "http://localhost/api/whatsapp/webhook";

let t: TestDb;
let seq = 0;

beforeAll(async () => {
  process.env.WHATSAPP_APP_SECRET = SECRET;
  process.env.WHATSAPP_VERIFY_TOKEN = VERIFY;
  resetEnvCache();
  t = await createTestDb();
  state.db = t.db;
  const [company] = await t.db.insert(companies).values({ name: "Oficina" }).returning();
  await t.db.insert(senderNumbers).values([
    { companyId: company.id, phone: "551140001000", displayName: "Central", providerPhoneId: "PH1" },
    { companyId: company.id, phone: "551140003000", displayName: "Vendas", providerPhoneId: "PH3" },
  ]);
});
afterAll(async () => {
  delete process.env.WHATSAPP_APP_SECRET;
  delete process.env.WHATSAPP_VERIFY_TOKEN;
  resetEnvCache();
  await t?.close();
});
beforeEach(() => {
  state.afters = [];
  state.followUps = [];
});

const now = () => String(Math.floor(Date.now() / 1000) - 60);
const newPhone = () => `55119${String(30000000 + ++seq)}`;
const newWamid = () => `wamid.route.${++seq}`;
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

function post(body: string | Uint8Array, signature: string | null = signWebhookBody(body, SECRET)) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (signature !== null) headers["X-Hub-Signature-256"] = signature;
  return POST(new Request(URL_, { method: "POST", headers, body: typeof body === "string" ? body : Buffer.from(body) }));
}
const postJson = (payload: unknown) => post(JSON.stringify(payload));
const countByWamid = async (wamid: string) => (await t.db.select().from(messages).where(eq(messages.wamid, wamid))).length;
const allRouteMessages = () => t.db.select().from(messages).where(like(messages.wamid, "wamid.route.%"));

describe("GET handshake", () => {
  it("echoes hub.challenge when the verify token matches", async () => {
    const res = GET(new Request(`${URL_}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("1158201444");
  });

  it("answers 403 for a wrong or missing token or mode", async () => {
    expect(GET(new Request(`${URL_}?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1`)).status).toBe(403);
    expect(GET(new Request(`${URL_}?hub.mode=subscribe&hub.challenge=1`)).status).toBe(403);
    expect(GET(new Request(`${URL_}?hub.verify_token=${VERIFY}&hub.challenge=1`)).status).toBe(403);
    expect(GET(new Request(URL_)).status).toBe(403);
  });
});

describe("POST deliveries", () => {
  it("stores a signed delivery before answering 200, then schedules the follow-up", async () => {
    const wamid = newWamid();
    const phone = newPhone();
    const res = await postJson(delivery([value("PH1", [textMsg(phone, wamid)])]));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    // Stored already, before any after() callback ran.
    expect(await countByWamid(wamid)).toBe(1);
    expect(state.afters).toHaveLength(1);
    expect(state.followUps).toHaveLength(0);
    await state.afters[0]();
    expect(state.followUps).toEqual([expect.objectContaining({ inbound: [expect.objectContaining({ wamid, isNew: true, customerPhone: phone })] })]);
  });

  it("verifies the signature over the raw bytes (non-ASCII text as sent)", async () => {
    const wamid = newWamid();
    const raw = `{"object":"whatsapp_business_account","entry":[{"id":"W","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"PH1"},"messages":[{"from":"${newPhone()}","id":"${wamid}","timestamp":"${now()}","type":"text","text":{"body":"Olá, ação às 10h 👍"}}]}}]}]}`;
    const res = await post(new TextEncoder().encode(raw));
    expect(res.status).toBe(200);
    const [row] = await t.db.select().from(messages).where(eq(messages.wamid, wamid));
    expect(row.body).toBe("Olá, ação às 10h 👍");
  });

  it("answers 401 and stores nothing for a wrong, malformed or missing signature", async () => {
    const wamid = newWamid();
    const body = JSON.stringify(delivery([value("PH1", [textMsg(newPhone(), wamid)])]));
    const cases = [
      signWebhookBody(body, "another-secret"),
      signWebhookBody(body + " ", SECRET),
      signWebhookBody(body, SECRET).replace("sha256=", "sha1="),
      "sha256=abc",
      "sha256=" + "z".repeat(64),
      "",
      null,
    ];
    for (const signature of cases) {
      const res = await post(body, signature);
      expect(res.status).toBe(401);
    }
    expect(await countByWamid(wamid)).toBe(0);
    expect(state.afters).toHaveLength(0);
  });

  it("answers 400 for malformed JSON or a body that is not an object", async () => {
    expect((await post('{"object":"whatsapp_business_account","entry":[')).status).toBe(400);
    expect((await post("")).status).toBe(400);
    expect((await post("[1,2,3]")).status).toBe(400);
    expect((await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).status).toBe(400);
  });

  it("answers 200 to a valid object with nothing usable in it", async () => {
    expect((await postJson({ object: "whatsapp_business_account", entry: [{ id: "x", changes: [{ field: "account_update", value: {} }] }] })).status).toBe(200);
    expect((await postJson({ hello: "world" })).status).toBe(200);
    expect(state.afters).toHaveLength(0);
  });

  it("stores nothing twice for a repeated delivery and does not follow it up again", async () => {
    const wamid = newWamid();
    const body = JSON.stringify(delivery([value("PH1", [textMsg(newPhone(), wamid)])]));
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    const concurrent = await Promise.all([post(body), post(body), post(body)]);
    expect(concurrent.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await countByWamid(wamid)).toBe(1);
    expect(state.afters).toHaveLength(1);
  });

  it("applies out-of-order statuses forward only", async () => {
    const phone = newPhone();
    const inbound = newWamid();
    await postJson(delivery([value("PH1", [textMsg(phone, inbound)])]));
    const [conv] = await t.db.select().from(conversations).where(eq(conversations.customerPhone, phone));
    const out = newWamid();
    await t.db.insert(messages).values({ conversationId: conv.id, direction: "out", author: "agent", type: "text", body: "Olá", wamid: out, status: "sent" });
    const ts = Number(now());
    const st = (s: string, at: number) => ({ id: out, status: s, timestamp: String(at), recipient_id: phone });
    expect((await postJson(delivery([value("PH1", [], [st("read", ts + 30)])]))).status).toBe(200);
    expect((await postJson(delivery([value("PH1", [], [st("delivered", ts + 20)])]))).status).toBe(200);
    expect((await postJson(delivery([value("PH1", [], [st("sent", ts + 10)])]))).status).toBe(200);
    const [row] = await t.db.select().from(messages).where(eq(messages.wamid, out));
    expect(row.status).toBe("read");
    expect(row.statusAt?.getTime()).toBe((ts + 30) * 1000);
  });

  it("stores every message of a multi-entry, multi-change delivery", async () => {
    const ids = [newWamid(), newWamid(), newWamid(), newWamid()];
    const res = await postJson(
      delivery(
        [value("PH1", [textMsg(newPhone(), ids[0]), textMsg(newPhone(), ids[1])]), value("PH3", [textMsg(newPhone(), ids[2])])],
        [value("PH1", [textMsg(newPhone(), ids[3])])],
      ),
    );
    expect(res.status).toBe(200);
    for (const id of ids) expect(await countByWamid(id)).toBe(1);
  });

  it("tolerates unknown message types and unknown fields", async () => {
    const wamid = newWamid();
    const res = await postJson({
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
    expect((await allRouteMessages()).length).toBeGreaterThan(0);
  });
});
