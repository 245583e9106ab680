import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contacts, customers } from "@/db/schema/customers";
import { companies } from "@/db/schema/org";
import { senderNumbers } from "@/db/schema/whatsapp";
import { createTestDb, type TestDb } from "@/test/db";
import { findOrCreateConversation } from "./conversations";
import { parseWebhook } from "./parse-webhook";
import { processDelivery } from "./process-delivery";
import { contactNumber, customerOfNumber, firstName, firstSender, firstSenders, reachability } from "./reachability";

const NOW = new Date("2026-11-23T12:00:00.000Z");
let t: TestDb;
let companyId: string;
let otherCompanyId: string;
let seq = 0;
const phone = () => `55119${String(30000000 + ++seq)}`;
const at = (minutes: number) => new Date(NOW.getTime() - 86_400_000 + minutes * 60_000);

async function customer(opts: { name?: string; optOut?: boolean; createdAt?: Date; company?: string } = {}) {
  const [row] = await t.db
    .insert(customers)
    .values({ companyId: opts.company ?? companyId, name: opts.name ?? `Cliente ${++seq}`, whatsappOptOut: opts.optOut ?? false, createdAt: opts.createdAt ?? at(seq) })
    .returning();
  return row.id;
}
async function contact(customerId: string, fields: { whatsapp?: string | null; mobile?: string | null; mobileInvalid?: boolean; createdAt?: Date }) {
  await t.db.insert(contacts).values({
    customerId,
    name: "Contato",
    email: fields.mobile ? null : `c${++seq}@t.dev`,
    whatsapp: fields.whatsapp ?? null,
    mobile: fields.mobile ?? null,
    mobileInvalid: fields.mobileInvalid ?? false,
    createdAt: fields.createdAt ?? at(++seq),
  });
}
const numberOf = async (customerId: string) => (await reachability(t.db, [customerId])).get(customerId)?.phone ?? null;

beforeAll(async () => {
  t = await createTestDb();
  [{ id: companyId }, { id: otherCompanyId }] = await t.db.insert(companies).values([{ name: "Oficina" }, { name: "Outra" }]).returning();
});
afterAll(() => t?.close());

describe("the number to message", () => {
  it("is the WhatsApp number before the mobile", async () => {
    const id = await customer();
    const whatsapp = phone();
    await contact(id, { whatsapp, mobile: phone() });
    expect(await numberOf(id)).toBe(whatsapp);
  });

  it("falls back to the mobile, normalised, when there is no WhatsApp number or it is not a valid number", async () => {
    const plain = await customer();
    await contact(plain, { mobile: "(11) 98765-4321" });
    expect(await numberOf(plain)).toBe("5511987654321");
    const badWhatsapp = await customer();
    const mobile = phone();
    await contact(badWhatsapp, { whatsapp: "123", mobile });
    expect(await numberOf(badWhatsapp)).toBe(mobile);
  });

  it("is the first usable contact's, oldest first, skipping contacts whose mobile is marked invalid", async () => {
    const id = await customer();
    const first = phone();
    const flagged = phone();
    await contact(id, { whatsapp: flagged, mobile: flagged, mobileInvalid: true, createdAt: at(1) });
    await contact(id, { mobile: "12", createdAt: at(2) });
    await contact(id, { mobile: first, createdAt: at(3) });
    await contact(id, { whatsapp: phone(), createdAt: at(4) });
    expect(await numberOf(id)).toBe(first);
  });

  it("is none when no contact has a valid number, and says whether the customer opted out", async () => {
    const none = await customer();
    await contact(none, { whatsapp: "0000", mobile: "99" });
    await contact(none, { mobile: phone(), mobileInvalid: true });
    const optedOut = await customer({ optOut: true, name: "  Joana   Prado " });
    await contact(optedOut, { mobile: phone() });
    const map = await reachability(t.db, [none, optedOut, none]);
    expect(map.get(none)).toMatchObject({ phone: null, optOut: false });
    expect(map.get(optedOut)).toMatchObject({ optOut: true, firstName: "Joana" });
  });
});

