import type { Db } from "@/db/client";
import { recordOutcome } from "./record-outcome";
import { fileUnderCallbackDay } from "./status";
import type { OutcomeInput } from "./schema";

type Ctx = Parameters<typeof recordOutcome>[2];

/**
 * The outcome of a call, as the card records it. A call-back asked for ("Pediu para ligar" for 03/12
 * 10:30) also files the agenda under the call-back's day, in the company's time zone: the worklist's
 * Agenda filter and its index work on the contact date, so that is where the agent looks for it
 * ("Amanhã"), and the row shows the time (issue 11, item 7). One transaction: both or neither.
 */
export async function recordCall(db: Db, input: OutcomeInput, ctx: Ctx) {
  return db.transaction(async (tx) => {
    const result = await recordOutcome(tx, input, ctx);
    if (input.outcome === "pediu_ligar") await fileUnderCallbackDay(tx, input.agendaId);
    return result;
  });
}
