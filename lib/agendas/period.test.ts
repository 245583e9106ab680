import { describe, expect, it } from "vitest";
import { periodRange } from "./period";

const SP = "America/Sao_Paulo";
const at = (iso: string) => new Date(iso);

describe("periodRange in America/Sao_Paulo", () => {
  it("hoje/ontem/amanha in the middle of a day", () => {
    const now = at("2026-11-22T15:00:00Z"); // 12:00 in São Paulo
    expect(periodRange("hoje", now, SP)).toEqual({ from: "2026-11-22", to: "2026-11-22" });
    expect(periodRange("ontem", now, SP)).toEqual({ from: "2026-11-21", to: "2026-11-21" });
    expect(periodRange("amanha", now, SP)).toEqual({ from: "2026-11-23", to: "2026-11-23" });
  });

  it("just after midnight UTC it is still the previous day in São Paulo (UTC−3)", () => {
    const now = at("2026-11-23T02:30:00Z"); // 23:30 on the 22nd in São Paulo
    expect(periodRange("hoje", now, SP)).toEqual({ from: "2026-11-22", to: "2026-11-22" });
    expect(periodRange("ontem", now, SP)).toEqual({ from: "2026-11-21", to: "2026-11-21" });
    expect(periodRange("amanha", now, SP)).toEqual({ from: "2026-11-23", to: "2026-11-23" });
    expect(periodRange("ultimos7", now, SP)).toEqual({ from: "2026-11-16", to: "2026-11-22" });
  });

  it("at 03:00Z the São Paulo day turns over", () => {
    expect(periodRange("hoje", at("2026-11-23T02:59:59Z"), SP).from).toBe("2026-11-22");
    expect(periodRange("hoje", at("2026-11-23T03:00:00Z"), SP).from).toBe("2026-11-23");
  });

  it("ultimos7 is today and the six days before it, across a month end", () => {
    expect(periodRange("ultimos7", at("2026-12-03T12:00:00Z"), SP)).toEqual({ from: "2026-11-27", to: "2026-12-03" });
    expect(periodRange("ultimos7", at("2027-01-02T12:00:00Z"), SP)).toEqual({ from: "2026-12-27", to: "2027-01-02" });
    expect(periodRange("ultimos7", at("2028-03-03T12:00:00Z"), SP)).toEqual({ from: "2028-02-26", to: "2028-03-03" });
  });

  it("ontem and amanha across month and year ends", () => {
    expect(periodRange("ontem", at("2027-01-01T12:00:00Z"), SP).from).toBe("2026-12-31");
    expect(periodRange("amanha", at("2026-12-31T12:00:00Z"), SP).from).toBe("2027-01-01");
    expect(periodRange("amanha", at("2027-02-28T12:00:00Z"), SP).from).toBe("2027-03-01");
    expect(periodRange("amanha", at("2028-02-28T12:00:00Z"), SP).from).toBe("2028-02-29");
    expect(periodRange("ontem", at("2028-03-01T12:00:00Z"), SP).from).toBe("2028-02-29");
  });

  it.each([
    ["2026-11-22T15:00:00Z", "2026-11-01", "2026-11-30"],
    ["2026-12-31T12:00:00Z", "2026-12-01", "2026-12-31"],
    ["2027-01-15T12:00:00Z", "2027-01-01", "2027-01-31"],
    ["2027-02-10T12:00:00Z", "2027-02-01", "2027-02-28"],
    ["2028-02-10T12:00:00Z", "2028-02-01", "2028-02-29"],
    ["2027-04-30T12:00:00Z", "2027-04-01", "2027-04-30"],
    ["2027-03-31T12:00:00Z", "2027-03-01", "2027-03-31"],
  ])("mes at %s → %s to %s", (now, from, to) => {
    expect(periodRange("mes", at(now), SP)).toEqual({ from, to });
  });

  it("mes just after midnight UTC on the 1st is still the previous month in São Paulo", () => {
    expect(periodRange("mes", at("2026-12-01T02:00:00Z"), SP)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(periodRange("mes", at("2027-01-01T02:59:00Z"), SP)).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(periodRange("mes", at("2028-03-01T01:00:00Z"), SP)).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(periodRange("mes", at("2027-03-01T01:00:00Z"), SP)).toEqual({ from: "2027-02-01", to: "2027-02-28" });
  });

  it("a company in another zone uses its own day (Manaus is UTC−4)", () => {
    const now = at("2026-11-23T03:30:00Z"); // 00:30 on the 23rd in São Paulo, 23:30 on the 22nd in Manaus
    expect(periodRange("hoje", now, SP).from).toBe("2026-11-23");
    expect(periodRange("hoje", now, "America/Manaus").from).toBe("2026-11-22");
  });

  describe("periodo", () => {
    const now = at("2026-11-22T15:00:00Z");
    it("keeps the chosen dates", () => {
      expect(periodRange("periodo", now, SP, { from: "2026-08-01", to: "2026-10-29" })).toEqual({
        from: "2026-08-01",
        to: "2026-10-29",
      });
    });
    it("a blank side is open: a start alone runs on, an end alone runs back, nothing at all is every day", () => {
      expect(periodRange("periodo", now, SP, { from: "2026-09-07" })).toEqual({ from: "2026-09-07", to: "2100-12-31" });
      expect(periodRange("periodo", now, SP, { to: "2026-11-01" })).toEqual({ from: "2000-01-01", to: "2026-11-01" });
      expect(periodRange("periodo", now, SP, {})).toEqual({ from: "2000-01-01", to: "2100-12-31" });
    });
  });
});
