import { describe, expect, it } from "vitest";
import { formatPhone, isMobilePhone, normalizePhone } from "./phone";

describe("normalizePhone", () => {
  it.each(["(11) 99999-9999", "+55 11 9 9999 9999", "11999999999", "5511999999999", " 11 99999 9999 "])(
    "reads %j as the São Paulo mobile 5511999999999",
    (input) => {
      expect(normalizePhone(input)).toBe("5511999999999");
    },
  );

  it("keeps a landline's 8 digits", () => {
    expect(normalizePhone("(11) 3333-4444")).toBe("551133334444");
    expect(normalizePhone("1133334444")).toBe("551133334444");
  });

  it("keeps a foreign number typed with its country code", () => {
    expect(normalizePhone("+1 415 555 2671")).toBe("14155552671");
  });

  it.each(["123", "(11) 1234", "abc", "", "   ", "(00) 99999-9999", "1234567890123456"])("rejects %j", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe("isMobilePhone", () => {
  it("tells mobiles from landlines", () => {
    expect(isMobilePhone("5511999999999")).toBe(true);
    expect(isMobilePhone("5521988887777")).toBe(true);
    expect(isMobilePhone("551133334444")).toBe(false);
  });
});

describe("formatPhone", () => {
  it("shows Brazilian numbers in the national form", () => {
    expect(formatPhone("5511999999999")).toBe("(11) 99999-9999");
    expect(formatPhone("551133334444")).toBe("(11) 3333-4444");
  });

  it("shows foreign numbers in the international form", () => {
    expect(formatPhone("14155552671")).toBe("+1 415 555 2671");
  });

  it("shows nothing for a missing number", () => {
    expect(formatPhone(null)).toBe("");
    expect(formatPhone(undefined)).toBe("");
    expect(formatPhone("")).toBe("");
  });

  it("round-trips with normalizePhone", () => {
    expect(normalizePhone(formatPhone("5519987654321"))).toBe("5519987654321");
  });
});

describe("Nova Conversa's number (issue 11, item 12): the dialog and the server share this rule", () => {
  it.each(["(11) 96103-2832", "+55 11 9 6103 2832", "5511961032832", "11961032832", "+55 (11) 96103-2832"])(
    "accepts %s as 5511961032832",
    (input) => {
      expect(normalizePhone(input)).toBe("5511961032832");
    },
  );
  it("refuses a mobile that cannot exist (a 0 where the 9 goes)", () => {
    expect(normalizePhone("5511061032832")).toBeNull();
  });
});
