import { describe, expect, it } from "vitest";
import { currentState, STALE_AFTER_MS } from "./state";

const NOW = new Date("2026-11-23T13:00:00.000Z");
const fresh = new Date(NOW.getTime() - 60_000).toISOString();

describe("currentState", () => {
  it("reads a booking with its choices", () => {
    const raw = { flow: "booking", step: "time", agendaId: "a", appointmentId: null, assetId: "x", day: "2026-11-24", offset: 8, slot: null, misses: 1, updatedAt: fresh, lastMessageId: "m1" };
    expect(currentState(raw, NOW)).toEqual({ ...raw, offset: 8, misses: 1 });
  });

  it("a booking at a step it does not have, an unknown flow, or a stale state start over, keeping the last message and the unidentified mark", () => {
    for (const raw of [
      { flow: "booking", step: "payment", misses: 0, updatedAt: fresh, lastMessageId: "m2", unidentified: true },
      { flow: "survey", step: "choose", misses: 0, updatedAt: fresh, lastMessageId: "m2", unidentified: true },
      { flow: "menu", step: "choose", misses: 0, updatedAt: new Date(NOW.getTime() - STALE_AFTER_MS - 1).toISOString(), lastMessageId: "m2", unidentified: true },
    ]) {
      expect(currentState(raw, NOW)).toEqual({ flow: "idle", step: "idle", misses: 0, updatedAt: NOW.toISOString(), lastMessageId: "m2", unidentified: true });
    }
    expect(currentState(null, NOW)).toMatchObject({ flow: "idle" });
    expect(currentState(["menu"], NOW)).toMatchObject({ flow: "idle" });
  });

  it("an invitation keeps its agenda; fields of other flows are dropped", () => {
    expect(currentState({ flow: "invite", step: "choose", agendaId: "a1", slot: "x", misses: 0, updatedAt: fresh }, NOW)).toEqual({
      flow: "invite",
      step: "choose",
      agendaId: "a1",
      misses: 0,
      updatedAt: fresh,
    });
  });
});
