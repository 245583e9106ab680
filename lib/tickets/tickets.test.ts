import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers } from "@/db/schema/customers";
import { companies, queueMembers, queues, users } from "@/db/schema/org";
import { conversations, messageTemplates, messages, senderNumbers } from "@/db/schema/whatsapp";
import { tickets } from "@/db/schema/tickets";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { createSandboxProvider } from "@/lib/whatsapp/sandbox-provider";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { finalizeTicket } from "./finalize-ticket";
import { openTicket } from "./open-ticket";
import { pickTicket } from "./pick-ticket";
import { nextProtocol } from "./protocol";
import { routeInbound } from "./route-inbound";
import { contentMatchesType } from "./attachment-content";
import { ATTACHMENT_RULES, checkAttachment } from "./attachment-rules";
import { sendAttachment } from "./send-attachment";
import { sendChatMessage } from "./send-chat-message";
import { startConversation, templatePreview } from "./start-conversation";
import { closedTickets, myOpenTickets, waitingTickets } from "./desk-queries";

const NOW = new Date("2026-11-23T13:00:00Z");
const gateway = createSandboxProvider();
let t: TestDb;
let s: Seeded;
let sender: { id: string; companyId: string };
let ana: string;
let bruno: string;

async function rejects(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error("expected a UserError");
}

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 12 });
  s = await seeded(t.db);
  [sender] = await t.db
    .select({ id: senderNumbers.id, companyId: senderNumbers.companyId })
    .from(senderNumbers)
    .where(eq(senderNumbers.companyId, s.sp));
  ana = await s.userId("agente@atende.dev");
  bruno = await s.userId("bruno@atende.dev");
});
afterAll(() => t?.close());

async function conversationWithInbound(phone: string, lastInboundAt: Date | null) {
  const [row] = await t.db
    .insert(conversations)
    .values({ companyId: sender.companyId, senderNumberId: sender.id, customerPhone: phone, lastInboundAt })
    .returning({ id: conversations.id });
  return row.id;
}

describe("protocol numbers (R-0.4)", () => {
  it("are the day plus a sequence, unique under concurrency", async () => {
    const day = new Date("2026-12-03T15:00:00Z");
    const numbers = await Promise.all(Array.from({ length: 20 }, () => nextProtocol(t.db, day)));
    expect(new Set(numbers).size).toBe(20);
    expect(numbers.every((n) => /^20261203\d{6}$/.test(n))).toBe(true);
    expect(numbers.sort()[0]).toBe("20261203000001");
  });
});

