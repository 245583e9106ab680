import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { companies } from "@/db/schema/org";
import { conversations, messages, senderNumbers } from "@/db/schema/whatsapp";
import { UserError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { mapGraphError } from "../errors";
import type { OutboundPayload, SendResult, WhatsappGateway } from "../gateway";
import { createSandboxProvider } from "../sandbox-provider";
import { QUEUED_LEASE_MS } from "./claim";
import { sendMessage, type SendMessageInput } from "./send-one";

const NOW = new Date("2026-11-23T12:00:00.000Z");
const HOUR = 3600_000;

let t: TestDb;
let companyId: string;
let senderId: string;
let phoneSeq = 0;

/** Records every send; answers from a script (default: success with a fresh wamid). */
function fakeGateway(script: (SendResult | Error)[] = []) {
  const calls: { from: { providerPhoneId: string }; to: string; payload: OutboundPayload; rowStatusAtSend?: string }[] = [];
  let n = 0;
  const gateway: WhatsappGateway & { calls: typeof calls; onSend?: () => Promise<void> } = {
    kind: "cloud",
    calls,
    async send(from, to, payload) {
      calls.push({ from, to, payload });
      if (gateway.onSend) await gateway.onSend();
      const next = script.shift();
      if (next instanceof Error) throw next;
      return next ?? { ok: true, wamid: `wamid.test.${++n}.${Math.random().toString(36).slice(2)}` };
    },
    async uploadMedia() {
      return { mediaId: "m" };
    },
    async listTemplates() {
      return [];
    },
  };
  return gateway;
}

async function newConversation(lastInboundAt: Date | null) {
  const [row] = await t.db
    .insert(conversations)
    .values({ companyId, senderNumberId: senderId, customerPhone: `55119${String(10000000 + ++phoneSeq)}`, lastInboundAt })
    .returning();
  return row;
}
const messageRows = (conversationId: string) => t.db.select().from(messages).where(eq(messages.conversationId, conversationId));
const key = () => `test:${Math.random().toString(36).slice(2)}`;
const text = (body = "Olá!"): OutboundPayload => ({ type: "text", body });
const template: OutboundPayload = {
  type: "template",
  name: "retomada",
  language: "pt_BR",
  params: ["Maria"],
  renderedBody: "Olá Maria, podemos continuar?",
  buttons: [{ type: "QUICK_REPLY", text: "Sim" }],
};
const input = (conversationId: string, payload: OutboundPayload, extra: Partial<SendMessageInput> = {}): SendMessageInput => ({
  conversationId,
  author: "agent",
  idempotencyKey: key(),
  payload,
  ...extra,
});

async function userErrorCode(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).code;
}

beforeAll(async () => {
  t = await createTestDb();
  [{ id: companyId }] = await t.db.insert(companies).values({ name: "Oficina" }).returning();
  [{ id: senderId }] = await t.db
    .insert(senderNumbers)
    .values({ companyId, phone: "551140001000", displayName: "Central", providerPhoneId: "PHONE-1" })
    .returning();
});
afterAll(() => t?.close());

let open: typeof conversations.$inferSelect;
beforeEach(async () => {
  open = await newConversation(new Date(NOW.getTime() - HOUR));
});

