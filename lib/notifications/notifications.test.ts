import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { events } from "@/db/schema/events";
import { createWorld, addCustomer, NOW, type World } from "@/lib/jobs/test-world";
import { createTestDb, type TestDb } from "@/test/db";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationHref,
  notify,
  removeNotification,
} from "./notifications";

let t: TestDb;
let world: World;
beforeEach(async () => {
  t ??= await createTestDb();
  world = await createWorld(t.db);
});
afterAll(async () => t?.close());

describe("notifications", () => {
  it("creates a notification with an event for its user only, in the caller's transaction", async () => {
    const { db } = t;
    const { ana } = world.agents;
    const [id] = await notify(db, { companyId: world.company.id, userId: ana.id, kind: "scheduled_action", title: "Agendamento", body: "Ligar para Maria" });
    const list = await listNotifications(db, ana.id);
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({ id, title: "Agendamento", body: "Ligar para Maria", readAt: null });
    const mine = (await db.select().from(events).where(eq(events.type, "notification.created"))).filter((e) => e.payload.notificationId === id);
    expect(mine).toEqual([expect.objectContaining({ userId: ana.id, companyId: world.company.id })]);
    expect((await listNotifications(db, world.agents.bruno.id)).items).toEqual([]);

    // A transaction that rolls back leaves neither the notification nor its event.
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, { companyId: world.company.id, userId: ana.id, kind: "transfer", title: "Transferência" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect((await listNotifications(db, ana.id)).items).toHaveLength(1);
  });

  it("marks one read, marks all read and removes, only the user's own", async () => {
    const { db } = t;
    const { ana, bruno } = world.agents;
    const base = { companyId: world.company.id, kind: "scheduled_action" as const, title: "Agendamento" };
    const [a1, a2, a3] = await notify(db, { ...base, userId: ana.id }, { ...base, userId: ana.id }, { ...base, userId: ana.id });
    const [b1] = await notify(db, { ...base, userId: bruno.id });

    expect(await markNotificationRead(db, bruno.id, a1, NOW)).toBe(false);
    expect(await markNotificationRead(db, ana.id, a1, NOW)).toBe(true);
    expect((await listNotifications(db, ana.id)).unread).toBe(2);

    expect(await removeNotification(db, bruno.id, a2)).toBe(false);
    expect(await removeNotification(db, ana.id, a2)).toBe(true);
    expect((await listNotifications(db, ana.id)).items.map((n) => n.id).sort()).toEqual([a1, a3].sort());

    expect(await markAllNotificationsRead(db, ana.id, NOW)).toBe(1);
    expect((await listNotifications(db, ana.id)).unread).toBe(0);
    expect((await listNotifications(db, bruno.id)).unread).toBe(1);
    expect((await listNotifications(db, bruno.id)).items[0].id).toBe(b1);
  });

  it("Ir para conversa opens the ticket, else the customer", async () => {
    const c = await addCustomer(t.db, world);
    expect(notificationHref({ ticketId: "t1", customerId: c.customer.id })).toBe("/conversas?t=t1");
    expect(notificationHref({ ticketId: null, customerId: c.customer.id })).toBe(`/clientes/${c.customer.id}`);
    expect(notificationHref({ ticketId: null, customerId: null })).toBeNull();
  });
});
