import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messageTemplates } from "@/db/schema/whatsapp";
import { approvedTemplates } from "@/lib/agendas/programs";
import { run as dispatchInvitations } from "@/lib/jobs/dispatch-invitations";
import { addAgenda, addCustomer, createWorld, NOW, recordingGateway, type World } from "@/lib/jobs/test-world";
import { createTestDb, type TestDb } from "@/test/db";
import { receiveDelivery } from "./receive-delivery";
import { signWebhookBody } from "./webhook-signature";

const SECRET = "template-status-secret";
let t: TestDb;
let world: World;

beforeAll(async () => {
  t = await createTestDb();
  world = await createWorld(t.db);
});
afterAll(async () => t?.close());

async function templateEvent(name: string, event: string) {
  const payload = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "WABA",
        time: Math.floor(NOW.getTime() / 1000),
        changes: [
          {
            field: "message_template_status_update",
            value: { event, message_template_id: 123, message_template_name: name, message_template_language: "pt_BR", reason: "LOW_QUALITY" },
          },
        ],
      },
    ],
  };
  const raw = new TextEncoder().encode(JSON.stringify(payload));
  return receiveDelivery(raw, signWebhookBody(raw, SECRET), { db: t.db, appSecret: SECRET, now: NOW });
}

const choices = async () => (await approvedTemplates(t.db, world.company.id)).map((row) => row.name);

describe("templates Meta pauses or disables", () => {
  it("a PAUSED status update removes the template from the choices at once; REINSTATED brings it back", async () => {
    expect(await choices()).toContain("reagendar_no_show");
    expect((await templateEvent("reagendar_no_show", "PAUSED")).status).toBe(200);
    expect(await choices()).not.toContain("reagendar_no_show");
    await templateEvent("reagendar_no_show", "REINSTATED");
    expect(await choices()).toContain("reagendar_no_show");
    await templateEvent("reagendar_no_show", "DISABLED");
    expect(await choices()).not.toContain("reagendar_no_show");
  });

  it("a send refused with 132015 (paused) withdraws the template; the next run sends nothing with it", async () => {
    const { customer } = await addCustomer(t.db, world);
    await addAgenda(t.db, world, customer.id);
    const gateway = recordingGateway(() => ({ ok: false, code: 132015, title: "Template is paused", retryable: false }));
    await dispatchInvitations({ db: t.db, gateway }, { now: NOW, trigger: "test" });
    expect(gateway.calls).toHaveLength(1);
    const [row] = await t.db.select({ status: messageTemplates.status }).from(messageTemplates).where(eq(messageTemplates.name, "convite_revisao"));
    expect(row.status).toBe("REJECTED");
    expect(await choices()).not.toContain("convite_revisao");

    const other = await addCustomer(t.db, world);
    await addAgenda(t.db, world, other.customer.id);
    const next = recordingGateway();
    await dispatchInvitations({ db: t.db, gateway: next }, { now: NOW, trigger: "test" });
    expect(next.calls).toHaveLength(0);
  });
});
