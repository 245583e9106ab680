import { describe, expect, it } from "vitest";
import { DEMO_SCRIPTS } from "./demo-scripts";
import { answerQuestion, currentAnswer, currentQuestion, goBack, isFinished, scriptReport, startRun, validateScript, type RunState, type ScriptDefinition } from "./script-engine";

const net = DEMO_SCRIPTS.find((s) => s.company === "net")!.definition;

function run(def: ScriptDefinition, optionIds: string[], state: RunState = startRun()) {
  return optionIds.reduce<RunState>((s, id) => {
    const next = answerQuestion(def, s, id);
    if (!next) throw new Error(`option ${id} not offered at ${currentQuestion(def, s)?.id}`);
    return next;
  }, state);
}

describe("script engine", () => {
  it("starts at the first question and follows the branch of each answer to the end", () => {
    const s0 = startRun();
    expect(currentQuestion(net, s0)?.id).toBe("tipo");
    const s1 = run(net, ["sem"]);
    expect(currentQuestion(net, s1)?.id).toBe("luzes");
    const s2 = run(net, ["verdes"], s1);
    expect(currentQuestion(net, s2)?.id).toBe("reiniciar");
    const s3 = run(net, ["voltou"], s2);
    expect(isFinished(net, s3)).toBe(true);
    expect(scriptReport(net, s3)).toEqual({
      items: [
        { question: "O cliente está sem conexão ou com lentidão?", answer: "Sem conexão" },
        { question: "Como estão as luzes do roteador?", answer: "Todas verdes" },
        { question: "O cliente reiniciou o roteador (desligar por 30 segundos)?", answer: "Voltou a funcionar" },
      ],
      completed: true,
      outcome: "resolve",
    });
  });

  it("refuses an option the question shown does not offer", () => {
    expect(answerQuestion(net, startRun(), "verdes")).toBeNull();
    const done = run(net, ["outro"]);
    expect(answerQuestion(net, done, "sem")).toBeNull();
  });

  it("Anterior shows the earlier question with its answer; the same answer again keeps the rest", () => {
    const s = run(net, ["sem", "verdes"]);
    const back = goBack(goBack(s));
    expect(currentQuestion(net, back)?.id).toBe("tipo");
    expect(currentAnswer(back)).toBe("sem");
    expect(goBack(back)).toEqual(back);
    const again = run(net, ["sem"], back);
    expect(currentQuestion(net, again)?.id).toBe("luzes");
    expect(currentAnswer(again)).toBe("verdes");
    expect(again.answers).toHaveLength(2);
  });

  it("changing an earlier answer drops the answers of the branch no longer taken", () => {
    const s = run(net, ["sem", "verdes", "continua"]);
    const changed = run(net, ["lenta"], goBack(goBack(goBack(s))));
    expect(changed.answers).toEqual([{ questionId: "tipo", optionId: "lenta" }]);
    expect(currentQuestion(net, changed)?.id).toBe("wifi");
    const report = scriptReport(net, run(net, ["so-wifi"], changed));
    expect(report.items.map((i) => i.answer)).toEqual(["Lentidão", "Só no Wi-Fi"]);
    expect(report.outcome).toBe("resolve");
  });

  it("a changed answer leading to the same question keeps the answers after it", () => {
    const def: ScriptDefinition = {
      start: "canal",
      questions: [
        { id: "canal", text: "Canal?", customerHelp: "", operatorHelp: "", options: [{ id: "tel", label: "Telefone", next: "nota" }, { id: "loja", label: "Loja", next: "nota" }] },
        { id: "nota", text: "Nota?", customerHelp: "", operatorHelp: "", options: [{ id: "5", label: "5", next: null, outcome: "resolve" }, { id: "1", label: "1", next: null, outcome: "transfer" }] },
      ],
    };
    const s = run(def, ["tel", "1"]);
    const changed = run(def, ["loja"], goBack(goBack(s)));
    expect(changed.answers.map((a) => a.optionId)).toEqual(["loja", "1"]);
    expect(currentAnswer(changed)).toBe("1");
    expect(scriptReport(def, changed)).toMatchObject({ completed: true, outcome: "transfer" });
  });

  it("Encerrar Script early reports the answers so far, not completed; with none, an empty report", () => {
    expect(scriptReport(net, startRun())).toEqual({ items: [], completed: false, outcome: null });
    const partial = scriptReport(net, run(net, ["sem"]));
    expect(partial).toEqual({ items: [{ question: "O cliente está sem conexão ou com lentidão?", answer: "Sem conexão" }], completed: false, outcome: null });
  });
});

const base = (questions: ScriptDefinition["questions"], start = "a"): ScriptDefinition => ({ start, questions });
const ask = (id: string, options: ScriptDefinition["questions"][number]["options"]) => ({ id, text: id, customerHelp: "", operatorHelp: "", options });

describe("validateScript", () => {
  it("accepts the demo scripts", () => {
    for (const s of DEMO_SCRIPTS) expect(validateScript(s.definition)).toEqual([]);
  });

  it("refuses an unreachable question", () => {
    const def = base([ask("a", [{ id: "1", label: "fim", next: null }]), ask("b", [{ id: "2", label: "fim", next: null }])]);
    expect(validateScript(def)).toEqual([{ code: "unreachable", questionId: "b" }]);
  });

  it("refuses a loop with no way out, even when the rest of the script ends", () => {
    const def = base([
      ask("a", [{ id: "1", label: "x", next: "b" }, { id: "2", label: "fim", next: null }]),
      ask("b", [{ id: "3", label: "y", next: "c" }]),
      ask("c", [{ id: "4", label: "z", next: "b" }]),
    ]);
    expect(validateScript(def)).toEqual([
      { code: "no_exit", questionId: "b" },
      { code: "no_exit", questionId: "c" },
    ]);
    // A loop with an exit is fine: the agent can ask again.
    const withExit = base([ask("a", [{ id: "1", label: "de novo", next: "a" }, { id: "2", label: "fim", next: null }])]);
    expect(validateScript(withExit)).toEqual([]);
  });

  it("refuses a script with no end, no questions, a bad start, an unknown target or an outcome mid-way", () => {
    expect(validateScript(base([ask("a", [{ id: "1", label: "x", next: "a" }])]))).toEqual([{ code: "no_end" }]);
    expect(validateScript(base([]))).toEqual([{ code: "no_questions" }]);
    expect(validateScript(base([ask("a", [{ id: "1", label: "x", next: null }])], "z"))).toEqual([{ code: "bad_start" }]);
    expect(validateScript(base([ask("a", [{ id: "1", label: "x", next: "q" }, { id: "2", label: "fim", next: null }])]))).toEqual([
      { code: "unknown_next", questionId: "a", optionId: "1" },
    ]);
    expect(
      validateScript(base([ask("a", [{ id: "1", label: "x", next: "b", outcome: "resolve" }]), ask("b", [{ id: "2", label: "fim", next: null }])])),
    ).toEqual([{ code: "outcome_not_at_end", questionId: "a", optionId: "1" }]);
    expect(validateScript(base([ask("a", [])]))).toEqual([{ code: "no_options", questionId: "a" }]);
  });
});
