import { describe, expect, it } from "vitest";
import { contactSchema, customerSchema } from "./schema";

const customerId = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";
// Switches are sent explicitly here: see the "form without switches" regression below.
const base = { customerId, name: "Maria Souza", mobileInvalid: false };

/** The messages of a failed parse, by path ("_form" for the form-level rule). */
function issues(input: Record<string, unknown>) {
  const result = contactSchema.safeParse({ ...base, ...input });
  if (result.success) return null;
  const byPath: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byPath[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return byPath;
}

describe("contactSchema: Cargo, Fone, Fax, Celular or E-mail", () => {
  it("refuses a contact with only a name", () => {
    expect(issues({})).toEqual({ reachable: ["contactReachable"] });
  });

  it("refuses a contact whose five fields are blank or whitespace", () => {
    expect(issues({ position: "  ", phone: "", fax: " ", mobile: "", email: "" })).toEqual({ reachable: ["contactReachable"] });
  });

  it.each([
    ["Cargo", { position: "Gerente de Frota" }],
    ["Fone", { phone: "(11) 3333-4444" }],
    ["Fax", { fax: "(11) 3333-4445" }],
    ["Celular", { mobile: "(11) 99999-9999" }],
    ["E-mail", { email: "maria@exemplo.com.br" }],
  ])("accepts a contact with only %s", (_label, fields) => {
    const result = contactSchema.safeParse({ ...base, ...fields });
    expect(result.success).toBe(true);
  });

  it("stores phones as E.164 digits and empty fields as null", () => {
    const result = contactSchema.parse({ ...base, name: " Maria Souza ", mobile: "(11) 99999-9999", phone: "" });
    expect(result).toMatchObject({ name: "Maria Souza", mobile: "5511999999999", phone: null, fax: null, email: null });
  });

  it("refuses an invalid mobile with the message 'mobile'", () => {
    expect(issues({ mobile: "(11) 1234" })).toMatchObject({ mobile: ["mobile"] });
    expect(issues({ mobile: "abc", email: "maria@exemplo.com.br" })).toEqual({ mobile: ["mobile"] });
  });

  it("refuses a landline typed in the Celular field", () => {
    expect(issues({ mobile: "(11) 3333-4444", email: "maria@exemplo.com.br" })).toEqual({ mobile: ["mobile"] });
  });

  it("refuses an invalid landline and an invalid e-mail", () => {
    expect(issues({ phone: "123", position: "Diretor" })).toEqual({ phone: ["phone"] });
    expect(issues({ email: "maria@", position: "Diretor" })).toEqual({ email: ["email"] });
  });
});

describe("customerSchema", () => {
  const companyId = "0b6c1f3a-2d4e-4f5a-9b8c-7d6e5f4a3b2c";

  it("stores a valid document as digits", () => {
    expect(customerSchema.parse({ companyId, name: "João", document: "529.982.247-25", whatsappOptOut: false }).document).toBe("52998224725");
  });

  it("refuses a document with wrong check digits", () => {
    const result = customerSchema.safeParse({ companyId, name: "João", document: "529.982.247-24", whatsappOptOut: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["document", "document"]]);
  });
});

describe("checkboxes", () => {
  it("reads a checked switch ('on') as true and an explicit empty value as false", () => {
    expect(contactSchema.parse({ ...base, email: "a@b.com.br", mobileInvalid: "on" }).mobileInvalid).toBe(true);
    expect(contactSchema.parse({ ...base, email: "a@b.com.br", mobileInvalid: "" }).mobileInvalid).toBe(false);
  });

  it("saves a customer form whose opt-out switch is off (key absent)", () => {
    const result = customerSchema.safeParse({ companyId: "0b6c1f3a-2d4e-4f5a-9b8c-7d6e5f4a3b2c", name: "João" });
    expect(result.success).toBe(true);
  });

  it("saves a contact form whose 'mobile invalid' switch is off (key absent)", () => {
    const result = contactSchema.safeParse({ customerId, name: "Maria Souza", email: "maria@exemplo.com.br" });
    expect(result.success).toBe(true);
  });
});
