import { describe, expect, it } from "vitest";
import { parseWorklistParams } from "./schema";

describe("parseWorklistParams (the worklist's URL)", () => {
  it("keeps a custom period of real days", () => {
    expect(parseWorklistParams({ agenda: "periodo", de: "2026-02-28", ate: "2026-03-05" })).toMatchObject({
      params: { agenda: "periodo", de: "2026-02-28", ate: "2026-03-05" },
      invalidDate: false,
    });
  });

  it.each([
    [{ de: "2026-02-31", ate: "2026-03-05" }],
    [{ de: "2026-12-01", ate: "2026-12-32" }],
    [{ de: "9999-99-99" }],
    [{ de: "9999-12-31" }],
    [{ ate: "31/12/2026" }],
    [{ de: ["2026-01-01", "2026-01-02"] }],
  ])("a date that is not a real day (%j) falls back to the default period, and says so", (dates) => {
    expect(parseWorklistParams({ agenda: "periodo", ...dates })).toMatchObject({
      params: { agenda: "hoje", de: undefined, ate: undefined },
      invalidDate: true,
    });
  });

  it("another period keeps itself when a stray date is bad; empty dates are no dates", () => {
    expect(parseWorklistParams({ agenda: "mes", de: "2026-02-31" })).toMatchObject({ params: { agenda: "mes", de: undefined }, invalidDate: true });
    expect(parseWorklistParams({ agenda: "periodo", de: "", ate: "" })).toMatchObject({ params: { agenda: "periodo" }, invalidDate: false });
  });

  it("a De after its Até is not swapped: the default period, and a notice that the range is reversed", () => {
    expect(parseWorklistParams({ agenda: "periodo", de: "2026-11-25", ate: "2026-11-20" })).toMatchObject({
      params: { agenda: "hoje", de: undefined, ate: undefined },
      invalidDate: false,
      reversedRange: true,
    });
    expect(parseWorklistParams({ agenda: "periodo", de: "2026-11-20", ate: "2026-11-20" })).toMatchObject({
      params: { agenda: "periodo", de: "2026-11-20", ate: "2026-11-20" },
      reversedRange: false,
    });
  });
});
