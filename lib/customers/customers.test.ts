import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, customers } from "@/db/schema/customers";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { saveContact } from "./contacts";
import { CUSTOMERS_PAGE_SIZE, getCustomerDetail, saveCustomer, searchCustomers } from "./customers";
import { contactSchema, customerSchema } from "./schema";

let t: TestDb;
let s: Seeded;
let all: { companyIds: string[] };

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { customers: 30, now: new Date("2026-03-02T12:00:00.000Z") });
  s = await seeded(t.db);
  all = { companyIds: [s.sp, s.cps, s.net] };
});
afterAll(() => t?.close());

async function userErrorCode(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).code;
}

/** A customer form as the screen sends it, parsed by the action's schema. */
const customerForm = (fields: Record<string, unknown>) => customerSchema.parse({ whatsappOptOut: "", notes: "", ...fields });
const contactForm = (fields: Record<string, unknown>) => contactSchema.parse({ mobileInvalid: "", ...fields });

describe("saveCustomer", () => {
  it("refuses a document already used in the same company, and allows it in another", async () => {
    await saveCustomer(t.db, customerForm({ companyId: s.sp, name: "Primeiro Dono", document: "529.982.247-25" }), all);
    const again = customerForm({ companyId: s.sp, name: "Segundo Dono", document: "52998224725" });
    const error = await saveCustomer(t.db, again, all).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: "document_taken", fieldErrors: { document: ["documentTaken"] } });

    const elsewhere = await saveCustomer(t.db, customerForm({ companyId: s.cps, name: "Segundo Dono", document: "529.982.247-25" }), all);
    const [row] = await t.db.select().from(customers).where(eq(customers.id, elsewhere.id));
    expect(row).toMatchObject({ companyId: s.cps, document: "52998224725" });
  });

  it("allows several customers without a document", async () => {
    await saveCustomer(t.db, customerForm({ companyId: s.net, name: "Sem Documento 1" }), all);
    await saveCustomer(t.db, customerForm({ companyId: s.net, name: "Sem Documento 2", document: "" }), all);
  });

  it("refuses a company outside the user's companies", async () => {
    const input = customerForm({ companyId: s.net, name: "Intruso" });
    expect(await userErrorCode(saveCustomer(t.db, input, { companyIds: [s.sp] }))).toBe("forbidden");
  });

  it("refuses updating another company's customer", async () => {
    const [netCustomer] = await t.db.select().from(customers).where(eq(customers.companyId, s.net)).limit(1);
    const input = customerForm({ id: netCustomer.id, companyId: s.sp, name: "Roubado" });
    expect(await userErrorCode(saveCustomer(t.db, input, { companyIds: [s.sp] }))).toBe("not_found");
    const [row] = await t.db.select().from(customers).where(eq(customers.id, netCustomer.id));
    expect(row.name).toBe(netCustomer.name);
  });
});

