import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openPostgres, type DbHandle } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { createTestDb, type TestDb } from "@/test/db";
import type { Viewer } from "./audience";
import { emit } from "./emit";
import { startEventHub, type EventHub } from "./hub";
import { connect, until } from "./test-stream";
import type { DomainEvent } from "./types";

// Two hubs on one database, as two app instances: each with its own LISTEN (on Postgres, its own
// connections too; the embedded database has one client, so both listen on it).
let t: TestDb;
let second: DbHandle | undefined;
let hubA: EventHub;
let hubB: EventHub;
const opened: { close: () => Promise<void> }[] = [];

const companyA = randomUUID();
const companyB = randomUUID();
const queue = randomUUID();
const viewer = (over: Partial<Viewer> = {}): Viewer => ({ userId: randomUUID(), companyIds: [companyA], queueIds: [], supervisor: false, ...over });
const agendaEvent = (companyId: string | null, agendaId = randomUUID()): Extract<DomainEvent, { type: "agenda.changed" }> => ({ type: "agenda.changed", audience: { companyId }, payload: { agendaId } });

beforeAll(async () => {
  t = await createTestDb();
  second = t.url ? openPostgres(t.url, 2) : undefined;
  hubA = await startEventHub(t);
  hubB = await startEventHub(second ?? t);
});
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await hubA?.stop();
  await hubB?.stop();
  await second?.close();
  await t?.close();
});

function stream(hub: EventHub, v: Viewer, lastEventId: number | null = null) {
  const s = connect(second?.db ?? t.db, hub, v, lastEventId);
  opened.push(s);
  return s;
}

const ids = (s: ReturnType<typeof stream>) => s.events().map((e) => e.payload.agendaId);

