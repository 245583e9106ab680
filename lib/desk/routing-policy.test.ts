import { describe, expect, it } from "vitest";
import { chooseAgent, type RoutingCandidate } from "./routing-policy";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 12, minute));
const agent = (userId: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  userId,
  state: "pronto",
  pauseAfterFinish: false,
  load: 0,
  capacity: 3,
  idleSince: at(0),
  ...over,
});

describe("chooseAgent", () => {
  it("offers to the least busy Pronto member", () => {
    expect(chooseAgent([agent("a", { load: 2 }), agent("b", { load: 1 }), agent("c", { load: 2 })])).toBe("b");
  });

  it("breaks a tie by who has been idle longest", () => {
    expect(chooseAgent([agent("a", { idleSince: at(10) }), agent("b", { idleSince: at(3) }), agent("c", { idleSince: at(7) })])).toBe("b");
  });

  it("never offers to an agent at capacity, Não pronto, Offline or pausing after finishing", () => {
    const list = [
      agent("full", { load: 3, capacity: 3 }),
      agent("paused", { state: "nao_pronto" }),
      agent("away", { state: "offline" }),
      agent("leaving", { pauseAfterFinish: true }),
    ];
    expect(chooseAgent(list)).toBeNull();
    expect(chooseAgent([...list, agent("ok", { load: 2 })])).toBe("ok");
  });

  it("skips who declined and goes back to the last decliner when nobody else is free", () => {
    const list = [agent("a"), agent("b", { load: 1 }), agent("c", { load: 3 })];
    expect(chooseAgent(list, ["a"])).toBe("b");
    expect(chooseAgent(list, ["a", "b"])).toBe("b");
    expect(chooseAgent(list, ["b", "a"])).toBe("a");
  });

  it("does not go back to a decliner who is no longer available", () => {
    expect(chooseAgent([agent("a", { state: "nao_pronto" })], ["a"])).toBeNull();
  });
});