describe("searchCustomers", () => {
  let target: { id: string };

  beforeAll(async () => {
    target = await saveCustomer(
      t.db,
      customerForm({ companyId: s.cps, name: "Zuleica Quintanilha Prado", document: "11.222.333/0001-81" }),
      all,
    );
    await saveContact(t.db, contactForm({ customerId: target.id, name: "Zuleica", mobile: "(19) 98765-4321" }), all);
  });

  it("finds by part of the name, ignoring case", async () => {
    for (const q of ["quintanil", "QUINTANILHA", "Zuleica Quint"]) {
      const result = await searchCustomers(t.db, s.cps, { q, page: 1 });
      expect(result.rows.map((r) => r.id)).toEqual([target.id]);
    }
  });

  it("finds by the document's digits, masked or not", async () => {
    for (const q of ["11222333000181", "11.222.333/0001-81", "112223"]) {
      const result = await searchCustomers(t.db, s.cps, { q, page: 1 });
      expect(result.rows.map((r) => r.id)).toContain(target.id);
    }
  });

  it("finds by a contact phone typed with a mask", async () => {
    for (const q of ["(19) 98765-4321", "98765-4321", "+55 19 98765 4321"]) {
      const result = await searchCustomers(t.db, s.cps, { q, page: 1 });
      expect(result.rows.map((r) => r.id)).toEqual([target.id]);
    }
  });

  it("shows each row's first mobile and its contact count", async () => {
    const result = await searchCustomers(t.db, s.cps, { q: "Quintanilha", page: 1 });
    expect(result.rows[0]).toMatchObject({ id: target.id, mobile: "5519987654321", contactCount: 1 });
  });

  it("only searches the given company", async () => {
    expect((await searchCustomers(t.db, s.sp, { q: "Quintanilha", page: 1 })).rows).toEqual([]);
  });

  it("treats % and _ as plain characters", async () => {
    expect((await searchCustomers(t.db, s.cps, { q: "%", page: 1 })).total).toBe(0);
    expect((await searchCustomers(t.db, s.cps, { q: "_", page: 1 })).total).toBe(0);
  });

  it("paginates by 25, sorted by name", async () => {
    for (let i = 1; i <= 30; i++) {
      await saveCustomer(t.db, customerForm({ companyId: s.net, name: `Paginacao Cliente ${String(i).padStart(2, "0")}` }), all);
    }
    expect(CUSTOMERS_PAGE_SIZE).toBe(25);
    const first = await searchCustomers(t.db, s.net, { q: "paginacao", page: 1 });
    const second = await searchCustomers(t.db, s.net, { q: "paginacao", page: 2 });
    expect(first).toMatchObject({ total: 30, pages: 2 });
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(5);
    const names = [...first.rows, ...second.rows].map((r) => r.name);
    expect(names).toEqual(Array.from({ length: 30 }, (_, i) => `Paginacao Cliente ${String(i + 1).padStart(2, "0")}`));
  });

  it("lists the whole company without a query", async () => {
    const n = await t.db.$count(customers, eq(customers.companyId, s.sp));
    const result = await searchCustomers(t.db, s.sp, { page: 1 });
    expect(result.total).toBe(n);
    expect(result.rows.length).toBe(Math.min(n, 25));
  });
});

describe("saveContact", () => {
  it("adds a contact to a customer the user may access", async () => {
    const [customer] = await t.db.select().from(customers).where(eq(customers.companyId, s.sp)).limit(1);
    const { id } = await saveContact(t.db, contactForm({ customerId: customer.id, name: "Financeiro", position: "Financeiro" }), all);
    const detail = await getCustomerDetail(t.db, all.companyIds, customer.id);
    expect(detail!.contacts.map((c) => c.id)).toContain(id);
  });

  it("refuses a customer of a company outside the user's companies", async () => {
    const [netCustomer] = await t.db.select().from(customers).where(eq(customers.companyId, s.net)).limit(1);
    const input = contactForm({ customerId: netCustomer.id, name: "Espião", email: "espiao@exemplo.com.br" });
    expect(await userErrorCode(saveContact(t.db, input, { companyIds: [s.sp, s.cps] }))).toBe("not_found");
    expect(await userErrorCode(saveContact(t.db, input, { companyIds: [] }))).toBe("not_found");
    const rows = await t.db.select().from(contacts).where(eq(contacts.email, "espiao@exemplo.com.br"));
    expect(rows).toEqual([]);
  });

  it("does not show another company's customer in the detail", async () => {
    const [netCustomer] = await t.db.select().from(customers).where(eq(customers.companyId, s.net)).limit(1);
    expect(await getCustomerDetail(t.db, [s.sp], netCustomer.id)).toBeNull();
  });
});

describe("contacts table", () => {
  it("refuses (check constraint) a contact with none of Cargo, Fone, Fax, Celular or E-mail", async () => {
    const [customer] = await t.db.select().from(customers).limit(1);
    const error = await t.db
      .insert(contacts)
      .values({ customerId: customer.id, name: "Inalcançável", contactType: "Pessoal", whatsapp: "5511999999999" })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).not.toBeNull();
    const codes: unknown[] = [];
    for (let e = error as { code?: unknown; constraint_name?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
      codes.push(e.code);
    }
    expect(codes).toContain("23514");
    expect(String((error as { cause?: { message?: string } }).cause?.message ?? error)).toContain("contacts_reachable");
  });

  it("accepts a contact with only one of the five", async () => {
    const [customer] = await t.db.select().from(customers).limit(1);
    await t.db.insert(contacts).values({ customerId: customer.id, name: "Só fax", fax: "551133334445" });
  });
});