describe("the live events hub", () => {
  it("delivers an event committed through one instance to a stream of the other, and nothing of a rolled-back transaction", async () => {
    const onB = stream(hubB, viewer());
    const onA = stream(hubA, viewer());
    await until(() => onB.frames.some((f) => f.event === "ready") && onA.frames.some((f) => f.event === "ready"));

    const undone = agendaEvent(companyA);
    await t.db
      .transaction(async (tx) => {
        await emit(tx, undone);
        throw new Error("rollback");
      })
      .catch(() => {});
    const kept = agendaEvent(companyA);
    await t.db.transaction((tx) => emit(tx, kept));

    await until(() => ids(onB).includes(kept.payload.agendaId) && ids(onA).includes(kept.payload.agendaId));
    expect(ids(onB)).toEqual([kept.payload.agendaId]);
    expect(ids(onA)).toEqual([kept.payload.agendaId]);
  });

  it("never gives an agent of company A an event of company B; a deployment-wide event reaches everyone", async () => {
    const agentA = stream(hubB, viewer());
    const agentB = stream(hubB, viewer({ companyIds: [companyB] }));
    await until(() => agentA.frames.length > 0 && agentB.frames.length > 0);
    const ofB = agendaEvent(companyB);
    const ofA = agendaEvent(companyA);
    const everyone = { type: "job_run.changed" as const, audience: { companyId: null }, payload: { jobRunId: randomUUID(), job: "x" } };
    await t.db.transaction((tx) => emit(tx, ofB, ofA, everyone));
    await until(() => agentA.events().length === 2 && agentB.events().length === 2);
    expect(agentA.events().map((e) => e.type)).toEqual(["agenda.changed", "job_run.changed"]);
    expect(ids(agentA)[0]).toBe(ofA.payload.agendaId);
    expect(ids(agentB)[0]).toBe(ofB.payload.agendaId);
  });

  it("gives a queue's events to its members, the supervisors and the ticket's agent only, and a user's events to that user only", async () => {
    const member = stream(hubA, viewer({ queueIds: [queue] }));
    const supervisor = stream(hubB, viewer({ supervisor: true }));
    const otherAgent = stream(hubA, viewer({ queueIds: [randomUUID()] }));
    const ticketAgent = viewer();
    const assigned = stream(hubB, ticketAgent);
    const foreignSupervisor = stream(hubB, viewer({ supervisor: true, companyIds: [companyB] }));
    const all = [member, supervisor, otherAgent, assigned, foreignSupervisor];
    await until(() => all.every((s) => s.frames.length > 0));

    const ticket = { ticketId: randomUUID(), conversationId: randomUUID() };
    await t.db.transaction((tx) =>
      emit(
        tx,
        { type: "ticket.changed", audience: { companyId: companyA, queueId: queue, userId: ticketAgent.userId }, payload: ticket },
        { type: "notification.created", audience: { companyId: companyA, userId: ticketAgent.userId }, payload: { notificationId: "n1" } },
        agendaEvent(companyA),
      ),
    );
    await until(() => all.filter((s) => s !== foreignSupervisor).every((s) => s.events().some((e) => e.type === "agenda.changed")));
    const types = (s: (typeof all)[number]) => s.events().map((e) => e.type);
    expect(types(member)).toEqual(["ticket.changed", "agenda.changed"]);
    expect(types(supervisor)).toEqual(["ticket.changed", "agenda.changed"]);
    expect(types(otherAgent)).toEqual(["agenda.changed"]);
    expect(types(assigned)).toEqual(["ticket.changed", "notification.created", "agenda.changed"]);
    expect(types(foreignSupervisor)).toEqual([]);
  });

  it("replays after Last-Event-ID exactly the missed events the user may see, then follows live", async () => {
    const agent = viewer({ queueIds: [queue] });
    const [before] = await t.db.transaction((tx) => emit(tx, agendaEvent(companyA)));
    const mine = [agendaEvent(companyA), agendaEvent(companyA)];
    await t.db.transaction((tx) =>
      emit(
        tx,
        mine[0],
        agendaEvent(companyB),
        { type: "ticket.changed", audience: { companyId: companyA, queueId: randomUUID() }, payload: { ticketId: "x", conversationId: "y" } },
        { type: "notification.created", audience: { companyId: companyA, userId: randomUUID() }, payload: { notificationId: "n2" } },
        mine[1],
      ),
    );
    const back = stream(hubB, agent, before);
    await until(() => back.frames.some((f) => f.event === "ready"));
    expect(ids(back)).toEqual(mine.map((e) => e.payload.agendaId));
    const ready = back.frames.find((f) => f.event === "ready")!;
    expect(Number(ready.id)).toBe(back.events().at(-1)!.seq);

    const live = agendaEvent(companyA);
    await t.db.transaction((tx) => emit(tx, live));
    await until(() => ids(back).length === 3);
    expect(ids(back)).toEqual([...mine, live].map((e) => e.payload.agendaId));
  });

  it("answers a Last-Event-ID older than the retention with a resync", async () => {
    const [old] = await t.db.transaction((tx) => emit(tx, agendaEvent(companyA)));
    await t.db.execute(sql`delete from events where seq = ${old}`);
    const back = stream(hubA, viewer(), old);
    await until(() => back.frames.length > 0);
    expect(back.frames.map((f) => f.event)).toEqual(["resync"]);
  });

  it("tells the browser how long to wait before reconnecting and sends a heartbeat comment while idle", async () => {
    const s = connect(t.db, hubA, viewer(), null, 50);
    opened.push(s);
    await until(() => s.frames.filter((f) => f.event === "ping").length >= 2);
    expect(s.raw()).toMatch(/^retry: \d+\n\n/);
    expect(s.raw()).toContain(": heartbeat\n");
    expect(s.events()).toEqual([]);
  });

  if (process.env.TEST_DATABASE_URL) {
    it("after its LISTEN connection drops, listens again and catches up on what was committed meanwhile", async () => {
      const s = stream(hubA, viewer());
      await until(() => s.frames.length > 0);
      const dropped = await t.db.execute(sql`
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`);
      expect(rowsOf(dropped).length, "both hubs' LISTEN connections dropped").toBe(2);
      const meanwhile = agendaEvent(companyA);
      await second!.db.transaction((tx) => emit(tx, meanwhile));
      await until(() => ids(s).includes(meanwhile.payload.agendaId), 15_000);
      const after = agendaEvent(companyA);
      await second!.db.transaction((tx) => emit(tx, after));
      await until(() => ids(s).length === 2);
      expect(ids(s)).toEqual([meanwhile.payload.agendaId, after.payload.agendaId]);
    });

    it("delivers an event whose transaction commits after a later one (sequence order is not commit order)", async () => {
      const s = stream(hubB, viewer());
      await until(() => s.frames.length > 0);
      const slow = agendaEvent(companyA);
      const fast = agendaEvent(companyA);
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      let took = () => {};
      const tookSeq = new Promise<void>((r) => (took = r));
      const slowTx = t.db.transaction(async (tx) => {
        await emit(tx, slow);
        took();
        await held;
      });
      await tookSeq;
      await second!.db.transaction((tx) => emit(tx, fast));
      await until(() => ids(s).length === 1);
      release();
      await slowTx;
      await until(() => ids(s).length === 2);
      expect(ids(s)).toEqual([fast.payload.agendaId, slow.payload.agendaId]);
    });
  }
});
