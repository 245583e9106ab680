import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { messageTemplates } from "@/db/schema/whatsapp";
import { UserError } from "@/lib/errors";
import type { WhatsappGateway } from "./gateway";
import type { SyncTemplatesInput, TemplateInput, TemplateStatusInput } from "./template-schema";
import { templateVariables } from "./template-text";

type Scope = { companyIds: string[] };
type Ctx = Scope & { now: Date };

const columns = {
  id: messageTemplates.id,
  companyId: messageTemplates.companyId,
  name: messageTemplates.name,
  language: messageTemplates.language,
  category: messageTemplates.category,
  status: messageTemplates.status,
  body: messageTemplates.body,
  variables: messageTemplates.variables,
  buttons: messageTemplates.buttons,
  updatedAt: messageTemplates.updatedAt,
};

/** A company's templates, by name and language (the "Modelos" admin list). */
export function listCompanyTemplates(db: Db, companyId: string) {
  return db
    .select(columns)
    .from(messageTemplates)
    .where(eq(messageTemplates.companyId, companyId))
    .orderBy(asc(messageTemplates.name), asc(messageTemplates.language));
}

export async function getTemplate(db: Db, scope: Scope, id: string) {
  if (!scope.companyIds.length) return null;
  const [row] = await db
    .select(columns)
    .from(messageTemplates)
    .where(and(eq(messageTemplates.id, id), inArray(messageTemplates.companyId, scope.companyIds)));
  return row ?? null;
}

/**
 * Creates or edits a template by hand (sandbox provider). Name and language identify a template at Meta
 * and never change once created: an edit keeps them and changes the rest. (company, name, language) is
 * unique: a second one is refused on the name field.
 */
export async function saveTemplate(db: Db, input: TemplateInput, ctx: Ctx) {
  if (!ctx.companyIds.includes(input.companyId)) throw new UserError("forbidden");
  const values = {
    category: input.category,
    status: input.status,
    body: input.body,
    variables: input.variables,
    buttons: input.buttons,
    updatedAt: ctx.now,
  };
  if (input.id) {
    const updated = await db
      .update(messageTemplates)
      .set(values)
      .where(
        and(
          eq(messageTemplates.id, input.id),
          eq(messageTemplates.companyId, input.companyId),
          inArray(messageTemplates.companyId, ctx.companyIds),
        ),
      )
      .returning({ id: messageTemplates.id });
    if (!updated.length) throw new UserError("not_found");
    return { id: input.id };
  }
  const [row] = await db
    .insert(messageTemplates)
    .values({ companyId: input.companyId, name: input.name, language: input.language, ...values })
    .onConflictDoNothing({ target: [messageTemplates.companyId, messageTemplates.name, messageTemplates.language] })
    .returning({ id: messageTemplates.id });
  if (!row) throw new UserError("template_exists", { name: ["templateExists"] });
  return { id: row.id };
}

/** Approves, rejects or puts back to pending a template of the user's companies (sandbox: by hand). */
export async function setTemplateStatus(db: Db, input: TemplateStatusInput, ctx: Ctx) {
  if (!ctx.companyIds.length) throw new UserError("not_found");
  const updated = await db
    .update(messageTemplates)
    .set({ status: input.status, updatedAt: ctx.now })
    .where(and(eq(messageTemplates.id, input.id), inArray(messageTemplates.companyId, ctx.companyIds)))
    .returning({ id: messageTemplates.id });
  if (!updated.length) throw new UserError("not_found");
  return { id: input.id, status: input.status };
}

/**
 * Cloud provider: reads the account's templates from Meta and upserts them into the company by
 * (company, name, language). Category, status, body and buttons come from Meta; the variable sources
 * are ours, so they are kept for the variables the body still uses and new variables start as "free".
 * Templates Meta no longer lists are left as they are (messages may still reference them).
 */
export async function syncTemplates(db: Db, gateway: WhatsappGateway, input: SyncTemplatesInput, ctx: Ctx) {
  if (!ctx.companyIds.includes(input.companyId)) throw new UserError("forbidden");
  let remote: Awaited<ReturnType<WhatsappGateway["listTemplates"]>>;
  try {
    remote = await gateway.listTemplates();
  } catch (error) {
    console.error("[whatsapp] template sync failed", error);
    throw new UserError("templates_sync_failed");
  }
  // One row per (name, language): the last one listed wins.
  const byKey = new Map(remote.map((t) => [`${t.name}\u0000${t.language}`, t]));

  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ name: messageTemplates.name, language: messageTemplates.language, variables: messageTemplates.variables })
      .from(messageTemplates)
      .where(eq(messageTemplates.companyId, input.companyId));
    const known = new Map(existing.map((row) => [`${row.name}\u0000${row.language}`, row.variables]));
    let created = 0;
    let updated = 0;
    for (const [key, template] of byKey) {
      const previous = known.get(key);
      const variables = Object.fromEntries(templateVariables(template.body).map((n) => [String(n), previous?.[String(n)] ?? "free"]));
      const values = {
        category: template.category,
        status: template.status,
        body: template.body,
        buttons: template.buttons,
        variables,
        updatedAt: ctx.now,
      };
      await tx
        .insert(messageTemplates)
        .values({ companyId: input.companyId, name: template.name, language: template.language, ...values })
        .onConflictDoUpdate({ target: [messageTemplates.companyId, messageTemplates.name, messageTemplates.language], set: values });
      if (previous) updated++;
      else created++;
    }
    return { received: remote.length, created, updated };
  });
}
