import { MARKETING_OPT_OUT_CODE, UNDELIVERABLE_CODE } from "@/lib/whatsapp/errors";
import { OPEN_AGENDA_STATUSES } from "./status";

export type CallReason =
  | "celular_invalido"
  | "optout"
  | "erro_envio"
  | "manual"
  | "falha_provedor"
  | "nao_esta_no_whatsapp"
  | "bloqueou_marketing"
  | "sem_resposta"
  | "pediu_ligar";

export type CallAdvice =
  | { kind: "call"; reason: CallReason; detail?: string | null }
  | { kind: "whatsapp" }
  /** An automatic agenda the invitation job has not sent yet: the message is on its way, no call. */
  | { kind: "queued" }
  | { kind: "done" };

type AgendaFacts = {
  status: string;
  origin: string;
  whatsappState: string;
  whatsappReason: string | null;
  whatsappAt: Date | null;
};

const OPEN_STATUSES = new Set<string>(OPEN_AGENDA_STATUSES);
const AWAITING_REPLY = new Set(["enviado", "entregue", "lido"]);

/**
 * Seed 000, "Canal de Contato": call only when (1) no message reached the customer, (2) the customer
 * did not answer within `noReplyDays`, or (3) the customer asked for a call. Otherwise the customer is
 * being handled on WhatsApp and a call would cross the message. Finished agendas need nothing.
 */
export function callAdvice(agenda: AgendaFacts, opts: { noReplyDays: number; now: Date }): CallAdvice {
  if (!OPEN_STATUSES.has(agenda.status)) return { kind: "done" };
  if (agenda.status === "pediu_ligar") return { kind: "call", reason: "pediu_ligar" };
  if (agenda.whatsappState === "nao_enviado") {
    // Never tried: an automatic agenda waits for the invitation job; a manual one is the agent's to call.
    if (agenda.whatsappReason === null) return agenda.origin === "automatica" ? { kind: "queued" } : { kind: "call", reason: "manual" };
    const reason = (["celular_invalido", "optout", "erro_envio", "manual"] as const).find((r) => r === agenda.whatsappReason);
    return { kind: "call", reason: reason ?? "erro_envio" };
  }
  if (agenda.whatsappState === "falhou") {
    // whatsappReason is "<code> · <title>": the codes a caller can act on get their own words.
    const code = Number.parseInt(agenda.whatsappReason ?? "", 10);
    if (code === UNDELIVERABLE_CODE) return { kind: "call", reason: "nao_esta_no_whatsapp" };
    if (code === MARKETING_OPT_OUT_CODE) return { kind: "call", reason: "bloqueou_marketing" };
    return { kind: "call", reason: "falha_provedor", detail: agenda.whatsappReason };
  }
  if (agenda.status === "nao_respondeu") return { kind: "call", reason: "sem_resposta" };
  if (AWAITING_REPLY.has(agenda.whatsappState) && agenda.whatsappAt) {
    const waitedMs = opts.now.getTime() - agenda.whatsappAt.getTime();
    if (waitedMs >= opts.noReplyDays * 86_400_000) return { kind: "call", reason: "sem_resposta" };
  }
  return { kind: "whatsapp" };
}
