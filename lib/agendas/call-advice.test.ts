import { describe, expect, it } from "vitest";
import { callAdvice } from "./call-advice";

const now = new Date("2026-11-22T15:00:00.000Z");
const DAY = 86_400_000;
const ago = (ms: number) => new Date(now.getTime() - ms);
const opts = { noReplyDays: 3, now };

type Facts = Parameters<typeof callAdvice>[0];
const agenda = (facts: Partial<Facts>): Facts => ({
  status: "pendente",
  origin: "automatica",
  whatsappState: "nao_enviado",
  whatsappReason: null,
  whatsappAt: null,
  ...facts,
});

describe("callAdvice — (1) no message reached the customer: Ligar with the reason", () => {
  it.each(["celular_invalido", "optout", "erro_envio", "manual"] as const)("nao_enviado / %s", (reason) => {
    expect(callAdvice(agenda({ whatsappState: "nao_enviado", whatsappReason: reason }), opts)).toEqual({
      kind: "call",
      reason,
    });
  });

  it("an automatic agenda not tried yet waits for the invitation job: no call that would cross the message", () => {
    expect(callAdvice(agenda({ whatsappState: "nao_enviado", whatsappReason: null }), opts)).toEqual({ kind: "queued" });
  });

  it("a manual agenda never sent is the agent's to call", () => {
    expect(callAdvice(agenda({ origin: "manual", whatsappState: "nao_enviado", whatsappReason: null }), opts)).toEqual({
      kind: "call",
      reason: "manual",
    });
  });

  it("an unknown reason is shown as a send error, still Ligar", () => {
    expect(callAdvice(agenda({ whatsappState: "nao_enviado", whatsappReason: "algo_novo" }), opts)).toEqual({
      kind: "call",
      reason: "erro_envio",
    });
  });

  it("an agenda the customer never answered but that was never sent says why it was not sent", () => {
    expect(callAdvice(agenda({ status: "nao_respondeu", whatsappReason: "optout" }), opts)).toEqual({
      kind: "call",
      reason: "optout",
    });
  });

  it("falhou at the provider counts as not sent and carries the provider's error", () => {
    const detail = "131049 · Mensagem não entregue para preservar o engajamento do cliente";
    expect(
      callAdvice(agenda({ whatsappState: "falhou", whatsappReason: detail, whatsappAt: ago(60_000) }), opts),
    ).toEqual({ kind: "call", reason: "falha_provedor", detail });
  });

  it("falhou with 131026 says the number is not on WhatsApp, 131050 that marketing was stopped, even fresh", () => {
    expect(callAdvice(agenda({ whatsappState: "falhou", whatsappReason: "131026 · Número não está no WhatsApp", whatsappAt: now }), opts)).toEqual({
      kind: "call",
      reason: "nao_esta_no_whatsapp",
    });
    expect(callAdvice(agenda({ whatsappState: "falhou", whatsappReason: "131050 · bloqueou", whatsappAt: now }), opts)).toEqual({
      kind: "call",
      reason: "bloqueou_marketing",
    });
  });
});

describe("callAdvice — (2) sent and no answer after noReplyDays", () => {
  it.each(["enviado", "entregue", "lido"] as const)("%s exactly noReplyDays ago → Ligar sem_resposta", (state) => {
    expect(callAdvice(agenda({ whatsappState: state, whatsappAt: ago(3 * DAY) }), opts)).toEqual({
      kind: "call",
      reason: "sem_resposta",
    });
  });

  it.each(["enviado", "entregue", "lido"] as const)("%s long ago → Ligar sem_resposta", (state) => {
    expect(callAdvice(agenda({ whatsappState: state, whatsappAt: ago(10 * DAY) }), opts)).toMatchObject({
      kind: "call",
      reason: "sem_resposta",
    });
  });

  it.each(["enviado", "entregue", "lido"] as const)("%s one minute short of noReplyDays → handled on WhatsApp", (state) => {
    expect(callAdvice(agenda({ whatsappState: state, whatsappAt: ago(3 * DAY - 60_000) }), opts)).toEqual({
      kind: "whatsapp",
    });
  });

  it("the program's noReplyDays decides: 2 days waited is enough for a 2-day program, not for a 5-day one", () => {
    const sent = agenda({ whatsappState: "lido", whatsappAt: ago(2 * DAY) });
    expect(callAdvice(sent, { noReplyDays: 2, now })).toEqual({ kind: "call", reason: "sem_resposta" });
    expect(callAdvice(sent, { noReplyDays: 5, now })).toEqual({ kind: "whatsapp" });
  });

  it("status nao_respondeu → Ligar sem_resposta, even when the message is recent", () => {
    expect(callAdvice(agenda({ status: "nao_respondeu", whatsappState: "entregue", whatsappAt: ago(DAY) }), opts)).toEqual({
      kind: "call",
      reason: "sem_resposta",
    });
  });
});

describe("callAdvice — (3) the customer asked for a call", () => {
  it("pediu_ligar → Ligar pediu_ligar", () => {
    expect(callAdvice(agenda({ status: "pediu_ligar", whatsappState: "lido", whatsappAt: ago(DAY) }), opts)).toEqual({
      kind: "call",
      reason: "pediu_ligar",
    });
  });

  it("pediu_ligar wins even when the WhatsApp state is respondido (asked on the chatbot)", () => {
    expect(
      callAdvice(agenda({ status: "pediu_ligar", whatsappState: "respondido", whatsappAt: ago(60_000) }), opts),
    ).toEqual({ kind: "call", reason: "pediu_ligar" });
  });
});

describe("callAdvice — otherwise no Ligar badge", () => {
  it("respondido → being handled on WhatsApp, however long ago", () => {
    expect(callAdvice(agenda({ whatsappState: "respondido", whatsappAt: ago(60_000) }), opts)).toEqual({ kind: "whatsapp" });
    expect(callAdvice(agenda({ whatsappState: "respondido", whatsappAt: ago(30 * DAY) }), opts)).toEqual({ kind: "whatsapp" });
  });

  it.each(["agendou", "recusou", "concluido"] as const)("finished status %s → done, whatever the WhatsApp state", (status) => {
    expect(callAdvice(agenda({ status, whatsappState: "nao_enviado", whatsappReason: "celular_invalido" }), opts)).toEqual({
      kind: "done",
    });
    expect(callAdvice(agenda({ status, whatsappState: "falhou", whatsappReason: "x", whatsappAt: ago(DAY) }), opts)).toEqual({
      kind: "done",
    });
    expect(callAdvice(agenda({ status, whatsappState: "lido", whatsappAt: ago(30 * DAY) }), opts)).toEqual({ kind: "done" });
  });

  it("no_show after the no-show template went out → handled on WhatsApp (no call crossing the message)", () => {
    expect(callAdvice(agenda({ status: "no_show", whatsappState: "enviado", whatsappAt: ago(2 * 3_600_000) }), opts)).toEqual({
      kind: "whatsapp",
    });
  });

  it("no_show whose template got no answer within noReplyDays → Ligar sem_resposta", () => {
    expect(callAdvice(agenda({ status: "no_show", whatsappState: "entregue", whatsappAt: ago(4 * DAY) }), opts)).toEqual({
      kind: "call",
      reason: "sem_resposta",
    });
  });
});
