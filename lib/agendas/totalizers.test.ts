import { describe, expect, it } from "vitest";
import { AGENDA_STATUSES } from "@/db/schema/agendas";
import { TOTALIZERS, totalizerOf } from "./totalizers";

describe("totalizerOf", () => {
  it.each([
    ["pendente", "ativos_pendentes"],
    ["recusou", "recusou"],
    ["pediu_ligar", "pediu_ligar"],
    ["agendou", "agendou"],
    ["nao_respondeu", "nao_respondeu"],
    ["no_show", "no_show"],
  ] as const)("an active agenda in %s counts under %s", (status, totalizer) => {
    expect(totalizerOf({ direction: "ativo", status })).toBe(totalizer);
  });

  it.each(AGENDA_STATUSES)("a passive agenda counts under Cliente Passivo whatever its status (%s)", (status) => {
    expect(totalizerOf({ direction: "passivo", status })).toBe("passivo");
  });

  it("a pending passive agenda is not an Ativo Pendente", () => {
    expect(totalizerOf({ direction: "passivo", status: "pendente" })).not.toBe("ativos_pendentes");
  });

  it("a concluded active agenda counts nowhere", () => {
    expect(totalizerOf({ direction: "ativo", status: "concluido" })).toBeNull();
  });

  it("every active status except concluido lands in exactly one of the six status totalizers", () => {
    const landed = AGENDA_STATUSES.map((status) => totalizerOf({ direction: "ativo", status })).filter((t) => t !== null);
    expect(new Set(landed)).toEqual(new Set(TOTALIZERS.filter((t) => t !== "passivo")));
    expect(landed).toHaveLength(AGENDA_STATUSES.length - 1);
  });
});
