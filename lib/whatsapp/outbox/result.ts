import type { messages } from "@/db/schema/whatsapp";
import { mapGraphError, TRANSPORT_ERROR_CODE } from "../errors";
import type { OutboundPayload, SendResult, WhatsappGateway } from "../gateway";

export type SendMessageResult = {
  messageId: string;
  status: (typeof messages.$inferSelect)["status"];
  wamid?: string;
  errorCode?: number;
  errorTitle?: string;
  /** Failed for a reason that may pass (rate limit, provider down): retry later under a new key. */
  retryable?: boolean;
  /** True when the key was already used: nothing was sent by this call. */
  duplicate: boolean;
};

/** What of a message row a result reports. */
export type ResultRow = Pick<typeof messages.$inferSelect, "id" | "status" | "wamid" | "errorCode" | "errorTitle">;

/** The outbox's one row-to-result mapping. */
export function resultOf(row: ResultRow, duplicate: boolean): SendMessageResult {
  return {
    messageId: row.id,
    status: row.status,
    ...(row.wamid ? { wamid: row.wamid } : {}),
    ...(row.errorCode !== null ? { errorCode: row.errorCode } : {}),
    ...(row.errorTitle ? { errorTitle: row.errorTitle } : {}),
    duplicate,
  };
}

/**
 * The result of a queued row the provider answered: the row as recorded, or — when the recording found
 * it no longer queued, or did not read it back — the row as the provider's outcome says. A failure
 * says whether it may pass (`retryable`).
 */
export function resultAfterSend(row: ResultRow, recorded: ResultRow | undefined, outcome: SendResult, duplicate: boolean): SendMessageResult {
  if (outcome.ok) return resultOf(recorded ?? { ...row, status: "sent", wamid: outcome.wamid }, duplicate);
  return {
    ...resultOf(recorded ?? { ...row, status: "failed", errorCode: outcome.code, errorTitle: outcome.title }, duplicate),
    retryable: outcome.retryable,
  };
}

/** One provider call; a call that throws (network error, timeout) is a transport failure, retryable. */
export async function callProvider(gateway: WhatsappGateway, providerPhoneId: string, to: string, payload: OutboundPayload): Promise<SendResult> {
  try {
    return await gateway.send({ providerPhoneId }, to, payload);
  } catch (error) {
    const mapped = mapGraphError(TRANSPORT_ERROR_CODE);
    return { ok: false, ...mapped, title: `${mapped.title}: ${errorText(error)}`.slice(0, 500) };
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
