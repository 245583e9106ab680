import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { createTestDb, type TestDb } from "@/test/db";
import { seeded, type Seeded } from "@/test/fixtures";
import { campaignSchema, programSchema } from "./program-schema";
import { getCampaign, getProgram, listCampaigns, listPrograms, saveCampaign, saveProgram } from "./programs";

let t: TestDb;
let s: Seeded;
let spProgram: NonNullable<Awaited<ReturnType<typeof getProgram>>>;
let netProgramId: string;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { customers: 30, now: new Date("2026-03-02T12:00:00.000Z") });
  s = await seeded(t.db);
  [spProgram] = await listPrograms(t.db, s.sp);
  [{ id: netProgramId }] = await listPrograms(t.db, s.net);
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

/** The program form as the settings screen sends it: strings, and switches "on" or absent. */
function rawProgramForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: spProgram.id,
    companyId: s.sp,
    campaignId: spProgram.campaignId,
    name: "Revisão anual",
    cycleMonths: "6",
    cycleKm: "",
    contactDaysBefore: "20",
    invitationTemplate: "convite_revisao",
    confirmationTemplate: "",
    confirmDaysBefore: "1",
    noShowTemplate: "reagendar_no_show",
    noShowToleranceMinutes: "90",
    noReplyDays: "5",
    active: "on",
    ...overrides,
  };
}

function programForm(overrides: Record<string, unknown> = {}) {
  return programSchema.parse(rawProgramForm(overrides));
}

