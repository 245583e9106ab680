import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { assets, contacts, customers } from "@/db/schema/customers";
import { UserError } from "@/lib/errors";
import { findCallerNumbers, findCalls } from "./call-search";
import { answerQuestion, goBack, startRun } from "./script-engine";
import { scriptFor, scriptVersionById } from "./scripts";
import type { FilterStepInput } from "./wizard-schema";
import { clearWizard, DEFAULT_FILTER, loadWizard, saveWizard, type WizardState } from "./wizard-state";

export type WizardCtx = { userId: string; companyId: string; now: Date };

/** Loads the draft, checks it is on `step` (else another tab moved it: wizard_stale), applies `change`, saves. */
async function onStep(db: Db, ctx: WizardCtx, step: number, change: (state: WizardState) => Promise<WizardState> | WizardState) {
  const state = await loadWizard(db, ctx.userId, ctx.companyId);
  if (state.step !== step) throw new UserError("wizard_stale");
  const next = await change(state);
  await saveWizard(db, ctx.userId, ctx.companyId, next, ctx.now);
  return { step: next.step };
}

const fieldError = (field: string, message: string) => new UserError("invalid_input", { [field]: [message] });

export const chooseOrigin = (db: Db, ctx: WizardCtx) =>
  onStep(db, ctx, 1, (s) => ({ ...s, step: 2, filter: s.filter ?? DEFAULT_FILTER }));

/** Telefone: the numbers found, all ticked at first (seed 2.3, Obs1). */
export const searchNumbers = (db: Db, ctx: WizardCtx, input: { phone: string; quantity: number }) =>
  onStep(db, ctx, 2, async (s) => {
    const found = await findCallerNumbers(db, ctx.companyId, input.phone, input.quantity);
    return { ...s, filter: { ...(s.filter ?? DEFAULT_FILTER), mode: "phone", phone: input.phone, quantity: input.quantity, found, selected: found } };
  });

export const applyFilter = (db: Db, ctx: WizardCtx, input: FilterStepInput) =>
  onStep(db, ctx, 2, (s) => {
    const found = s.filter?.found ?? [];
    // Only numbers the search offered can be ticked.
    if (input.mode === "phone" && input.selected.some((n) => !found.includes(n))) throw fieldError("selected", "optionGone");
    return {
      ...s,
      step: 3,
      filter: { ...input, found: input.mode === "phone" ? found : [], selected: input.mode === "phone" ? input.selected : [] },
      callId: null,
    };
  });

/** Localizar Registros → the call chosen; a registered number brings its customer and contact along. */
export const chooseCall = (db: Db, ctx: WizardCtx, input: { callId: string | null }) =>
  onStep(db, ctx, 3, async (s) => {
    if (!s.filter || !input.callId) throw fieldError("callId", "callRequired");
    const [call] = await findCalls(db, ctx.companyId, s.filter, ctx.now, input.callId);
    if (!call) throw fieldError("callId", "optionGone");
    const sameCall = s.callId === call.id && s.customerId;
    return {
      ...s,
      step: 4,
      callId: call.id,
      customerId: sameCall ? s.customerId : call.customerId,
      contactId: sameCall ? s.contactId : call.contactId,
      assetId: sameCall ? s.assetId : null,
    };
  });

async function companyCustomer(db: Db, companyId: string, customerId: string) {
  const [row] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.id, customerId), eq(customers.companyId, companyId)));
  return row ?? null;
}

/** Dados do Cliente, for a number nobody has: the customer (of this company) the agent links it to. */
export const linkCustomer = (db: Db, ctx: WizardCtx, input: { customerId: string }) =>
  onStep(db, ctx, 4, async (s) => {
    if (!(await companyCustomer(db, ctx.companyId, input.customerId))) throw new UserError("not_found");
    return { ...s, customerId: input.customerId, contactId: null, assetId: null };
  });

/** Dados do Cliente → Avançar: a customer is required, and the contact (Nome Contato) must be one of theirs. */
export const chooseContact = (db: Db, ctx: WizardCtx, input: { contactId: string | null }) =>
  onStep(db, ctx, 4, async (s) => {
    if (!s.customerId) throw fieldError("customerId", "customerRequired");
    const own = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.customerId, s.customerId));
    if (own.length && !input.contactId) throw fieldError("contactId", "contactRequired");
    if (input.contactId && !own.some((c) => c.id === input.contactId)) throw fieldError("contactId", "optionGone");
    return { ...s, step: 5, contactId: input.contactId };
  });

/** Dados do Atendimento → Avançar: the plan (one of the customer's assets, optional) picks the script. */
export const choosePlan = (db: Db, ctx: WizardCtx, input: { assetId: string | null }) =>
  onStep(db, ctx, 5, async (s) => {
    let planName: string | null = null;
    if (input.assetId) {
      const [asset] = await db
        .select({ planName: assets.planName })
        .from(assets)
        .where(and(eq(assets.id, input.assetId), inArray(assets.customerId, s.customerId ? [s.customerId] : [])));
      if (!asset) throw fieldError("assetId", "assetInvalid");
      planName = asset.planName;
    }
    // Coming back to this step with the same plan keeps the answers given.
    if (s.script && s.assetId === input.assetId) return { ...s, step: 6 };
    const script = await scriptFor(db, ctx.companyId, planName);
    return { ...s, step: 6, assetId: input.assetId, script: { versionId: script?.versionId ?? null, run: startRun() } };
  });

async function runningScript(db: Db, ctx: WizardCtx, s: WizardState) {
  if (!s.script?.versionId) throw new UserError("wizard_stale");
  const version = await scriptVersionById(db, ctx.companyId, s.script.versionId);
  if (!version) throw new UserError("wizard_stale");
  return { version, script: s.script };
}

/** Próximo with the answer chosen. */
export const answerScript = (db: Db, ctx: WizardCtx, input: { optionId: string }) =>
  onStep(db, ctx, 6, async (s) => {
    const { version, script } = await runningScript(db, ctx, s);
    const run = answerQuestion(version.definition, script.run, input.optionId);
    if (!run) throw fieldError("optionId", "optionGone");
    return { ...s, script: { ...script, run } };
  });

/** Anterior. */
export const previousQuestion = (db: Db, ctx: WizardCtx) =>
  onStep(db, ctx, 6, async (s) => {
    const { script } = await runningScript(db, ctx, s);
    return { ...s, script: { ...script, run: goBack(script.run) } };
  });

/** Encerrar Script: at any question, or with no script at all → Relatório de Script. */
export const closeScript = (db: Db, ctx: WizardCtx) => onStep(db, ctx, 6, (s) => ({ ...s, step: 7 }));

export const acceptReport = (db: Db, ctx: WizardCtx) => onStep(db, ctx, 7, (s) => ({ ...s, step: 8 }));

/** Voltar: the previous step, everything entered kept. */
export const stepBack = (db: Db, ctx: WizardCtx, input: { step: number }) =>
  onStep(db, ctx, input.step, (s) => {
    if (s.step <= 1 || s.step > 8) throw new UserError("wizard_stale");
    return { ...s, step: s.step - 1 };
  });

/** Cancelar (any step) and Novo atendimento (after the protocol): the draft goes. */
export async function cancelWizard(db: Db, ctx: WizardCtx) {
  await clearWizard(db, ctx.userId);
  return { step: 1 };
}
