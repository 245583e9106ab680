import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { phoneDrafts } from "@/db/schema/phone";

export const WIZARD_STEPS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const FILTER_MODES = ["period", "range", "phone"] as const;

const filterState = z.object({
  mode: z.enum(FILTER_MODES),
  days: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  phone: z.string(),
  quantity: z.number().int(),
  // Telefone: the numbers the search found, and the ones left ticked.
  found: z.array(z.string()),
  selected: z.array(z.string()),
});
export type FilterState = z.infer<typeof filterState>;

/** A user's phone attendance in progress, as the phone_drafts row keeps it. */
const wizardStateSchema = z.object({
  step: z.number().int().min(1).max(9),
  filter: filterState.nullable(),
  callId: z.string().nullable(),
  customerId: z.string().nullable(),
  contactId: z.string().nullable(),
  assetId: z.string().nullable(),
  script: z
    .object({
      versionId: z.string().nullable(),
      run: z.object({ answers: z.array(z.object({ questionId: z.string(), optionId: z.string() })), position: z.number().int().min(0) }),
    })
    .nullable(),
  // Set once the ticket exists (step 9: the protocol shown).
  done: z.object({ ticketId: z.string(), protocol: z.string() }).nullable(),
});
export type WizardState = z.infer<typeof wizardStateSchema>;

export const DEFAULT_FILTER: FilterState = { mode: "period", days: 7, from: null, to: null, phone: "", quantity: 20, found: [], selected: [] };

export const emptyWizard = (): WizardState => ({ step: 1, filter: null, callId: null, customerId: null, contactId: null, assetId: null, script: null, done: null });

/**
 * The user's draft in the company they work in now; a draft of another company (the user switched in
 * the top bar) or one that no longer parses starts afresh.
 */
export async function loadWizard(db: Db, userId: string, companyId: string): Promise<WizardState> {
  const [row] = await db.select({ companyId: phoneDrafts.companyId, state: phoneDrafts.state }).from(phoneDrafts).where(eq(phoneDrafts.userId, userId));
  if (!row || row.companyId !== companyId) return emptyWizard();
  const parsed = wizardStateSchema.safeParse(row.state);
  return parsed.success ? parsed.data : emptyWizard();
}

export async function saveWizard(db: Db, userId: string, companyId: string, state: WizardState, now: Date) {
  await db
    .insert(phoneDrafts)
    .values({ userId, companyId, state, updatedAt: now })
    .onConflictDoUpdate({ target: phoneDrafts.userId, set: { companyId, state, updatedAt: now } });
}

export async function clearWizard(db: Db, userId: string) {
  await db.delete(phoneDrafts).where(eq(phoneDrafts.userId, userId));
}
