import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { messageTemplates } from "@/db/schema/whatsapp";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import type { ProviderTemplate, WhatsappGateway } from "./gateway";
import { templateSchema, templateStatusSchema } from "./template-schema";
import { getTemplate, listCompanyTemplates, saveTemplate, setTemplateStatus, syncTemplates } from "./templates-admin";

const NOW = new Date("2026-03-02T12:00:00.000Z");

let t: TestDb;
let s: Seeded;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { customers: 6, now: NOW });
  s = await seeded(t.db);
});
afterAll(() => t?.close());

async function userError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

/** The template form as the admin screen sends it. */
function form(overrides: Record<string, unknown> = {}) {
  return templateSchema.parse({
    companyId: s.sp,
    name: "lembrete_revisao",
    language: "pt_BR",
    category: "UTILITY",
    status: "APPROVED",
    body: "Olá {{1}}, sua revisão na {{2}} é amanhã.",
    variable_1: "customer.name",
    variable_2: "company.name",
    button_1: "Confirmar",
    button_2: "",
    button_3: "Remarcar",
    ...overrides,
  });
}

function fakeGateway(templates: ProviderTemplate[] | Error): WhatsappGateway {
  return {
    kind: "cloud",
    send: vi.fn(),
    uploadMedia: vi.fn(),
    listTemplates: vi.fn(async () => {
      if (templates instanceof Error) throw templates;
      return templates;
    }),
  };
}