describe("first names", () => {
  it("are the first word of the name", () => {
    expect(firstName("Maria da Silva")).toBe("Maria");
    expect(firstName("  Ana\tPaula ")).toBe("Ana");
    expect(contactNumber({ whatsapp: null, mobile: "11987654321", mobileInvalid: false })).toBe("5511987654321");
  });
});

describe("the sender number", () => {
  it("is the company's first active number by phone, whatever the insertion order", async () => {
    const [company] = await t.db.insert(companies).values({ name: "Multi" }).returning();
    const rows = await t.db
      .insert(senderNumbers)
      .values([
        { companyId: company.id, phone: "551140009003", displayName: "C", providerPhoneId: "m-3" },
        { companyId: company.id, phone: "551140009001", displayName: "A (inativo)", providerPhoneId: "m-1", active: false },
        { companyId: company.id, phone: "551140009002", displayName: "B", providerPhoneId: "m-2" },
      ])
      .returning();
    const expected = rows.find((r) => r.providerPhoneId === "m-2")!;
    for (let i = 0; i < 3; i++) expect((await firstSender(t.db, company.id))?.id).toBe(expected.id);
    expect((await firstSenders(t.db, [company.id, otherCompanyId])).get(company.id)?.id).toBe(expected.id);
    expect(await firstSender(t.db, otherCompanyId)).toBeNull();
  });
});

describe("linking an inbound number to a customer", () => {
  it("prefers a WhatsApp match to a mobile match, then the oldest customer, in the company only", async () => {
    const number = phone();
    const byMobile = await customer({ createdAt: at(-100) });
    await contact(byMobile, { mobile: number });
    const newer = await customer({ createdAt: at(-50) });
    await contact(newer, { whatsapp: number });
    const older = await customer({ createdAt: at(-60) });
    await contact(older, { whatsapp: number });
    const elsewhere = await customer({ company: otherCompanyId, createdAt: at(-200) });
    await contact(elsewhere, { whatsapp: number });

    expect((await customerOfNumber(t.db, companyId, number))?.customerId).toBe(older);
    expect((await customerOfNumber(t.db, otherCompanyId, number))?.customerId).toBe(elsewhere);
    const onlyMobile = phone();
    await contact(byMobile, { mobile: onlyMobile });
    expect((await customerOfNumber(t.db, companyId, onlyMobile))?.customerId).toBe(byMobile);
    expect(await customerOfNumber(t.db, companyId, phone())).toBeNull();
  });

  it("is the same rule for Nova Conversa and the jobs' conversations and for the webhook", async () => {
    const [sender] = await t.db
      .insert(senderNumbers)
      .values({ companyId, phone: "551140001000", displayName: "Central", providerPhoneId: "PH-link" })
      .returning();
    const number = phone();
    const byMobile = await customer({ createdAt: at(-300) });
    await contact(byMobile, { mobile: number });
    const byWhatsapp = await customer({ createdAt: at(-10), name: "Rita Moura" });
    await contact(byWhatsapp, { whatsapp: number });

    const conversation = await findOrCreateConversation(t.db, sender, number);
    expect(conversation.customerId).toBe(byWhatsapp);

    const inbound = phone();
    const customerId = await customer({ createdAt: at(-5) });
    await contact(customerId, { whatsapp: inbound });
    await contact(await customer({ createdAt: at(-400) }), { mobile: inbound });
    const body = {
      object: "whatsapp_business_account",
      entry: [
        {
          id: "WABA",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: sender.phone, phone_number_id: sender.providerPhoneId },
                contacts: [{ profile: { name: "Cliente" }, wa_id: inbound }],
                messages: [{ from: inbound, id: `wamid.link.${++seq}`, timestamp: String(Math.floor(NOW.getTime() / 1000) - 60), type: "text", text: { body: "Oi" } }],
              },
            },
          ],
        },
      ],
    };
    const result = await processDelivery(t.db, parseWebhook(body)!, NOW);
    expect(result.inbound.map((i) => i.customerId)).toEqual([customerId]);
  });
});
