import { describe, expect, it } from "vitest";
import { storableText, storableValues } from "./storable-text";

describe("storableText", () => {
  it("drops NUL and unpaired surrogates, keeps emoji (surrogate pairs) and accents", () => {
    expect(storableText("com\u0000nul")).toBe("comnul");
    expect(storableText("a\ud83db")).toBe("ab");
    expect(storableText("a\ude00b")).toBe("ab");
    expect(storableText("\ude00\ud83d")).toBe("");
    expect(storableText("Olá 👍 ação")).toBe("Olá 👍 ação");
  });
});

describe("storableValues", () => {
  it("cleans the strings of nested objects and arrays and leaves files, dates and numbers alone", () => {
    const file = new File(["x"], "a\u0000.pdf");
    const date = new Date(0);
    const out = storableValues({ name: "Ma\u0000ria", list: ["x\u0000", 1], nested: { note: "\ud800" }, file, date, n: 3, none: null });
    expect(out).toEqual({ name: "Maria", list: ["x", 1], nested: { note: "" }, file, date, n: 3, none: null });
    expect(out.file).toBe(file);
  });

  it("returns the very same value when nothing needed cleaning", () => {
    const input = { a: "ok", b: ["fine"], c: { d: 1 } };
    expect(storableValues(input)).toBe(input);
  });
});