describe("sendMessage", () => {
  it("records the row as queued before calling the provider, then moves it to sent with the wamid", async () => {
    const gateway = fakeGateway();
    const seen: string[] = [];
    gateway.onSend = async () => {
      const rows = await messageRows(open.id);
      seen.push(...rows.map((r) => r.status));
    };
    const result = await sendMessage(t.db, gateway, input(open.id, text("Bom dia!")), NOW);
    expect(seen).toEqual(["queued"]);
    expect(gateway.calls).toEqual([{ from: { providerPhoneId: "PHONE-1" }, to: open.customerPhone, payload: text("Bom dia!") }]);
    expect(result).toMatchObject({ status: "sent", duplicate: false });
    expect(result.wamid).toMatch(/^wamid\.test\./);
    const [row] = await messageRows(open.id);
    expect(row).toMatchObject({
      id: result.messageId,
      direction: "out",
      author: "agent",
      type: "text",
      body: "Bom dia!",
      status: "sent",
      wamid: result.wamid,
      errorCode: null,
    });
    expect(row.statusAt?.toISOString()).toBe(NOW.toISOString());
  });

  it("never sends twice for the same idempotency key", async () => {
    const gateway = fakeGateway();
    const first = await sendMessage(t.db, gateway, input(open.id, text(), { idempotencyKey: "invite:agenda-1" }), NOW);
    const second = await sendMessage(t.db, gateway, input(open.id, text(), { idempotencyKey: "invite:agenda-1" }), NOW);
    expect(gateway.calls).toHaveLength(1);
    expect(second).toEqual({ ...first, duplicate: true });
    expect(await messageRows(open.id)).toHaveLength(1);
  });

  it("sends once when the same key is used concurrently", async () => {
    const gateway = fakeGateway();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => sendMessage(t.db, gateway, input(open.id, text(), { idempotencyKey: "chat:concurrent" }), NOW)),
    );
    expect(gateway.calls).toHaveLength(1);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(await messageRows(open.id)).toHaveLength(1);
  });

  it("does not send again after a failure under the same key", async () => {
    const gateway = fakeGateway([{ ok: false, ...mapGraphError(130429) }]);
    const first = await sendMessage(t.db, gateway, input(open.id, text(), { idempotencyKey: "chat:rate" }), NOW);
    expect(first).toMatchObject({ status: "failed", errorCode: 130429, retryable: true, duplicate: false });
    const again = await sendMessage(t.db, gateway, input(open.id, text(), { idempotencyKey: "chat:rate" }), NOW);
    expect(again).toMatchObject({ status: "failed", errorCode: 130429, duplicate: true });
    expect(gateway.calls).toHaveLength(1);
  });

  it("records the provider's code and title on failure", async () => {
    const gateway = fakeGateway([{ ok: false, ...mapGraphError(131026) }]);
    const result = await sendMessage(t.db, gateway, input(open.id, text()), NOW);
    expect(result).toMatchObject({ status: "failed", errorCode: 131026, errorTitle: mapGraphError(131026).title, retryable: false });
    const [row] = await messageRows(open.id);
    expect(row).toMatchObject({ status: "failed", errorCode: 131026, errorTitle: mapGraphError(131026).title, wamid: null });
    const [conv] = await t.db.select().from(conversations).where(eq(conversations.id, open.id));
    expect(conv.windowClosedMarkedAt).toBeNull();
  });

  it("marks the window closed on 131047, so the next free-form message is refused", async () => {
    const gateway = fakeGateway([{ ok: false, ...mapGraphError(131047) }]);
    const result = await sendMessage(t.db, gateway, input(open.id, text()), NOW);
    expect(result).toMatchObject({ status: "failed", errorCode: 131047 });
    const [conv] = await t.db.select().from(conversations).where(eq(conversations.id, open.id));
    expect(conv.windowClosedMarkedAt?.toISOString()).toBe(NOW.toISOString());
    expect(await userErrorCode(sendMessage(t.db, gateway, input(open.id, text()), NOW))).toBe("window_closed");
    expect(gateway.calls).toHaveLength(1);
  });

  it("records a thrown provider error as a retryable failure", async () => {
    const gateway = fakeGateway([new Error("socket hang up")]);
    const result = await sendMessage(t.db, gateway, input(open.id, text()), NOW);
    expect(result).toMatchObject({ status: "failed", errorCode: 0, retryable: true });
    expect(result.errorTitle).toContain("socket hang up");
  });

  it("refuses free-form messages outside the 24-h window, storing nothing and leaving the key free", async () => {
    const stale = await newConversation(new Date(NOW.getTime() - 24 * HOUR));
    const never = await newConversation(null);
    const gateway = fakeGateway();
    for (const payload of [
      text(),
      { type: "buttons", body: "?", buttons: [{ id: "a", title: "A" }] },
      { type: "media", kind: "image", mediaId: "M1" },
    ] satisfies OutboundPayload[]) {
      expect(await userErrorCode(sendMessage(t.db, gateway, input(stale.id, payload, { idempotencyKey: "k:stale" }), NOW))).toBe("window_closed");
    }
    expect(await userErrorCode(sendMessage(t.db, gateway, input(never.id, text()), NOW))).toBe("window_closed");
    expect(gateway.calls).toHaveLength(0);
    expect(await messageRows(stale.id)).toHaveLength(0);
    // The same key can then carry the template.
    const result = await sendMessage(t.db, gateway, input(stale.id, template, { idempotencyKey: "k:stale" }), NOW);
    expect(result.status).toBe("sent");
  });

  it("allows templates outside the window and stores what the chat renders", async () => {
    const stale = await newConversation(new Date(NOW.getTime() - 30 * HOUR));
    const gateway = fakeGateway();
    const result = await sendMessage(t.db, gateway, input(stale.id, template, { author: "system" }), NOW);
    expect(result.status).toBe("sent");
    const [row] = await messageRows(stale.id);
    expect(row).toMatchObject({
      type: "template",
      author: "system",
      body: "Olá Maria, podemos continuar?",
      templateName: "retomada",
      templateParams: { language: "pt_BR", params: ["Maria"] },
      interactive: { type: "template", buttons: [{ type: "QUICK_REPLY", text: "Sim" }] },
    });
  });

  it("stores buttons, lists and media for the chat and the simulator", async () => {
    const gateway = fakeGateway();
    const buttons = { type: "buttons", body: "Confirma?", buttons: [{ id: "s", title: "Sim" }, { id: "n", title: "Não" }] } as const;
    const list = { type: "list", body: "Escolha", buttonText: "Opções", rows: [{ id: "r1", title: "Terça 10h", description: "Centro" }] } as const;
    const media = { type: "media", kind: "document", mediaId: "MEDIA1", caption: "Orçamento", fileName: "orc.pdf" } as const;
    await sendMessage(t.db, gateway, input(open.id, { ...buttons, buttons: [...buttons.buttons] }, { author: "bot" }), NOW);
    await sendMessage(t.db, gateway, input(open.id, { ...list, rows: [...list.rows] }), new Date(NOW.getTime() + 1));
    await sendMessage(t.db, gateway, input(open.id, media), new Date(NOW.getTime() + 2));
    const rows = (await messageRows(open.id)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    expect(rows.map((r) => [r.type, r.body, r.interactive, r.media])).toEqual([
      ["buttons", "Confirma?", { type: "button", buttons: buttons.buttons }, null],
      ["list", "Escolha", { type: "list", buttonText: "Opções", rows: list.rows }, null],
      ["document", "Orçamento", null, { kind: "document", id: "MEDIA1", caption: "Orçamento", fileName: "orc.pdf" }],
    ]);
  });

  it("refuses payloads beyond the Cloud API limits before recording anything", async () => {
    const gateway = fakeGateway();
    const bad: OutboundPayload[] = [
      { type: "buttons", body: "?", buttons: [1, 2, 3, 4].map((i) => ({ id: `b${i}`, title: `B${i}` })) },
      { type: "buttons", body: "?", buttons: [{ id: "a", title: "Um título longo demais p/ botão" }] },
      { type: "buttons", body: "?", buttons: [] },
      { type: "buttons", body: "?", buttons: [{ id: "a", title: "A" }, { id: "a", title: "B" }] },
      { type: "list", body: "?", buttonText: "Ver", rows: Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: `R${i}` })) },
      { type: "list", body: "?", buttonText: "Ver", rows: [{ id: "r", title: "Um título de linha longo demais" }] },
      { type: "list", body: "?", buttonText: "Ver", rows: [] },
    ];
    for (const payload of bad) {
      expect(await userErrorCode(sendMessage(t.db, gateway, input(open.id, payload), NOW))).toBe("invalid_interactive");
    }
    expect(await userErrorCode(sendMessage(t.db, gateway, input(open.id, text("   ")), NOW))).toBe("invalid_message");
    expect(gateway.calls).toHaveLength(0);
    expect(await messageRows(open.id)).toHaveLength(0);
    // Exactly at the limits is fine.
    const ok = await sendMessage(
      t.db,
      gateway,
      input(open.id, { type: "buttons", body: "?", buttons: [1, 2, 3].map((i) => ({ id: `b${i}`, title: `${"x".repeat(19)}${i}` })) }),
      NOW,
    );
    expect(ok.status).toBe("sent");
  });

  it("answers not_found for an unknown conversation", async () => {
    expect(await userErrorCode(sendMessage(t.db, fakeGateway(), input("00000000-0000-0000-0000-000000000000", text()), NOW))).toBe("not_found");
  });

  it("claims a row left queued by a crash only after the lease, then sends it once", async () => {
    const gateway = fakeGateway();
    const [orphan] = await t.db
      .insert(messages)
      .values({ conversationId: open.id, direction: "out", author: "system", type: "text", body: "Olá!", idempotencyKey: "crash:1", status: "queued", statusAt: NOW })
      .returning();
    const early = await sendMessage(t.db, gateway, input(open.id, text(), { idempotencyKey: "crash:1" }), new Date(NOW.getTime() + 1000));
    expect(early).toMatchObject({ messageId: orphan.id, status: "queued", duplicate: true });
    expect(gateway.calls).toHaveLength(0);
    const later = new Date(NOW.getTime() + QUEUED_LEASE_MS + 1000);
    const retried = await sendMessage(t.db, gateway, input(open.id, text(), { idempotencyKey: "crash:1" }), later);
    expect(retried).toMatchObject({ messageId: orphan.id, status: "sent" });
    expect(gateway.calls).toHaveLength(1);
  });

  it("works with the sandbox provider (wamid.sandbox.<uuid>)", async () => {
    const result = await sendMessage(t.db, createSandboxProvider(), input(open.id, text()), NOW);
    expect(result.status).toBe("sent");
    expect(result.wamid).toMatch(/^wamid\.sandbox\.[0-9a-f-]{36}$/);
  });
});
