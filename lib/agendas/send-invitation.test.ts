import { and, eq, isNotNull, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendas } from "@/db/schema/agendas";
import { contacts, customers } from "@/db/schema/customers";
import { conversations, messages, senderNumbers } from "@/db/schema/whatsapp";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { createSandboxProvider } from "@/lib/whatsapp/sandbox-provider";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { sendInvitationByHand } from "./send-invitation";

const NOW = new Date("2026-11-23T13:00:00Z");
let t: TestDb;
let s: Seeded;
let ana: string;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 12 });
  s = await seeded(t.db);
  ana = await s.userId("agente@atende.dev");
});
afterAll(() => t?.close());

async function manualAgendaOfAna(opts: { optOut?: boolean } = {}) {
  const [row] = await t.db
    .select({ customerId: customers.id })
    .from(customers)
    .innerJoin(contacts, eq(contacts.customerId, customers.id))
    .where(and(eq(customers.companyId, s.sp), eq(contacts.mobileInvalid, false), isNotNull(contacts.whatsapp)))
    .limit(1);
  await t.db.update(customers).set({ whatsappOptOut: !!opts.optOut }).where(eq(customers.id, row.customerId));
  const [agenda] = await t.db
    .insert(agendas)
    .values({ companyId: s.sp, customerId: row.customerId, agentId: ana, contactDate: "2026-11-23", origin: "manual", direction: "ativo", whatsappReason: "manual" })
    .returning({ id: agendas.id });
  return { agendaId: agenda.id, customerId: row.customerId };
}

const ctx = () => ({ userId: ana, companyIds: [s.sp], canViewAllAgents: false, now: NOW, gateway: createSandboxProvider() });

describe("sending the invitation by hand", () => {
  it("outside the 24-hour window sends the approved template and marks the agenda sent", async () => {
    const { agendaId } = await manualAgendaOfAna();
    const result = await sendInvitationByHand(t.db, { agendaId, requestId: crypto.randomUUID() }, ctx());
    expect(result.sent).toBe(true);
    const [agenda] = await t.db.select().from(agendas).where(eq(agendas.id, agendaId));
    expect(agenda).toMatchObject({ whatsappState: "enviado", whatsappReason: null });
    const rows = await t.db.select({ type: messages.type, templateName: messages.templateName }).from(messages).where(eq(messages.authorUserId, ana));
    expect(rows.some((r) => r.type === "template" && r.templateName === "convite_revisao")).toBe(true);
  });

  it("within the window sends the interactive buttons instead", async () => {
    const { agendaId, customerId } = await manualAgendaOfAna();
    const [contact] = await t.db.select({ whatsapp: contacts.whatsapp }).from(contacts).where(eq(contacts.customerId, customerId)).limit(1);
    const [sender] = await t.db.select({ id: senderNumbers.id }).from(senderNumbers).where(eq(senderNumbers.companyId, s.sp));
    await t.db
      .update(conversations)
      .set({ lastInboundAt: new Date(NOW.getTime() - 3_600_000) })
      .where(and(eq(conversations.senderNumberId, sender.id), eq(conversations.customerPhone, contact.whatsapp!)));
    await sendInvitationByHand(t.db, { agendaId, requestId: crypto.randomUUID() }, ctx());
    const [last] = await t.db
      .select({ type: messages.type, interactive: messages.interactive })
      .from(messages)
      .where(like(messages.idempotencyKey, `invite-manual:${agendaId}:%`));
    expect(last.type).toBe("buttons");
    expect(JSON.stringify(last.interactive)).toContain("Quero agendar");
  });

  it("refuses an opted-out customer and another agent's agenda", async () => {
    const { agendaId } = await manualAgendaOfAna({ optOut: true });
    await expect(sendInvitationByHand(t.db, { agendaId, requestId: crypto.randomUUID() }, ctx())).rejects.toMatchObject({ code: "customer_opted_out" });
    const bruno = await s.userId("bruno@atende.dev");
    const error = await sendInvitationByHand(t.db, { agendaId, requestId: crypto.randomUUID() }, { ...ctx(), userId: bruno }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe("not_found");
  });
});
