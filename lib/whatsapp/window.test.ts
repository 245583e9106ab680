import { describe, expect, it } from "vitest";
import { WINDOW_MS, isConversationWindowOpen, isWindowOpen, windowClosesAt, windowRemainingMs } from "./window";

const LAST = new Date("2026-11-23T12:00:00.000Z");
const at = (ms: number) => new Date(LAST.getTime() + ms);

describe("24-hour window", () => {
  it("is closed when the customer never wrote", () => {
    expect(isWindowOpen(null, LAST)).toBe(false);
    expect(isWindowOpen(undefined, LAST)).toBe(false);
    expect(windowClosesAt(null)).toBeNull();
    expect(windowRemainingMs(null, LAST)).toBe(0);
  });

  it("is open right after the customer's message and up to the last millisecond before 24 h", () => {
    expect(isWindowOpen(LAST, LAST)).toBe(true);
    expect(isWindowOpen(LAST, at(60_000))).toBe(true);
    expect(isWindowOpen(LAST, at(23 * 3600_000 + 59 * 60_000 + 59_999))).toBe(true);
    expect(isWindowOpen(LAST, at(WINDOW_MS - 1))).toBe(true);
  });

  it("closes exactly 24 h later and stays closed", () => {
    expect(isWindowOpen(LAST, at(WINDOW_MS))).toBe(false);
    expect(isWindowOpen(LAST, at(WINDOW_MS + 1))).toBe(false);
    expect(isWindowOpen(LAST, at(3 * WINDOW_MS))).toBe(false);
  });

  it("tells when it closes and how long is left", () => {
    expect(windowClosesAt(LAST)?.toISOString()).toBe("2026-11-24T12:00:00.000Z");
    expect(windowClosesAt("2026-11-23T12:00:00Z")?.toISOString()).toBe("2026-11-24T12:00:00.000Z");
    expect(windowRemainingMs(LAST, at(WINDOW_MS - 5_000))).toBe(5_000);
    expect(windowRemainingMs(LAST, at(WINDOW_MS + 5_000))).toBe(0);
  });

  it("accepts ISO strings (as rows may carry them) and ignores invalid dates", () => {
    expect(isWindowOpen("2026-11-23T12:00:00.000Z", at(1000))).toBe(true);
    expect(isWindowOpen("not a date", at(1000))).toBe(false);
  });

  it("counts across a daylight-saving or month boundary in plain elapsed time", () => {
    const last = new Date("2026-02-28T23:30:00.000Z");
    expect(isWindowOpen(last, new Date("2026-03-01T23:29:59.999Z"))).toBe(true);
    expect(isWindowOpen(last, new Date("2026-03-01T23:30:00.000Z"))).toBe(false);
  });

  it("honours a 131047 mark made after the last inbound message until the customer writes again", () => {
    expect(isConversationWindowOpen({ lastInboundAt: LAST, windowClosedMarkedAt: at(3600_000) }, at(2 * 3600_000))).toBe(false);
    expect(isConversationWindowOpen({ lastInboundAt: at(3 * 3600_000), windowClosedMarkedAt: at(3600_000) }, at(4 * 3600_000))).toBe(true);
    expect(isConversationWindowOpen({ lastInboundAt: LAST, windowClosedMarkedAt: null }, at(3600_000))).toBe(true);
    expect(isConversationWindowOpen({ lastInboundAt: LAST }, at(WINDOW_MS))).toBe(false);
  });
});
