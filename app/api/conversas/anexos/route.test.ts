import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { conversations, messages, senderNumbers } from "@/db/schema/whatsapp";
import { seed } from "@/db/seed";
import { loadUserAccess } from "@/lib/auth/load-user-access";
import type { CurrentUser } from "@/lib/auth/session";
import { openTicket } from "@/lib/tickets/open-ticket";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";

// The upload route against a real database, as the composer calls it; the session is the agent's.
const state = vi.hoisted(() => ({ db: null as TestDb["db"] | null, user: null as CurrentUser | null }));
vi.mock("@/db/index", () => ({ getDb: () => state.db }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => state.user }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { POST } = await import("./route");

const NOW = new Date("2026-11-23T13:00:00Z");
const MB = 1024 * 1024;
let t: TestDb;
let s: Seeded;
let agent: CurrentUser;
let ticketId: string;

beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  await seed(t.db, { now: NOW, customers: 6 });
  s = await seeded(t.db);
  const access = (await loadUserAccess(t.db, await s.userId("agente@atende.dev")))!;
  agent = {
    ...access,
    companyId: s.sp,
    companyIds: access.companies.map((c) => c.id),
    can: (p) => access.permissions.includes(p),
  };
  const [sender] = await t.db.select({ id: senderNumbers.id }).from(senderNumbers).where(eq(senderNumbers.companyId, s.sp));
  const [conversation] = await t.db
    .insert(conversations)
    .values({ companyId: s.sp, senderNumberId: sender.id, customerPhone: "5511955556666", lastInboundAt: new Date() })
    .returning({ id: conversations.id });
  ticketId = (await openTicket(t.db, { conversationId: conversation.id, agentId: agent.id }, new Date())).id;
});
afterAll(() => t?.close());
beforeEach(() => {
  state.user = agent;
});

function upload(file: File, init: { headers?: Record<string, string> } = {}) {
  const form = new FormData();
  form.set("ticketId", ticketId);
  form.set("clientMessageId", crypto.randomUUID());
  form.set("file", file);
  return POST(new Request("http://127.0.0.1:3000/api/conversas/anexos", { method: "POST", body: form, headers: init.headers }));
}

const bytes = (head: string | number[], size: number) => {
  const out = new Uint8Array(size);
  out.set(typeof head === "string" ? new TextEncoder().encode(head) : head);
  return out;
};

describe("POST /api/conversas/anexos", () => {
  it("sends a 12 MB document, past the 10 MB a request through the proxy could carry", async () => {
    const response = await upload(new File([bytes("%PDF-1.7\n", 12 * MB)], "manual-do-veiculo.pdf", { type: "application/pdf" }));
    expect(response.status).toBe(200);
    const result = (await response.json()) as { ok: true; data: { messageId: string; status: string } };
    expect(result).toMatchObject({ ok: true, data: { status: "sent" } });
    const [row] = await t.db.select().from(messages).where(eq(messages.id, result.data.messageId));
    expect(row.media).toMatchObject({ kind: "document", fileName: "manual-do-veiculo.pdf" });
  });

  it("refuses a Windows program declared as a PNG image, by its content", async () => {
    const response = await upload(new File([bytes("MZ\x90\x00\x03", 2048)], "foto.png", { type: "image/png" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: "attachment_content" });
  });

  it("accepts a real PNG and refuses one whose bytes are a PDF", async () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    expect((await upload(new File([bytes(png, 1024)], "foto.png", { type: "image/png" }))).status).toBe(200);
    const response = await upload(new File([bytes("%PDF-1.4", 1024)], "foto.png", { type: "image/png" }));
    expect(await response.json()).toEqual({ ok: false, error: "attachment_content" });
  });

  it("says an empty file is empty, not too large", async () => {
    const response = await upload(new File([], "vazio.pdf", { type: "application/pdf" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: "attachment_empty" });
  });

  it("refuses a file past its kind's limit with the size message", async () => {
    const response = await upload(new File([bytes([0xff, 0xd8, 0xff], 6 * MB)], "foto.jpg", { type: "image/jpeg" }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ ok: false, error: "attachment_too_large" });
  });

  it("refuses a body past the largest attachment without reading it, declared or not", async () => {
    const declared = await POST(
      new Request("http://127.0.0.1:3000/api/conversas/anexos", {
        method: "POST",
        body: "x",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(101 * MB) },
      }),
    );
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ ok: false, error: "attachment_too_large" });

    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += MB;
        controller.enqueue(new Uint8Array(MB));
        if (sent > 200 * MB) controller.close();
      },
    });
    const streamed = await POST(
      new Request("http://127.0.0.1:3000/api/conversas/anexos", {
        method: "POST",
        body: endless,
        headers: { "content-type": "multipart/form-data; boundary=x" },
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(110 * MB);
  });

  it("answers an anonymous caller 401 before reading the form, and a cross-site page 403", async () => {
    state.user = null;
    const anonymous = await upload(new File([bytes("%PDF", 10)], "a.pdf", { type: "application/pdf" }));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ ok: false, error: "unauthenticated" });

    state.user = agent;
    const crossSite = await upload(new File([bytes("%PDF", 10)], "a.pdf", { type: "application/pdf" }), {
      headers: { origin: "https://evil.example", host: "127.0.0.1:3000" },
    });
    expect(crossSite.status).toBe(403);
  });

  it("refuses a user without tickets.handle", async () => {
    state.user = { ...agent, permissions: ["reception.checkin"], can: (p) => p === "reception.checkin" };
    const response = await upload(new File([bytes("%PDF", 10)], "a.pdf", { type: "application/pdf" }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ ok: false, error: "forbidden" });
  });
});
