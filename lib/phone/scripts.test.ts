import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/db/seed";
import { UserError } from "@/lib/errors";
import { seeded, type Seeded } from "@/test/fixtures";
import { createTestDb, type TestDb } from "@/test/db";
import { saveScriptSchema } from "./schema";
import { getScript, listScripts, saveScript, scriptFor, scriptVersionById } from "./scripts";

const NOW = new Date("2026-12-04T15:00:00.000Z");
let t: TestDb;
let s: Seeded;
let admin: string;

beforeAll(async () => {
  t = await createTestDb();
  await seed(t.db, { now: NOW, customers: 6 });
  s = await seeded(t.db);
  admin = await s.userId("admin@atende.dev");
});
afterAll(() => t?.close());

const q = (id: string, options: { id: string; label: string; next: string | null; outcome?: "resolve" | "transfer" | null }[]) => ({ id, text: `Pergunta ${id}?`, customerHelp: "", operatorHelp: "", options });

describe("saving scripts", () => {
  it("saves versions: each save a new one, the old one kept for the reports that used it", async () => {
    const input = saveScriptSchema.parse({
      companyId: s.net,
      name: "Troca de plano",
      planName: "Fibra 500 Mega",
      definition: { start: "a", questions: [q("a", [{ id: "1", label: "Quer mais velocidade", next: "b" }, { id: "2", label: "Só dúvida", next: null, outcome: "resolve" }]), q("b", [{ id: "3", label: "Aceitou", next: null, outcome: "resolve" }])] },
    });
    const first = await saveScript(t.db, input, { userId: admin, now: NOW });
    expect(first.version).toBe(1);
    const second = await saveScript(t.db, { ...input, scriptId: first.scriptId, definition: { start: "a", questions: [q("a", [{ id: "1", label: "Só dúvida", next: null }])] } }, { userId: admin, now: NOW });
    expect(second).toMatchObject({ scriptId: first.scriptId, version: 2 });
    expect((await scriptVersionById(t.db, s.net, first.versionId))?.definition.questions).toHaveLength(2);
    expect((await getScript(t.db, [s.net], first.scriptId))?.version).toBe(2);
    expect(await getScript(t.db, [s.sp], first.scriptId)).toBeNull();
    // The plan's own script wins over the company default; another plan gets the default.
    expect((await scriptFor(t.db, s.net, "Fibra 500 Mega"))?.name).toBe("Troca de plano");
    expect((await scriptFor(t.db, s.net, "Fibra 100 Mega"))?.name).toBe("Suporte: sem conexão ou lentidão");
  });

  it("refuses an unreachable question, a loop with no exit and a script with no end, naming them", async () => {
    const attempt = async (definition: unknown) => {
      try {
        await saveScript(t.db, saveScriptSchema.parse({ companyId: s.net, name: "Ruim", definition }), { userId: admin, now: NOW });
      } catch (e) {
        if (e instanceof UserError) return { code: e.code, problems: e.fieldErrors?.definition };
        throw e;
      }
      return null;
    };
    expect(await attempt({ start: "a", questions: [q("a", [{ id: "1", label: "fim", next: null }]), q("b", [{ id: "2", label: "fim", next: null }])] })).toEqual({ code: "script_invalid", problems: ["unreachable:b"] });
    expect(await attempt({ start: "a", questions: [q("a", [{ id: "1", label: "x", next: "b" }, { id: "2", label: "fim", next: null }]), q("b", [{ id: "3", label: "y", next: "b" }])] })).toEqual({ code: "script_invalid", problems: ["no_exit:b"] });
    expect(await attempt({ start: "a", questions: [q("a", [{ id: "1", label: "x", next: "a" }])] })).toEqual({ code: "script_invalid", problems: ["no_end"] });
    expect(await getScript(t.db, [s.net], "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

describe("the scripts list", () => {
  it("lists the company's scripts with their latest version and runs", async () => {
    const rows = await listScripts(t.db, s.sp);
    expect(rows).toEqual([{ id: expect.any(String), name: "Oficina: motivo da ligação", planName: null, active: true, version: 1, runs: 0 }]);
  });
});
