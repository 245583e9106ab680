import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ptBR from "@/messages/pt-BR.json";
import { ERROR_CODES, UserError } from "./errors";

const catalogs = { "pt-BR": ptBR.errors, en: en.errors } as Record<string, Record<string, unknown>>;

describe("error codes", () => {
  it("every ErrorCode has a pt-BR and an en message under errors", () => {
    const missing = Object.entries(catalogs).flatMap(([locale, errors]) =>
      ERROR_CODES.filter((code) => typeof errors[code] !== "string" || !(errors[code] as string).trim()).map(
        (code) => `${locale} errors.${code}`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it("lists each code once", () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it("UserError carries its code and field errors", () => {
    const error = new UserError("email_taken", { email: ["emailTaken"] });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("email_taken");
    expect(error.message).toBe("email_taken");
    expect(error.fieldErrors).toEqual({ email: ["emailTaken"] });
  });
});
