import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { companies } from "@/db/schema/org";
import { messages, senderNumbers } from "@/db/schema/whatsapp";
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

// What POST stores and answers is receiveDelivery's (lib/whatsapp/receive-delivery.test.ts); here the adapter.
describe("POST adapter", () => {
  it("stores a signed delivery before answering 200, then runs the follow-up in after()", async () => {
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

  it("passes the header and the raw bytes: 401 for a wrong signature, 400 for malformed JSON, as JSON", async () => {
    const wamid = newWamid();
    const body = JSON.stringify(delivery([value("PH1", [textMsg(newPhone(), wamid)])]));
    const unsigned = await post(body, null);
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({ ok: false, error: "invalid_signature" });
    expect((await post(body, signWebhookBody(body, "another-secret"))).status).toBe(401);
    expect(await countByWamid(wamid)).toBe(0);
    const malformed = await post("{");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ ok: false, error: "malformed" });
    expect(state.afters).toHaveLength(0);
  });

  it("answers 413 to a declared body over the limit without reading it", async () => {
    const res = await POST(new Request(URL_, { method: "POST", headers: { "Content-Length": String(2 * 1024 * 1024) }, body: "{}" }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, error: "too_large" });
  });

  it("schedules nothing for a repeated delivery", async () => {
    const body = JSON.stringify(delivery([value("PH1", [textMsg(newPhone(), newWamid())])]));
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    expect(state.afters).toHaveLength(1);
  });
});
