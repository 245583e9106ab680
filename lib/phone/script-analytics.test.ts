import { describe, expect, it } from "vitest";
import { tallyRuns } from "./script-analytics";

describe("script analytics", () => {
  it("counts the runs reaching each question and how they ended there: by outcome, or abandoned", () => {
    const stats = tallyRuns([
      // Sem conexão → Todas verdes → Voltou: resolved at "reiniciar".
      { answers: [{ questionId: "tipo", optionId: "sem" }, { questionId: "luzes", optionId: "verdes" }, { questionId: "reiniciar", optionId: "voltou" }], endedAtQuestion: null, completed: true, outcome: "resolve" },
      // LOS vermelha: a service order at "luzes".
      { answers: [{ questionId: "tipo", optionId: "sem" }, { questionId: "luzes", optionId: "los" }], endedAtQuestion: null, completed: true, outcome: "service_order" },
      // Closed while "luzes" was shown: abandoned there.
      { answers: [{ questionId: "tipo", optionId: "sem" }], endedAtQuestion: "luzes", completed: false, outcome: null },
      // Closed at once, nothing answered: abandoned at the first question.
      { answers: [], endedAtQuestion: "tipo", completed: false, outcome: null },
      { answers: [{ questionId: "tipo", optionId: "outro" }], endedAtQuestion: null, completed: true, outcome: "transfer" },
    ]);
    expect(stats.get("tipo")).toEqual({ reached: 5, resolve: 0, transfer: 1, service_order: 0, ended: 0, abandoned: 1 });
    expect(stats.get("luzes")).toEqual({ reached: 3, resolve: 0, transfer: 0, service_order: 1, ended: 0, abandoned: 1 });
    expect(stats.get("reiniciar")).toEqual({ reached: 1, resolve: 1, transfer: 0, service_order: 0, ended: 0, abandoned: 0 });
    expect(stats.has("wifi")).toBe(false);
  });
});