describe("programs", () => {
  it("lists the company's programs with their campaign", async () => {
    expect(spProgram).toMatchObject({ companyId: s.sp, name: "Revisão a cada 12 meses ou 10.000 km", campaignName: "Revisão Programada 2026" });
    expect((await listPrograms(t.db, s.sp)).every((p) => p.companyId === s.sp)).toBe(true);
    expect((await listCampaigns(t.db, s.sp)).map((c) => [c.name, c.active, c.programCount])).toEqual([
      ["Revisão Programada 2026", true, 1],
      ["Recall Airbag 2025", false, 0],
    ]);
  });

  it("saves the parameters and reads them back", async () => {
    await saveProgram(t.db, programForm(), { companyIds: [s.sp] });
    expect(await getProgram(t.db, { companyIds: [s.sp] }, spProgram.id)).toEqual({
      id: spProgram.id,
      companyId: s.sp,
      campaignId: spProgram.campaignId,
      name: "Revisão anual",
      cycleMonths: 6,
      cycleKm: null,
      contactDaysBefore: 20,
      invitationTemplate: "convite_revisao",
      confirmationTemplate: null,
      confirmDaysBefore: 1,
      noShowTemplate: "reagendar_no_show",
      noShowToleranceMinutes: 90,
      noReplyDays: 5,
      autoSend: false,
      active: true,
    });
  });

  it("takes only the company's approved templates (issue 11, item 9)", async () => {
    for (const name of ["modelo_que_nao_existe", "promocao_black_friday", "cobranca_atraso"]) {
      const error = await saveProgram(t.db, programForm({ confirmationTemplate: name }), { companyIds: [s.sp] }).catch((e: unknown) => e);
      expect(error, name).toMatchObject({ code: "invalid_input", fieldErrors: { confirmationTemplate: ["templateNotApproved"] } });
    }
    expect((await getProgram(t.db, { companyIds: [s.sp] }, spProgram.id))?.confirmationTemplate).not.toBe("modelo_que_nao_existe");
  });

  it("creates a program in a campaign of its company", async () => {
    const { id } = await saveProgram(t.db, programForm({ id: undefined, name: "Troca de óleo", cycleKm: "5000", autoSend: "on" }), {
      companyIds: [s.sp],
    });
    expect(await getProgram(t.db, { companyIds: [s.sp] }, id)).toMatchObject({ companyId: s.sp, cycleKm: 5000, autoSend: true });
    expect((await listPrograms(t.db, s.sp)).map((p) => p.name)).toContain("Troca de óleo");
  });

  it("refuses a company outside the scope, another company's program, and another company's campaign", async () => {
    // The company is not the user's.
    expect(await userErrorCode(saveProgram(t.db, programForm({ id: netProgramId, companyId: s.net }), { companyIds: [s.sp] }))).toBe("forbidden");
    // A program of Conecta passed off as São Paulo's: the update's where clause finds nothing.
    expect(await userErrorCode(saveProgram(t.db, programForm({ id: netProgramId, noReplyDays: "9" }), { companyIds: [s.sp, s.net] }))).toBe(
      "not_found",
    );
    expect(await getProgram(t.db, { companyIds: [s.net] }, netProgramId)).toMatchObject({ companyId: s.net, noReplyDays: 2 });
    // A campaign of Conecta for a São Paulo program.
    const [netCampaign] = await listCampaigns(t.db, s.net);
    const error = await saveProgram(t.db, programForm({ campaignId: netCampaign.id }), { companyIds: [s.sp, s.net] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", fieldErrors: { campaignId: ["campaignRequired"] } });
    // Reading is scoped too.
    expect(await getProgram(t.db, { companyIds: [s.sp] }, netProgramId)).toBeNull();
    expect(await getProgram(t.db, { companyIds: [] }, netProgramId)).toBeNull();
  });

  it("validates the ranges and template names", () => {
    const issues = (overrides: Record<string, unknown>) => {
      const result = programSchema.safeParse(rawProgramForm(overrides));
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(issues({})).toEqual([]);
    expect(issues({ noReplyDays: "0" })).toEqual(["noReplyDays:noReplyDays"]);
    expect(issues({ noReplyDays: "31" })).toEqual(["noReplyDays:noReplyDays"]);
    expect(issues({ cycleMonths: "1.5" })).toEqual(["cycleMonths:cycleMonths"]);
    expect(issues({ cycleKm: "100" })).toEqual(["cycleKm:cycleKm"]);
    expect(issues({ noShowToleranceMinutes: "1441" })).toEqual(["noShowToleranceMinutes:noShowToleranceMinutes"]);
    expect(issues({ invitationTemplate: "Convite Revisão" })).toEqual(["invitationTemplate:templateName"]);
    expect(issues({ campaignId: "" })).toEqual(["campaignId:campaignRequired"]);
  });
});

describe("campaigns", () => {
  it("creates and edits a campaign of the company", async () => {
    const { id } = await saveCampaign(
      t.db,
      campaignSchema.parse({ companyId: s.sp, name: "Inverno 2026", active: "on", startsOn: "2026-06-01", endsOn: "" }),
      { companyIds: [s.sp] },
    );
    expect(await getCampaign(t.db, { companyIds: [s.sp] }, id)).toMatchObject({ name: "Inverno 2026", active: true, startsOn: "2026-06-01", endsOn: null });
    await saveCampaign(t.db, campaignSchema.parse({ id, companyId: s.sp, name: "Inverno 2026", endsOn: "2026-08-31" }), { companyIds: [s.sp] });
    expect(await getCampaign(t.db, { companyIds: [s.sp] }, id)).toMatchObject({ active: false, startsOn: null, endsOn: "2026-08-31" });
    expect((await listCampaigns(t.db, s.sp)).find((c) => c.id === id)).toMatchObject({ programCount: 0 });
  });

  it("refuses another company's campaign and a period that ends before it starts", async () => {
    const [netCampaign] = await listCampaigns(t.db, s.net);
    const input = campaignSchema.parse({ id: netCampaign.id, companyId: s.sp, name: "Tomada" });
    expect(await userErrorCode(saveCampaign(t.db, input, { companyIds: [s.sp, s.net] }))).toBe("not_found");
    expect(await userErrorCode(saveCampaign(t.db, { ...input, companyId: s.net }, { companyIds: [s.sp] }))).toBe("forbidden");
    expect(await getCampaign(t.db, { companyIds: [s.net] }, netCampaign.id)).toMatchObject({ name: "Manutenção Preventiva Fibra" });
    const bad = campaignSchema.safeParse({ companyId: s.sp, name: "X", startsOn: "2026-05-01", endsOn: "2026-04-30" });
    expect(bad.success ? [] : bad.error.issues.map((i) => `${i.path.join(".")}:${i.message}`)).toEqual(["endsOn:periodOrder"]);
  });
});
