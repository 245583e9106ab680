import { describe, expect, it } from "vitest";
import { allTemplateValuesFilled, checkTemplateValues, fillTemplate, isValidTemplateParam, templateVariables } from "./template-text";

const BODY = "Olá {{1}}, sua revisão do {{2}} está marcada. Até logo, {{1}}!";

describe("template variables", () => {
  it("lists the numbers of a body once each, ascending", () => {
    expect(templateVariables(BODY)).toEqual([1, 2]);
    expect(templateVariables("{{3}} e {{1}} e {{ 2 }}")).toEqual([1, 2, 3]);
    expect(templateVariables("Sem variáveis")).toEqual([]);
    expect(templateVariables("{{nome}} não é variável")).toEqual([]);
  });

  it("fills from a list (values[0] → {{1}}) or by number, every occurrence", () => {
    expect(fillTemplate(BODY, ["Maria", "Onix"])).toBe("Olá Maria, sua revisão do Onix está marcada. Até logo, Maria!");
    expect(fillTemplate(BODY, { "1": "João", "2": "HB20" })).toBe("Olá João, sua revisão do HB20 está marcada. Até logo, João!");
  });

  it("leaves unfilled or blank variables visible", () => {
    expect(fillTemplate(BODY, ["Maria"])).toBe("Olá Maria, sua revisão do {{2}} está marcada. Até logo, Maria!");
    expect(fillTemplate(BODY, ["  ", null])).toBe(BODY);
  });

  it("trims values and does not treat $ patterns specially", () => {
    expect(fillTemplate("Total: {{1}}", ["  R$ 10,00 $& $1 "])).toBe("Total: R$ 10,00 $& $1");
  });

  it("validates that every variable is filled and returns the parameters in order", () => {
    expect(checkTemplateValues(BODY, ["Maria", "Onix"])).toEqual({
      ok: true,
      params: ["Maria", "Onix"],
      text: "Olá Maria, sua revisão do Onix está marcada. Até logo, Maria!",
    });
    expect(checkTemplateValues(BODY, ["Maria", ""])).toEqual({ ok: false, missing: [2], invalid: [] });
    expect(checkTemplateValues(BODY, {})).toEqual({ ok: false, missing: [1, 2], invalid: [] });
    expect(allTemplateValuesFilled(BODY, ["Maria", "Onix"])).toBe(true);
    expect(allTemplateValuesFilled(BODY, ["Maria"])).toBe(false);
    expect(checkTemplateValues("Sem variáveis", [])).toEqual({ ok: true, params: [], text: "Sem variáveis" });
  });

  it("needs the gaps filled too, since the Cloud API numbers parameters by position", () => {
    expect(checkTemplateValues("{{1}} e {{3}}", { "1": "a", "3": "c" })).toEqual({ ok: false, missing: [2], invalid: [] });
  });

  it("rejects parameters the Cloud API refuses (new lines, tabs, 5+ spaces)", () => {
    expect(isValidTemplateParam("Maria")).toBe(true);
    expect(isValidTemplateParam("linha\noutra")).toBe(false);
    expect(isValidTemplateParam("a\tb")).toBe(false);
    expect(isValidTemplateParam("a     b")).toBe(false);
    expect(checkTemplateValues(BODY, ["Maria", "x\ny"])).toEqual({ ok: false, missing: [], invalid: [2] });
  });
});
