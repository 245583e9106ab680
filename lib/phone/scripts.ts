import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scripts, scriptVersions } from "@/db/schema/phone";
import { UserError } from "@/lib/errors";
import type { SaveScriptInput } from "./schema";
import { validateScript, type ScriptDefinition } from "./script-engine";

/**
 * Saves a script as a new version (a ticket's report points at the version that ran, so a version is
 * never changed). Refuses a graph validateScript finds unusable, naming each problem.
 */
export async function saveScript(db: Db, input: SaveScriptInput, ctx: { userId: string; now: Date }) {
  const problems = validateScript(input.definition);
  if (problems.length) {
    throw new UserError("script_invalid", {
      definition: problems.map((p) => ("questionId" in p ? `${p.code}:${p.questionId}` : p.code)),
    });
  }
  return db.transaction(async (tx) => {
    let scriptId = input.scriptId;
    if (scriptId) {
      const [row] = await tx
        .update(scripts)
        .set({ name: input.name, planName: input.planName })
        .where(and(eq(scripts.id, scriptId), eq(scripts.companyId, input.companyId)))
        .returning({ id: scripts.id });
      if (!row) throw new UserError("not_found");
    } else {
      const [row] = await tx
        .insert(scripts)
        .values({ companyId: input.companyId, name: input.name, planName: input.planName, createdAt: ctx.now })
        .onConflictDoNothing()
        .returning({ id: scripts.id });
      if (!row) throw new UserError("name_taken", { name: ["nameTaken"] });
      scriptId = row.id;
    }
    const [last] = await tx
      .select({ version: scriptVersions.version })
      .from(scriptVersions)
      .where(eq(scriptVersions.scriptId, scriptId))
      .orderBy(desc(scriptVersions.version))
      .limit(1)
      .for("update");
    const version = (last?.version ?? 0) + 1;
    const [row] = await tx
      .insert(scriptVersions)
      .values({ scriptId, version, definition: input.definition, createdAt: ctx.now, createdBy: ctx.userId })
      .returning({ id: scriptVersions.id });
    return { scriptId, versionId: row.id, version };
  });
}

export type ScriptVersion = { versionId: string; scriptId: string; name: string; version: number; definition: ScriptDefinition };

/**
 * The script an attendance runs: the company's active script for the plan, else its default one (no
 * plan), in its latest version. Null: the company has none (the step offers only Encerrar Script).
 */
export async function scriptFor(db: Db, companyId: string, planName: string | null): Promise<ScriptVersion | null> {
  const candidates = await db
    .select({ id: scripts.id, name: scripts.name, planName: scripts.planName })
    .from(scripts)
    .where(and(eq(scripts.companyId, companyId), eq(scripts.active, true), planName ? or(isNull(scripts.planName), eq(scripts.planName, planName)) : isNull(scripts.planName)))
    .orderBy(asc(scripts.name));
  const script = candidates.find((c) => c.planName !== null) ?? candidates[0];
  if (!script) return null;
  const [version] = await db
    .select({ versionId: scriptVersions.id, version: scriptVersions.version, definition: scriptVersions.definition })
    .from(scriptVersions)
    .where(eq(scriptVersions.scriptId, script.id))
    .orderBy(desc(scriptVersions.version))
    .limit(1);
  if (!version) return null;
  return { versionId: version.versionId, scriptId: script.id, name: script.name, version: version.version, definition: version.definition as ScriptDefinition };
}

/** One version by id, within the company: what a running wizard keeps using even after an admin saves a newer one. */
export async function scriptVersionById(db: Db, companyId: string, versionId: string): Promise<ScriptVersion | null> {
  const [row] = await db
    .select({ versionId: scriptVersions.id, scriptId: scripts.id, name: scripts.name, version: scriptVersions.version, definition: scriptVersions.definition })
    .from(scriptVersions)
    .innerJoin(scripts, eq(scripts.id, scriptVersions.scriptId))
    .where(and(eq(scriptVersions.id, versionId), eq(scripts.companyId, companyId)));
  return row ? { ...row, definition: row.definition as ScriptDefinition } : null;
}

// Drizzle leaves columns unqualified in single-table selects, so correlated subqueries name the outer row.
const OUTER_SCRIPT_ID = sql.raw(`"scripts"."id"`);

/** Administração → Scripts: the company's scripts with their latest version and how often they ran. */
export async function listScripts(db: Db, companyId: string) {
  return db
    .select({
      id: scripts.id,
      name: scripts.name,
      planName: scripts.planName,
      active: scripts.active,
      version: sql<number>`(select max(v.version)::int from script_versions v where v.script_id = ${OUTER_SCRIPT_ID})`,
      runs: sql<number>`(select count(*)::int from script_runs r join script_versions v on v.id = r.script_version_id where v.script_id = ${OUTER_SCRIPT_ID})`,
    })
    .from(scripts)
    .where(eq(scripts.companyId, companyId))
    .orderBy(asc(scripts.name));
}

/** One script of the user's companies with its latest version, or null (another company's id is a 404). */
export async function getScript(db: Db, companyIds: string[], id: string) {
  if (!companyIds.length) return null;
  const [script] = await db
    .select({ id: scripts.id, companyId: scripts.companyId, name: scripts.name, planName: scripts.planName })
    .from(scripts)
    .where(and(eq(scripts.id, id), inArray(scripts.companyId, companyIds)));
  if (!script) return null;
  const [version] = await db
    .select({ version: scriptVersions.version, definition: scriptVersions.definition, createdAt: scriptVersions.createdAt })
    .from(scriptVersions)
    .where(eq(scriptVersions.scriptId, id))
    .orderBy(desc(scriptVersions.version))
    .limit(1);
  return { ...script, version: version?.version ?? 0, definition: (version?.definition ?? null) as ScriptDefinition | null, savedAt: version?.createdAt ?? null };
}
