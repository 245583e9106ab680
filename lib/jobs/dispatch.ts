import type { Db } from "@/db/client";
import type { SendMessageResult } from "@/lib/whatsapp/outbox/result";
import type { TemplateItem, TemplateOutcome } from "@/lib/whatsapp/outbox/send-bulk";
import { reachability } from "@/lib/whatsapp/reachability";
import { checkRecipient, companiesBySendingHours, sendingKit, type RecipientCheck } from "./sending";
import { fail, skip, type JobDeps, type JobReport } from "./types";

/**
 * What the three dispatch jobs (invitations, confirmations, no-show messages) share: one prologue,
 * one way to turn candidates into template items, and one tally of send outcomes with one set of names.
 */

export type SendingKit = Awaited<ReturnType<typeof sendingKit>>;

/**
 * The prologue: the companies outside their sending hours are left untouched, their candidates
 * (`countCandidates`) counted as considered and skipped "fora_do_horario"; for the others, what a run
 * needs to send (sendingKit). Null when no company may send now.
 */
export async function openForSending(
  deps: JobDeps,
  now: Date,
  report: JobReport,
  countCandidates: (companyIds: string[]) => Promise<number>,
): Promise<(SendingKit & { companyIds: string[] }) | null> {
  const { open, closed } = await companiesBySendingHours(deps.db, now);
  if (closed.length) {
    const n = await countCandidates(closed.map((c) => c.id));
    report.considered += n;
    skip(report, "fora_do_horario", n);
  }
  if (!open.length) return null;
  const companyIds = open.map((c) => c.id);
  return { companyIds, ...(await sendingKit(deps, companyIds)) };
}

type Candidate = { id: string; customerId: string; companyId: string; templateName: string | null };
type Refusal = Extract<RecipientCheck, { ok: false }>["reason"];

/**
 * A batch's candidates that can get their template now (their customers' reachability, the company's
 * sender and template), as items keyed `<keyPrefix><id>` with the template's values; the others are
 * counted as skipped under their reason and returned, for the jobs that record it.
 */
export async function templateItems<T extends Candidate>(
  db: Db,
  batch: T[],
  kit: Pick<SendingKit, "senders" | "template">,
  opts: { keyPrefix: string; values: (row: T, firstName: string) => string[]; report: JobReport },
): Promise<{ items: TemplateItem[]; refused: { row: T; reason: Refusal }[] }> {
  const people = await reachability(db, batch.map((row) => row.customerId));
  const items: TemplateItem[] = [];
  const refused: { row: T; reason: Refusal }[] = [];
  for (const row of batch) {
    const check = await checkRecipient({ people, senders: kit.senders, template: kit.template }, row);
    if (!check.ok) {
      skip(opts.report, check.reason);
      refused.push({ row, reason: check.reason });
      continue;
    }
    const { person, sender, template } = check;
    items.push({
      sender,
      phone: person.phone,
      customerId: row.customerId,
      firstName: person.firstName,
      template,
      values: opts.values(row, person.firstName),
      idempotencyKey: `${opts.keyPrefix}${row.id}`,
    });
  }
  return { items, refused };
}

/**
 * Tallies one send outcome into the run's report, under the names every dispatch job uses:
 * a template whose values do not fit → skipped "modelo_incompleto"; a send not recorded → failed;
 * a key held by another run right now → skipped "em_andamento" (that run records it); a message
 * already sent under the key → skipped "ja_enviado"; one that already failed under it → skipped
 * "ja_processado"; a new failure → failed; a new send → sent. `what` names the item in errors
 * ("agenda <id>"). Returns the message's result when it is finished (sent or failed, new or not),
 * for the job to record on its row; null otherwise.
 */
export function tallySend(report: JobReport, outcome: TemplateOutcome, what: string): SendMessageResult | null {
  if (outcome.kind === "invalid_params") {
    skip(report, "modelo_incompleto");
    return null;
  }
  if (outcome.kind === "error") {
    fail(report, `${what}: ${outcome.message}`);
    return null;
  }
  const { result } = outcome;
  if (result.status === "queued") {
    skip(report, "em_andamento");
    return null;
  }
  if (result.status === "failed") {
    if (result.duplicate) skip(report, "ja_processado");
    else fail(report, `${what}: ${result.errorCode ?? ""} ${result.errorTitle ?? ""}`.trim());
  } else if (result.duplicate) skip(report, "ja_enviado");
  else report.sent++;
  return result;
}
