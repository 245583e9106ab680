import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaHistory } from "@/db/schema/agendas";
import ptBR from "@/messages/pt-BR.json";
import { run as dispatchInvitations } from "@/lib/jobs/dispatch-invitations";
import { addAgenda, addCustomer, agendaById, createWorld, messagesWithKey, NOW, recordingGateway, type World } from "@/lib/jobs/test-world";
import { receiveDelivery } from "@/lib/whatsapp/receive-delivery";
import { signWebhookBody } from "@/lib/whatsapp/webhook-signature";
import { createTestDb, type TestDb } from "@/test/db";
import { callAdvice } from "./call-advice";
import { invitationAgendaId } from "./whatsapp-status";

const SECRET = "agenda-status-secret";
let t: TestDb;
let world: World;

beforeAll(async () => {
  t = await createTestDb();
  world = await createWorld(t.db);
});
afterAll(async () => t?.close());

/** An invitation sent by the job: its agenda and the wamid the provider gave it. */
async function invited() {
  const { customer, mobile } = await addCustomer(t.db, world);
  const agenda = await addAgenda(t.db, world, customer.id);
  await dispatchInvitations({ db: t.db, gateway: recordingGateway() }, { now: NOW, trigger: "test" });
  const [message] = await messagesWithKey(t.db, `invite:${agenda.id}`);
  expect(message.wamid).toBeTruthy();
  expect(await agendaById(t.db, agenda.id)).toMatchObject({ whatsappState: "enviado" });
  return { agendaId: agenda.id, wamid: message.wamid!, mobile };
}

let minute = 0;
/** A signed Cloud API status delivery, through the webhook's path. */
async function status(wamid: string, recipient: string, value: string, errors?: unknown[]) {
  const at = String(Math.floor(NOW.getTime() / 1000) + 60 * ++minute);
  const payload = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { phone_number_id: world.sender.providerPhoneId },
              statuses: [{ id: wamid, status: value, timestamp: at, recipient_id: recipient, ...(errors ? { errors } : {}) }],
            },
          },
        ],
      },
    ],
  };
  const raw = new TextEncoder().encode(JSON.stringify(payload));
  const received = await receiveDelivery(raw, signWebhookBody(raw, SECRET), { db: t.db, appSecret: SECRET, now: new Date(NOW.getTime() + 3_600_000 + minute * 60_000) });
  expect(received.status).toBe(200);
}

const whatsappHistory = async (agendaId: string) =>
  (await t.db.select().from(agendaHistory).where(eq(agendaHistory.agendaId, agendaId)).orderBy(asc(agendaHistory.at)))
    .filter((h) => h.kind === "whatsapp")
    .map((h) => h.reason);

describe("invitation statuses move the agenda's WhatsApp state", () => {
  it("`failed` 131026 after `sent` turns the badge to Ligar · não está no WhatsApp", async () => {
    const { agendaId, wamid, mobile } = await invited();
    const before = await agendaById(t.db, agendaId);
    expect(callAdvice(before, { noReplyDays: 3, now: NOW })).toEqual({ kind: "whatsapp" });

    await status(wamid, mobile, "sent");
    await status(wamid, mobile, "failed", [{ code: 131026, title: "Message undeliverable" }]);

    const agenda = await agendaById(t.db, agendaId);
    expect(agenda).toMatchObject({ whatsappState: "falhou", status: "pendente" });
    expect(agenda.whatsappReason).toMatch(/^131026 · /);
    const advice = callAdvice(agenda, { noReplyDays: 3, now: NOW });
    expect(advice).toEqual({ kind: "call", reason: "nao_esta_no_whatsapp" });
    if (advice.kind !== "call") throw new Error("expected a call");
    expect(`${ptBR.worklist.call} · ${ptBR.worklist.callReasons[advice.reason]}`).toBe("Ligar · não está no WhatsApp");
    expect(await whatsappHistory(agendaId)).toEqual(["convite_enviado", "convite_falhou"]);

    // Meta delivering the same status again writes nothing twice.
    await status(wamid, mobile, "failed", [{ code: 131026, title: "Message undeliverable" }]);
    expect(await whatsappHistory(agendaId)).toEqual(["convite_enviado", "convite_falhou"]);
  });

  it("delivered → entregue, read → lido, never backwards", async () => {
    const { agendaId, wamid, mobile } = await invited();
    await status(wamid, mobile, "delivered");
    expect(await agendaById(t.db, agendaId)).toMatchObject({ whatsappState: "entregue" });
    await status(wamid, mobile, "read");
    expect(await agendaById(t.db, agendaId)).toMatchObject({ whatsappState: "lido" });
    // A late delivered after read changes nothing.
    await status(wamid, mobile, "delivered");
    expect(await agendaById(t.db, agendaId)).toMatchObject({ whatsappState: "lido" });
    expect(await whatsappHistory(agendaId)).toEqual(["convite_enviado", "convite_entregue", "convite_lido"]);
  });

  it("reads the agenda from both invitation keys and nothing else", () => {
    const id = "0b8a3c1e-5f7d-4a2b-9c3e-1d2f3a4b5c6d";
    expect(invitationAgendaId(`invite:${id}`)).toBe(id);
    expect(invitationAgendaId(`invite-manual:${id}:req-1`)).toBe(id);
    expect(invitationAgendaId(`confirm:${id}`)).toBeNull();
    expect(invitationAgendaId(`bot:${id}:0`)).toBeNull();
    expect(invitationAgendaId(null)).toBeNull();
  });
});