describe("inbound routing and the queue", () => {
  it("opens one waiting ticket per conversation in the sender's queue, and an agent takes it once", async () => {
    const conversationId = await conversationWithInbound("5511988880001", NOW);
    const [m1, m2] = await t.db
      .insert(messages)
      .values([
        { conversationId, direction: "in", author: "customer", type: "text", body: "Oi", wamid: "wamid.t.1", status: "received" },
        { conversationId, direction: "in", author: "customer", type: "text", body: "Tem alguém?", wamid: "wamid.t.2", status: "received" },
      ])
      .returning({ id: messages.id });
    await routeInbound(t.db, [
      { messageId: m1.id, conversationId, isNew: true },
      { messageId: m2.id, conversationId, isNew: true },
    ], NOW);
    await routeInbound(t.db, [{ messageId: m1.id, conversationId, isNew: false }], NOW);
    const open = await t.db.select().from(tickets).where(eq(tickets.conversationId, conversationId));
    expect(open).toHaveLength(1);
    expect(open[0].status).toBe("aguardando");
    expect(open[0].queueId).not.toBeNull();

    const queue = await waitingTickets(t.db, ana, [s.sp]);
    expect(queue.map((q) => q.id)).toContain(open[0].id);

    const results = await Promise.allSettled([
      pickTicket(t.db, { ticketId: open[0].id }, { userId: ana, companyIds: [s.sp], now: NOW, anyQueue: false }),
      pickTicket(t.db, { ticketId: open[0].id }, { userId: bruno, companyIds: [s.sp], now: NOW, anyQueue: false }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((loser.reason as UserError).code).toBe("ticket_taken");
  });
});

describe("picking a ticket and queue membership", () => {
  /** A waiting ticket in a queue of São Paulo that only Bruno answers. */
  async function ticketInBrunosQueue(phone: string) {
    const [queue] = await t.db.insert(queues).values({ companyId: s.sp, name: `Fila do Bruno ${phone}` }).returning({ id: queues.id });
    await t.db.insert(queueMembers).values({ queueId: queue.id, userId: bruno });
    const [number] = await t.db
      .insert(senderNumbers)
      .values({ companyId: s.sp, queueId: queue.id, phone: `55119${phone}`, displayName: "Fila do Bruno", providerPhoneId: `bruno-${phone}` })
      .returning({ id: senderNumbers.id });
    const [conversation] = await t.db
      .insert(conversations)
      .values({ companyId: s.sp, senderNumberId: number.id, customerPhone: `55119${phone}1`, lastInboundAt: NOW })
      .returning({ id: conversations.id });
    return openTicket(t.db, { conversationId: conversation.id }, NOW);
  }

  it("an agent takes tickets only from their own queues; a supervisor from any queue", async () => {
    const ticket = await ticketInBrunosQueue("40010001");
    expect((await waitingTickets(t.db, ana, [s.sp])).map((w) => w.id)).not.toContain(ticket.id);
    const refused = await rejects(pickTicket(t.db, { ticketId: ticket.id }, { userId: ana, companyIds: [s.sp], now: NOW, anyQueue: false }));
    expect(refused.code).toBe("not_queue_member");
    const [row] = await t.db.select({ status: tickets.status, agentId: tickets.agentId }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toEqual({ status: "aguardando", agentId: null });

    // The queue's own member takes it.
    await pickTicket(t.db, { ticketId: ticket.id }, { userId: bruno, companyIds: [s.sp], now: NOW, anyQueue: false });
    const [taken] = await t.db.select({ agentId: tickets.agentId }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(taken.agentId).toBe(bruno);

    // A supervisor may take one from any queue of their companies.
    const other = await ticketInBrunosQueue("40010002");
    const supervisor = await s.userId("supervisor@atende.dev");
    await pickTicket(t.db, { ticketId: other.id }, { userId: supervisor, companyIds: [s.sp, s.cps], now: NOW, anyQueue: true });
    const [bySupervisor] = await t.db.select({ agentId: tickets.agentId, status: tickets.status }).from(tickets).where(eq(tickets.id, other.id));
    expect(bySupervisor).toEqual({ agentId: supervisor, status: "em_atendimento" });
  });
});

describe("Nova Conversa (seed 001)", () => {
  it("within 24 h opens the chat with the history and sends nothing", async () => {
    const phone = "5511977770002";
    await conversationWithInbound(phone, new Date(NOW.getTime() - 3 * 3_600_000));
    const result = await startConversation(
      t.db,
      { senderNumberId: sender.id, customerPhone: phone, clientMessageId: crypto.randomUUID() },
      { userId: ana, companyIds: [s.sp], now: NOW, gateway },
    );
    expect(result).toMatchObject({ windowOpen: true, sent: false });
    const mine = await myOpenTickets(t.db, ana, [s.sp]);
    expect(mine.map((m) => m.id)).toContain(result.ticketId);
  });

  it("after 24 h requires an approved template, fills it and sends it; free text stays refused", async () => {
    const phone = "5511977770003";
    await conversationWithInbound(phone, new Date(NOW.getTime() - 30 * 3_600_000));
    const base = { senderNumberId: sender.id, customerPhone: phone, clientMessageId: crypto.randomUUID() };
    const ctx = { userId: ana, companyIds: [s.sp], now: NOW, gateway };
    expect((await rejects(startConversation(t.db, base, ctx))).code).toBe("window_closed_template_required");

    const [pending] = await t.db
      .select({ id: messageTemplates.id })
      .from(messageTemplates)
      .where(and(eq(messageTemplates.companyId, s.sp), eq(messageTemplates.status, "PENDING")));
    expect((await rejects(startConversation(t.db, { ...base, templateId: pending.id }, ctx))).fieldErrors).toEqual({ templateId: ["templateRequired"] });

    const [approved] = await t.db
      .select({ id: messageTemplates.id })
      .from(messageTemplates)
      .where(and(eq(messageTemplates.companyId, s.sp), eq(messageTemplates.name, "retomar_atendimento")));
    // {{1}} is the customer's name: unknown number → the agent must type it.
    expect((await rejects(startConversation(t.db, { ...base, templateId: approved.id }, ctx))).fieldErrors).toEqual({ params: ["templateParamsRequired"] });

    const result = await startConversation(t.db, { ...base, templateId: approved.id, params: ["Marina"] }, ctx);
    expect(result).toMatchObject({ windowOpen: false, sent: true });
    const [sent] = await t.db.select().from(messages).where(eq(messages.ticketId, result.ticketId));
    const [company] = await t.db.select({ name: companies.name }).from(companies).where(eq(companies.id, s.sp));
    expect(sent).toMatchObject({ direction: "out", type: "template", templateName: "retomar_atendimento", status: "sent" });
    expect(sent.body).toBe(`Olá Marina, aqui é da ${company.name}. Podemos continuar o seu atendimento por aqui?`);

    // The same click twice (a retry) sends nothing more.
    await startConversation(t.db, { ...base, templateId: approved.id, params: ["Marina"] }, ctx);
    expect(await t.db.select().from(messages).where(eq(messages.ticketId, result.ticketId))).toHaveLength(1);

    const refused = await rejects(
      sendChatMessage(t.db, { ticketId: result.ticketId, body: "Oi?", clientMessageId: crypto.randomUUID() }, ctx),
    );
    expect(refused.code).toBe("window_closed");
  });

  it("the template preview fills the customer's first name only through a sender number of the template's company in the user's scope", async () => {
    const phone = "5511977770010";
    const [customer] = await t.db.insert(customers).values({ companyId: s.sp, name: "Joana Paulista" }).returning({ id: customers.id });
    await t.db.insert(conversations).values({ companyId: s.sp, senderNumberId: sender.id, customerPhone: phone, customerId: customer.id });
    const template = async (companyId: string) =>
      (
        await t.db
          .select({ id: messageTemplates.id })
          .from(messageTemplates)
          .where(and(eq(messageTemplates.companyId, companyId), eq(messageTemplates.name, "retomar_atendimento")))
      )[0].id;
    const [netSender] = await t.db.select({ id: senderNumbers.id }).from(senderNumbers).where(eq(senderNumbers.companyId, s.net));
    const gisele = await s.userId("gisele@atende.dev");
    const preview = (templateId: string, senderNumberId: string, companyIds: string[]) =>
      templatePreview(t.db, templateId, { companyIds, userId: gisele, senderNumberId, customerPhone: phone });

    // Where it belongs: the São Paulo agent's preview names the customer.
    expect((await preview(await template(s.sp), sender.id, [s.sp]))?.[0]).toMatchObject({ number: 1, value: "Joana" });
    // A Conecta agent with a Conecta template and São Paulo's sender number learns nothing of São Paulo's customer.
    expect(await preview(await template(s.net), sender.id, [s.net])).toBeNull();
    // Neither with access to both companies, when the sender number is not of the template's company.
    expect(await preview(await template(s.net), sender.id, [s.net, s.sp])).toBeNull();
    expect((await preview(await template(s.net), netSender.id, [s.net]))?.[0]).toMatchObject({ number: 1, value: "" });
  });

  it("refuses a sender number of a company outside the user's scope", async () => {
    const [other] = await t.db.select({ id: senderNumbers.id }).from(senderNumbers).where(eq(senderNumbers.companyId, s.net));
    const error = await rejects(
      startConversation(
        t.db,
        { senderNumberId: other.id, customerPhone: "5511977770009", clientMessageId: crypto.randomUUID() },
        { userId: ana, companyIds: [s.sp], now: NOW, gateway },
      ),
    );
    expect(error.fieldErrors).toEqual({ senderNumberId: ["senderRequired"] });
  });
});

describe("Finalizar Atendimento", () => {
  it("closes with qualification; when the company requires the script, reason, description and resolved are required", async () => {
    const conversationId = await conversationWithInbound("5511966660004", NOW);
    const ticket = await openTicket(t.db, { conversationId, agentId: ana }, NOW);
    const ctx = { userId: ana, companyIds: [s.sp], now: NOW };

    await t.db.update(companies).set({ closeScriptRequired: true }).where(eq(companies.id, s.sp));
    const error = await rejects(finalizeTicket(t.db, { ticketId: ticket.id, description: undefined, resolved: undefined }, ctx));
    expect(Object.keys(error.fieldErrors ?? {}).sort()).toEqual(["contactReasonId", "description", "resolved"]);
    expect((await rejects(finalizeTicket(t.db, { ticketId: ticket.id, description: undefined, resolved: undefined }, { ...ctx, userId: bruno }))).code).toBe("not_found");

    const [reason] = await t.db.query.contactReasons.findMany({ where: (r, { eq: e }) => e(r.companyId, s.sp), limit: 1 });
    const done = await finalizeTicket(t.db, { ticketId: ticket.id, contactReasonId: reason.id, description: "Agendou revisão", resolved: true }, ctx);
    expect(done).toMatchObject({ qualified: true, described: true });
    await t.db.update(companies).set({ closeScriptRequired: false }).where(eq(companies.id, s.sp));

    const history = await closedTickets(t.db, [s.sp], { phone: "966660004" });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ protocol: ticket.protocol, reasonName: reason.name, description: "Agendou revisão", resolved: true });
    expect((await rejects(finalizeTicket(t.db, { ticketId: ticket.id, description: undefined, resolved: undefined }, ctx))).code).toBe("ticket_closed");
  });

  it("never lists another agent's tickets as mine", async () => {
    const [anaName] = await t.db.select({ name: users.name }).from(users).where(eq(users.id, ana));
    expect(anaName.name).toBe("Ana Agente");
    const brunoTickets = await myOpenTickets(t.db, bruno, [s.sp]);
    const anaTickets = await myOpenTickets(t.db, ana, [s.sp]);
    expect(brunoTickets.some((b) => anaTickets.some((a) => a.id === b.id))).toBe(false);
  });
});

describe("attachments", () => {
  it("follow WhatsApp's media types and size limits", () => {
    expect(checkAttachment({ type: "image/jpeg", size: 5 * 1024 * 1024 })).toEqual({ ok: true, kind: "image" });
    expect(checkAttachment({ type: "image/jpeg", size: 5 * 1024 * 1024 + 1 })).toMatchObject({ ok: false, error: "attachment_too_large", maxMb: 5 });
    expect(checkAttachment({ type: "video/mp4", size: 17 * 1024 * 1024 })).toMatchObject({ ok: false, error: "attachment_too_large" });
    expect(checkAttachment({ type: "application/pdf", size: 90 * 1024 * 1024 })).toEqual({ ok: true, kind: "document" });
    expect(checkAttachment({ type: "image/gif", size: 10 })).toEqual({ ok: false, error: "attachment_type" });
    expect(checkAttachment({ type: "application/x-msdownload", size: 10 })).toEqual({ ok: false, error: "attachment_type" });
    expect(checkAttachment({ type: "application/pdf", size: 0 })).toEqual({ ok: false, error: "attachment_empty" });
  });

  it("know the first bytes of every accepted type, and a Windows program matches none", () => {
    const head = (...parts: (string | number[])[]) =>
      Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));
    const samples: Record<string, Uint8Array> = {
      "image/jpeg": head([0xff, 0xd8, 0xff, 0xe0]),
      "image/png": head([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a]),
      "audio/aac": head([0xff, 0xf1, 0x50, 0x80]),
      "audio/mp4": head([0, 0, 0, 0x20], "ftypM4A "),
      "audio/mpeg": head("ID3", [4, 0]),
      "audio/amr": head("#!AMR\n"),
      "audio/ogg": head("OggS", [0]),
      "video/mp4": head([0, 0, 0, 0x18], "ftypmp42"),
      "video/3gpp": head([0, 0, 0, 0x14], "ftyp3gp4"),
      "application/pdf": head("%PDF-1.4"),
      "text/plain": head("Olá, segue o orçamento."),
      "application/msword": head([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      "application/vnd.ms-excel": head([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      "application/vnd.ms-powerpoint": head([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document": head("PK", [3, 4]),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": head("PK", [3, 4]),
      "application/vnd.openxmlformats-officedocument.presentationml.presentation": head("PK", [3, 4]),
    };
    const windowsProgram = head("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0]);
    for (const type of ATTACHMENT_RULES.flatMap((r) => [...r.types])) {
      expect(samples[type], `a sample of ${type}`).toBeDefined();
      expect(contentMatchesType(samples[type], type), type).toBe(true);
      expect(contentMatchesType(windowsProgram, type), `MZ as ${type}`).toBe(false);
    }
  });

  it("are uploaded and sent in the agent's ticket, and refused outside the rules", async () => {
    const conversationId = await conversationWithInbound("5511955550005", NOW);
    const ticket = await openTicket(t.db, { conversationId, agentId: ana }, NOW);
    const ctx = { userId: ana, companyIds: [s.sp], now: NOW, gateway };
    const file = { bytes: new TextEncoder().encode("%PDF"), mimeType: "application/pdf", fileName: "orcamento.pdf" };
    const sent = await sendAttachment(t.db, { ticketId: ticket.id, clientMessageId: crypto.randomUUID(), file }, ctx);
    expect(sent.status).toBe("sent");
    const [row] = await t.db.select().from(messages).where(eq(messages.id, sent.messageId));
    expect(row).toMatchObject({ type: "document", direction: "out" });
    expect(row.media).toMatchObject({ kind: "document", fileName: "orcamento.pdf" });

    const wrong = await rejects(sendAttachment(t.db, { ticketId: ticket.id, clientMessageId: crypto.randomUUID(), file: { ...file, mimeType: "application/zip" } }, ctx));
    expect(wrong.code).toBe("attachment_type");
    const foreign = await rejects(sendAttachment(t.db, { ticketId: ticket.id, clientMessageId: crypto.randomUUID(), file }, { ...ctx, userId: bruno }));
    expect(foreign.code).toBe("not_found");
  });
});
