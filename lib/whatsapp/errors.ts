/**
 * Graph API / WhatsApp error codes worth a name. Titles are pt-BR: they are stored on the message row
 * (messages.error_title) and shown next to a failed message.
 */
export type MappedError = { code: number; title: string; retryable: boolean };

export const WINDOW_CLOSED_CODE = 131047;
export const UNDELIVERABLE_CODE = 131026;
export const MARKETING_OPT_OUT_CODE = 131050;
export const RATE_LIMIT_CODE = 130429;
export const PAIR_RATE_LIMIT_CODE = 131056;
export const TEMPLATE_MISSING_CODE = 132001;
export const TEMPLATE_PAUSED_CODE = 132015;
export const TEMPLATE_DISABLED_CODE = 132016;
export const TOKEN_EXPIRED_CODE = 190;
/** Not a Graph code: the request never got an answer (network error, timeout, unreadable reply). */
export const TRANSPORT_ERROR_CODE = 0;

const KNOWN: Record<number, { title: string; retryable: boolean }> = {
  [WINDOW_CLOSED_CODE]: {
    title: "Mais de 24 horas desde a última mensagem do cliente: envie um modelo aprovado",
    retryable: false,
  },
  [UNDELIVERABLE_CODE]: { title: "Mensagem não entregue: o número não está no WhatsApp", retryable: false },
  [MARKETING_OPT_OUT_CODE]: { title: "O cliente optou por não receber mensagens de marketing", retryable: false },
  [RATE_LIMIT_CODE]: { title: "Limite de envios do número atingido: tente novamente em instantes", retryable: true },
  [PAIR_RATE_LIMIT_CODE]: {
    title: "Muitas mensagens seguidas para este cliente: tente novamente em instantes",
    retryable: true,
  },
  [TEMPLATE_MISSING_CODE]: { title: "Modelo inexistente ou não aprovado neste idioma", retryable: false },
  [TEMPLATE_PAUSED_CODE]: { title: "Modelo pausado pela Meta (baixa qualidade): escolha outro modelo", retryable: false },
  [TEMPLATE_DISABLED_CODE]: { title: "Modelo desativado pela Meta: escolha outro modelo", retryable: false },
  [TOKEN_EXPIRED_CODE]: { title: "Token de acesso do WhatsApp expirado ou inválido", retryable: false },
  [TRANSPORT_ERROR_CODE]: { title: "Falha de comunicação com o WhatsApp", retryable: true },
  // Temporary conditions Meta documents as "retry later".
  1: { title: "Erro temporário do WhatsApp: tente novamente", retryable: true },
  2: { title: "Serviço do WhatsApp indisponível no momento", retryable: true },
  4: { title: "Limite de chamadas da aplicação atingido", retryable: true },
  80007: { title: "Limite de chamadas da conta WhatsApp atingido", retryable: true },
  131000: { title: "Erro desconhecido no envio", retryable: true },
  131016: { title: "Serviço do WhatsApp sobrecarregado no momento", retryable: true },
  131048: { title: "Envio limitado pela qualidade do número (spam)", retryable: false },
  131049: { title: "Mensagem não entregue para preservar o engajamento do cliente", retryable: false },
  131051: { title: "Tipo de mensagem não suportado", retryable: false },
  132000: { title: "Quantidade de variáveis diferente da do modelo", retryable: false },
  132012: { title: "Variáveis do modelo em formato inválido", retryable: false },
};

/** The known ones get a fixed pt-BR title; others keep the provider's message. HTTP 5xx is retryable. */
export function mapGraphError(code: number | undefined | null, providerTitle?: string | null, httpStatus?: number): MappedError {
  const numeric = typeof code === "number" && Number.isFinite(code) ? Math.trunc(code) : TRANSPORT_ERROR_CODE;
  const known = KNOWN[numeric];
  if (known) return { code: numeric, ...known };
  const title = providerTitle?.trim() ? providerTitle.trim().slice(0, 500) : `Erro do WhatsApp (código ${numeric})`;
  return { code: numeric, title, retryable: httpStatus !== undefined && httpStatus >= 500 };
}

export function isKnownGraphError(code: number): boolean {
  return code in KNOWN;
}
