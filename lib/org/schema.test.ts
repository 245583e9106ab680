import { describe, expect, it } from "vitest";
import { companySchema, roleSchema, teamSchema, userSchema } from "./schema";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("userSchema", () => {
  const form = { name: "Nova", email: " Nova@Atende.DEV ", roleId: uuid(1), homeCompanyId: uuid(2), capacity: "3", active: "on" };

  it("lower-cases the e-mail and always grants the home company", () => {
    const parsed = userSchema.parse({ ...form, password: "12345678", companyIds: uuid(3), teamIds: "", queueIds: [] });
    expect(parsed).toMatchObject({ email: "nova@atende.dev", companyIds: [uuid(2), uuid(3)], teamIds: [], capacity: 3, active: true });
  });

  it("requires a password of 8+ characters for a new user, none for an update", () => {
    const lists = { companyIds: [], teamIds: [], queueIds: [] };
    const issue = (input: object) => userSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issue({ ...form, ...lists })).toEqual([["password", "passwordMin"]]);
    expect(issue({ ...form, ...lists, password: "1234567" })).toEqual([["password", "passwordMin"]]);
    expect(userSchema.safeParse({ ...form, ...lists, id: uuid(9), password: "" }).success).toBe(true);
  });
});

describe("forms with unchecked switches and empty checkbox groups (key absent)", () => {
  it("accepts a team with no members and 'É de PA' off", () => {
    expect(teamSchema.safeParse({ companyId: uuid(1), name: "PA" }).success).toBe(true);
  });

  it("accepts a role with no permission ticked", () => {
    expect(roleSchema.safeParse({ name: "Vazio" }).success).toBe(true);
  });

  it("accepts a company with both switches off", () => {
    expect(companySchema.safeParse({ name: "Nova", timeZone: "America/Sao_Paulo" }).success).toBe(true);
  });

  it("accepts a user with no extra companies, teams or queues, switched off", () => {
    const input = { name: "Nova", email: "nova@atende.dev", password: "12345678", roleId: uuid(1), homeCompanyId: uuid(2), capacity: "3" };
    expect(userSchema.safeParse(input).success).toBe(true);
  });
});