describe("templateSchema", () => {
  it("collects the variable sources and the quick replies", () => {
    expect(form()).toEqual({
      id: undefined,
      companyId: s.sp,
      name: "lembrete_revisao",
      language: "pt_BR",
      category: "UTILITY",
      status: "APPROVED",
      body: "Olá {{1}}, sua revisão na {{2}} é amanhã.",
      variables: { "1": "customer.name", "2": "company.name" },
      buttons: [
        { type: "QUICK_REPLY", text: "Confirmar" },
        { type: "QUICK_REPLY", text: "Remarcar" },
      ],
    });
  });

  it("reports each problem on its field", () => {
    const issues = (overrides: Record<string, unknown>) => {
      const result = templateSchema.safeParse({
        companyId: s.sp,
        name: "ok",
        language: "pt_BR",
        category: "UTILITY",
        status: "PENDING",
        body: "Oi {{1}}",
        variable_1: "free",
        ...overrides,
      });
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(issues({})).toEqual([]);
    expect(issues({ name: "Lembrete Revisão" })).toEqual(["name:templateName"]);
    expect(issues({ language: "fr" })).toEqual(["language:languageRequired"]);
    expect(issues({ body: "  " })).toEqual(["body:templateBodyRequired"]);
    expect(issues({ body: "x".repeat(1025) })).toEqual(["body:templateBodyTooLong"]);
    expect(issues({ body: "Oi {{1}} e {{3}}", variable_3: "free" })).toEqual(["body:templateVariablesSequence"]);
    expect(issues({ body: "Oi {{1}} e {{2}}" })).toEqual(["variable_2:templateVariableMapping"]);
    expect(issues({ variable_1: "customer.cpf" })).toEqual(["variable_1:templateVariableMapping"]);
    expect(issues({ button_1: "Um texto grande demais!" })).toEqual(["button_1:buttonText"]);
    expect(issues({ button_1: "Sim", button_3: "sim" })).toEqual(["button_3:buttonsUnique"]);
  });
});

describe("saveTemplate", () => {
  let id: string;

  it("creates a template in the company and lists it", async () => {
    ({ id } = await saveTemplate(t.db, form(), { companyIds: [s.sp], now: NOW }));
    const listed = await listCompanyTemplates(t.db, s.sp);
    expect(listed.find((row) => row.id === id)).toMatchObject({
      name: "lembrete_revisao",
      status: "APPROVED",
      variables: { "1": "customer.name", "2": "company.name" },
      buttons: [
        { type: "QUICK_REPLY", text: "Confirmar" },
        { type: "QUICK_REPLY", text: "Remarcar" },
      ],
    });
    expect((await listCompanyTemplates(t.db, s.cps)).some((row) => row.name === "lembrete_revisao")).toBe(false);
  });

  it("refuses the same name and language twice in a company, on the name field", async () => {
    const error = await userError(saveTemplate(t.db, form({ body: "Outro texto" }), { companyIds: [s.sp], now: NOW }));
    expect(error.code).toBe("template_exists");
    expect(error.fieldErrors).toEqual({ name: ["templateExists"] });
    // Another language, or another company, is another template.
    await saveTemplate(t.db, form({ language: "en_US", body: "Hi {{1}}", variable_1: "customer.name" }), { companyIds: [s.sp], now: NOW });
    await saveTemplate(t.db, form({ companyId: s.cps }), { companyIds: [s.cps], now: NOW });
  });

  it("edits everything but the name and language", async () => {
    await saveTemplate(t.db, form({ id, name: "renomeado", language: "es", body: "Oi {{1}}", variable_1: "agent.name", button_1: "", button_3: "", status: "PENDING" }), {
      companyIds: [s.sp],
      now: NOW,
    });
    expect(await getTemplate(t.db, { companyIds: [s.sp] }, id)).toMatchObject({
      name: "lembrete_revisao",
      language: "pt_BR",
      status: "PENDING",
      body: "Oi {{1}}",
      variables: { "1": "agent.name" },
      buttons: [],
    });
  });

  it("refuses a company outside the scope, and an edit of another company's template", async () => {
    expect((await userError(saveTemplate(t.db, form({ name: "fora" }), { companyIds: [s.cps], now: NOW }))).code).toBe("forbidden");
    // The id of São Paulo's template sent as Campinas' (a forged form): nothing changes.
    expect((await userError(saveTemplate(t.db, form({ id, companyId: s.cps }), { companyIds: [s.cps], now: NOW }))).code).toBe("not_found");
    expect(await getTemplate(t.db, { companyIds: [s.cps] }, id)).toBeNull();
    expect((await getTemplate(t.db, { companyIds: [s.sp] }, id))?.body).toBe("Oi {{1}}");
  });
});

describe("setTemplateStatus", () => {
  it("changes the status of a template of the user's companies", async () => {
    const [pending] = await t.db
      .select({ id: messageTemplates.id })
      .from(messageTemplates)
      .where(and(eq(messageTemplates.companyId, s.sp), eq(messageTemplates.name, "promocao_black_friday")));
    await setTemplateStatus(t.db, templateStatusSchema.parse({ id: pending.id, status: "APPROVED" }), { companyIds: [s.sp], now: NOW });
    expect((await getTemplate(t.db, { companyIds: [s.sp] }, pending.id))?.status).toBe("APPROVED");

    // Outside the scope: refused, unchanged.
    const error = await userError(setTemplateStatus(t.db, { id: pending.id, status: "REJECTED" }, { companyIds: [s.net], now: NOW }));
    expect(error.code).toBe("not_found");
    expect((await getTemplate(t.db, { companyIds: [s.sp] }, pending.id))?.status).toBe("APPROVED");
  });
});

describe("syncTemplates", () => {
  const remote: ProviderTemplate[] = [
    // Already seeded in the company: updated, its variable mapping kept.
    {
      name: "retomar_atendimento",
      language: "pt_BR",
      category: "UTILITY",
      status: "REJECTED",
      body: "Olá {{1}}, aqui é da {{2}}. Seguimos por aqui? {{3}}",
      buttons: [{ type: "QUICK_REPLY", text: "Sim" }],
    },
    // New: created, its variable free.
    { name: "pesquisa_satisfacao", language: "pt_BR", category: "MARKETING", status: "PENDING", body: "{{1}}, como foi o atendimento?", buttons: [] },
  ];

  it("upserts the provider's templates by company, name and language", async () => {
    const gateway = fakeGateway(remote);
    expect(await syncTemplates(t.db, gateway, { companyId: s.net }, { companyIds: [s.net], now: NOW })).toEqual({ received: 2, created: 1, updated: 1 });
    const rows = await listCompanyTemplates(t.db, s.net);
    expect(rows.find((r) => r.name === "retomar_atendimento")).toMatchObject({
      status: "REJECTED",
      body: "Olá {{1}}, aqui é da {{2}}. Seguimos por aqui? {{3}}",
      variables: { "1": "customer.name", "2": "company.name", "3": "free" },
      buttons: [{ type: "QUICK_REPLY", text: "Sim" }],
    });
    expect(rows.find((r) => r.name === "pesquisa_satisfacao")).toMatchObject({ status: "PENDING", category: "MARKETING", variables: { "1": "free" } });
    expect(rows.filter((r) => r.name === "retomar_atendimento")).toHaveLength(1);
    // Seeded templates Meta did not list stay.
    expect(rows.some((r) => r.name === "cobranca_atraso")).toBe(true);

    // Running it again changes nothing but counts updates.
    expect(await syncTemplates(t.db, gateway, { companyId: s.net }, { companyIds: [s.net], now: NOW })).toEqual({ received: 2, created: 0, updated: 2 });
    expect((await listCompanyTemplates(t.db, s.net)).length).toBe(rows.length);
    // Other companies untouched.
    expect((await listCompanyTemplates(t.db, s.cps)).some((r) => r.name === "pesquisa_satisfacao")).toBe(false);
  });

  it("refuses a company outside the scope without calling the provider, and reports provider errors", async () => {
    const gateway = fakeGateway(remote);
    expect((await userError(syncTemplates(t.db, gateway, { companyId: s.net }, { companyIds: [s.sp], now: NOW }))).code).toBe("forbidden");
    expect(gateway.listTemplates).not.toHaveBeenCalled();

    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const failing = fakeGateway(new Error("WhatsApp 190: token expired"));
      expect((await userError(syncTemplates(t.db, failing, { companyId: s.net }, { companyIds: [s.net], now: NOW }))).code).toBe("templates_sync_failed");
    } finally {
      spy.mockRestore();
    }
  });
});
