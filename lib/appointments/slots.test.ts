import { describe, expect, it } from "vitest";
import { formatTime } from "@/lib/dates";
import { daySlots, type CalendarRules } from "./slots";

const SP = "America/Sao_Paulo";
const calendar: CalendarRules = { openDays: [1, 2, 3, 4, 5], opensAt: "08:00", closesAt: "17:00", slotMinutes: 30, capacityPerSlot: 2 };
const longAgo = new Date("2000-01-01T00:00:00Z");
const none = new Set<string>();
// 2026-11-23 is a Monday; 2026-11-22 a Sunday; 2026-11-28 a Saturday.
const MONDAY = "2026-11-23";

describe("daySlots", () => {
  it("08:00–17:00 with 30-minute slots → 18 slots, 08:00 to 16:30 local, the last ending at closing time", () => {
    const slots = daySlots(calendar, MONDAY, { timeZone: SP, holidays: none, now: longAgo });
    expect(slots).toHaveLength(18);
    expect(formatTime(slots[0], SP)).toBe("08:00");
    expect(formatTime(slots.at(-1)!, SP)).toBe("16:30");
    expect(slots.map((s) => formatTime(s, SP))).toContain("12:00");
    // Evenly spaced, 30 minutes apart.
    for (let i = 1; i < slots.length; i++) expect(slots[i].getTime() - slots[i - 1].getTime()).toBe(30 * 60_000);
  });

  it("a slot that would run past closing time is not offered (45-minute slots, 08:00–17:00)", () => {
    const slots = daySlots({ ...calendar, slotMinutes: 45 }, MONDAY, { timeZone: SP, holidays: none, now: longAgo });
    expect(slots).toHaveLength(12);
    expect(formatTime(slots.at(-1)!, SP)).toBe("16:15");
  });

  it("instants are São Paulo wall-clock: 08:00 local is 11:00Z", () => {
    const slots = daySlots(calendar, MONDAY, { timeZone: SP, holidays: none, now: longAgo });
    expect(slots[0].toISOString()).toBe("2026-11-23T11:00:00.000Z");
    expect(slots.at(-1)!.toISOString()).toBe("2026-11-23T19:30:00.000Z");
  });

  it("a company in America/Manaus gets its own offset: 08:00 local is 12:00Z", () => {
    const slots = daySlots(calendar, MONDAY, { timeZone: "America/Manaus", holidays: none, now: longAgo });
    expect(slots).toHaveLength(18);
    expect(slots[0].toISOString()).toBe("2026-11-23T12:00:00.000Z");
    expect(slots.at(-1)!.toISOString()).toBe("2026-11-23T20:30:00.000Z");
  });

  it("a closed weekday has no slots", () => {
    expect(daySlots(calendar, "2026-11-22", { timeZone: SP, holidays: none, now: longAgo })).toEqual([]);
    expect(daySlots(calendar, "2026-11-28", { timeZone: SP, holidays: none, now: longAgo })).toEqual([]);
    // Open on Saturdays when the calendar says so.
    expect(daySlots({ ...calendar, openDays: [6] }, "2026-11-28", { timeZone: SP, holidays: none, now: longAgo })).toHaveLength(18);
  });

  it("a holiday has no slots, the next day is open again", () => {
    const holidays = new Set(["2026-11-20"]); // Friday, Consciência Negra
    expect(daySlots(calendar, "2026-11-20", { timeZone: SP, holidays, now: longAgo })).toEqual([]);
    expect(daySlots(calendar, "2026-11-19", { timeZone: SP, holidays, now: longAgo })).toHaveLength(18);
  });

  it("slots already begun are excluded, the next one is offered", () => {
    // 10:10 local: 08:00 … 10:00 have begun; 10:30 is the first offered.
    const now = new Date("2026-11-23T13:10:00Z");
    const slots = daySlots(calendar, MONDAY, { timeZone: SP, holidays: none, now });
    expect(formatTime(slots[0], SP)).toBe("10:30");
    expect(slots).toHaveLength(18 - 5);
  });

  it("a slot starting exactly now has begun", () => {
    const now = new Date("2026-11-23T13:00:00Z"); // 10:00 local
    const slots = daySlots(calendar, MONDAY, { timeZone: SP, holidays: none, now });
    expect(formatTime(slots[0], SP)).toBe("10:30");
  });

  it("after closing time, or on a past day, nothing is left", () => {
    expect(daySlots(calendar, MONDAY, { timeZone: SP, holidays: none, now: new Date("2026-11-23T20:00:00Z") })).toEqual([]);
    expect(daySlots(calendar, "2026-11-20", { timeZone: SP, holidays: none, now: new Date("2026-11-23T12:00:00Z") })).toEqual([]);
  });

  it("just after midnight UTC the São Paulo afternoon of the previous day is still today's slots", () => {
    // 2026-11-24T00:30Z is 21:30 on Monday 23rd in São Paulo: Monday's slots are all over, Tuesday's all open.
    const now = new Date("2026-11-24T00:30:00Z");
    expect(daySlots(calendar, MONDAY, { timeZone: SP, holidays: none, now })).toEqual([]);
    expect(daySlots(calendar, "2026-11-24", { timeZone: SP, holidays: none, now })).toHaveLength(18);
  });
});
