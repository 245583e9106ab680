import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scriptRuns, scriptVersions } from "@/db/schema/phone";
import type { Answer, ScriptOutcome } from "./script-engine";

/** How many of the latest runs the analytics read (a script's page stays fast). */
export const ANALYTICS_RUNS = 5000;

export type QuestionStats = { reached: number; resolve: number; transfer: number; service_order: number; ended: number; abandoned: number };

export type RunFacts = { answers: Answer[]; endedAtQuestion: string | null; completed: boolean; outcome: ScriptOutcome | null };

/**
 * Per question: the runs that reached it (answered it, or were closed while it was shown), the runs that
 * ended there by an answer (by outcome; `ended` counts those without one), and the runs abandoned there
 * (Encerrar Script before an end). Pure, so the counting is tested without a database.
 */
export function tallyRuns(runs: RunFacts[]): Map<string, QuestionStats> {
  const stats = new Map<string, QuestionStats>();
  const of = (id: string) => {
    let s = stats.get(id);
    if (!s) stats.set(id, (s = { reached: 0, resolve: 0, transfer: 0, service_order: 0, ended: 0, abandoned: 0 }));
    return s;
  };
  for (const run of runs) {
    const seen = new Set(run.answers.map((a) => a.questionId));
    if (run.endedAtQuestion) seen.add(run.endedAtQuestion);
    for (const id of seen) of(id).reached++;
    const last = run.answers[run.answers.length - 1];
    if (run.completed && last) {
      const s = of(last.questionId);
      if (run.outcome) s[run.outcome]++;
      else s.ended++;
    } else if (run.endedAtQuestion) of(run.endedAtQuestion).abandoned++;
  }
  return stats;
}

/** The runs of every version of a script (question ids are kept across versions when the admin keeps them). */
export async function scriptAnalytics(db: Db, scriptId: string) {
  const rows = await db
    .select({ answers: scriptRuns.answers, endedAtQuestion: scriptRuns.endedAtQuestion, completed: scriptRuns.completed, outcome: scriptRuns.outcome })
    .from(scriptRuns)
    .innerJoin(scriptVersions, eq(scriptVersions.id, scriptRuns.scriptVersionId))
    .where(eq(scriptVersions.scriptId, scriptId))
    .orderBy(desc(scriptRuns.createdAt))
    .limit(ANALYTICS_RUNS);
  const runs = rows.map((r) => ({ ...r, answers: r.answers as Answer[], outcome: r.outcome as ScriptOutcome | null }));
  return { runs: runs.length, perQuestion: tallyRuns(runs) };
}
