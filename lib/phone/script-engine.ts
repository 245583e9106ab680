/**
 * Attendance scripts (seed 003, step 6) as pure functions: a script is a graph of questions whose
 * options lead to another question or to the end; a run is the chain of answers given. Nothing here
 * touches the database, so the wizard, the admin preview and the tests share one behaviour.
 */

export const SCRIPT_OUTCOMES = ["resolve", "transfer", "service_order"] as const;
export type ScriptOutcome = (typeof SCRIPT_OUTCOMES)[number];

export type ScriptOption = {
  id: string;
  label: string;
  /** The question this answer leads to; null ends the script. */
  next: string | null;
  /** Only on an option that ends the script. */
  outcome?: ScriptOutcome | null;
};

export type ScriptQuestion = {
  id: string;
  text: string;
  customerHelp: string;
  operatorHelp: string;
  options: ScriptOption[];
};

export type ScriptDefinition = { start: string; questions: ScriptQuestion[] };

export type Answer = { questionId: string; optionId: string };

/**
 * `answers`: the chain of answers, each leading to the next one's question. `position`: the question shown,
 * as an index into the chain (answers.length: the question after the last answer, or the end). Going back
 * moves the position only, so Próximo with the same answer keeps the rest of the chain.
 */
export type RunState = { answers: Answer[]; position: number };

export const startRun = (): RunState => ({ answers: [], position: 0 });

function question(def: ScriptDefinition, id: string) {
  return def.questions.find((q) => q.id === id) ?? null;
}

function option(def: ScriptDefinition, answer: Answer) {
  return question(def, answer.questionId)?.options.find((o) => o.id === answer.optionId) ?? null;
}

/** The question shown, or null when the chain has reached an end. */
export function currentQuestion(def: ScriptDefinition, state: RunState): ScriptQuestion | null {
  if (state.position < state.answers.length) return question(def, state.answers[state.position].questionId);
  if (!state.answers.length) return question(def, def.start);
  const last = option(def, state.answers[state.answers.length - 1]);
  return last?.next ? question(def, last.next) : null;
}

/** The answer already given to the question shown (when the agent went back), to preselect it. */
export function currentAnswer(state: RunState): string | null {
  return state.answers[state.position]?.optionId ?? null;
}

export const isFinished = (def: ScriptDefinition, state: RunState) => currentQuestion(def, state) === null;

/**
 * Próximo with an option of the question shown. The same answer as before keeps the rest of the chain; a
 * different one that leads elsewhere drops the answers of the branch no longer taken. Returns null when the
 * option is not one of the question's (a stale or forged request).
 */
export function answerQuestion(def: ScriptDefinition, state: RunState, optionId: string): RunState | null {
  const q = currentQuestion(def, state);
  const chosen = q?.options.find((o) => o.id === optionId);
  if (!q || !chosen) return null;
  const previous = state.answers[state.position];
  const kept = state.answers.slice(0, state.position);
  if (previous && previous.optionId === optionId) return { answers: state.answers, position: state.position + 1 };
  const previousNext = previous ? option(def, previous)?.next : undefined;
  const rest = previous && previousNext === chosen.next ? state.answers.slice(state.position + 1) : [];
  return { answers: [...kept, { questionId: q.id, optionId }, ...rest], position: state.position + 1 };
}

/** Anterior: the previous question, its answer kept until another one is chosen. */
export function goBack(state: RunState): RunState {
  return { answers: state.answers, position: Math.max(0, state.position - 1) };
}

export type ScriptReport = {
  items: { question: string; answer: string }[];
  /** True when the last answer ended the script (false: closed early with Encerrar Script). */
  completed: boolean;
  outcome: ScriptOutcome | null;
};

/**
 * The report of a run: every answer of the chain, in order. Encerrar Script may come at any point; the
 * answers given so far are the report (none: an empty report).
 */
export function scriptReport(def: ScriptDefinition, state: RunState): ScriptReport {
  const items: ScriptReport["items"] = [];
  for (const answer of state.answers) {
    const q = question(def, answer.questionId);
    const o = option(def, answer);
    if (!q || !o) break;
    items.push({ question: q.text, answer: o.label });
  }
  const last = state.answers.length ? option(def, state.answers[state.answers.length - 1]) : null;
  const completed = items.length === state.answers.length && !!last && last.next === null;
  return { items, completed, outcome: completed ? (last?.outcome ?? null) : null };
}

export type ScriptProblem =
  | { code: "no_questions" }
  | { code: "bad_start" }
  | { code: "duplicate_question"; questionId: string }
  | { code: "no_options"; questionId: string }
  | { code: "unknown_next"; questionId: string; optionId: string }
  | { code: "outcome_not_at_end"; questionId: string; optionId: string }
  | { code: "unreachable"; questionId: string }
  | { code: "no_exit"; questionId: string }
  | { code: "no_end" };

/**
 * What makes a script unusable: a question nobody can reach, a question from which every path loops
 * forever (no way out), or no end at all. An empty list means it can be saved.
 */
export function validateScript(def: ScriptDefinition): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  if (!def.questions.length) return [{ code: "no_questions" }];
  const ids = new Set<string>();
  for (const q of def.questions) {
    if (ids.has(q.id)) problems.push({ code: "duplicate_question", questionId: q.id });
    ids.add(q.id);
  }
  if (!ids.has(def.start)) problems.push({ code: "bad_start" });
  for (const q of def.questions) {
    if (!q.options.length) problems.push({ code: "no_options", questionId: q.id });
    for (const o of q.options) {
      if (o.next !== null && !ids.has(o.next)) problems.push({ code: "unknown_next", questionId: q.id, optionId: o.id });
      if (o.next !== null && o.outcome) problems.push({ code: "outcome_not_at_end", questionId: q.id, optionId: o.id });
    }
  }
  if (problems.length) return problems;

  const reachable = new Set<string>([def.start]);
  const stack = [def.start];
  while (stack.length) {
    const q = question(def, stack.pop()!)!;
    for (const o of q.options) {
      if (o.next && !reachable.has(o.next)) {
        reachable.add(o.next);
        stack.push(o.next);
      }
    }
  }
  // Questions that can reach an end: those with an ending option, then whoever leads to one of them.
  const exits = new Set(def.questions.filter((q) => q.options.some((o) => o.next === null)).map((q) => q.id));
  if (!exits.size) return [{ code: "no_end" }];
  for (let grew = true; grew; ) {
    grew = false;
    for (const q of def.questions) {
      if (!exits.has(q.id) && q.options.some((o) => o.next && exits.has(o.next))) {
        exits.add(q.id);
        grew = true;
      }
    }
  }
  for (const q of def.questions) {
    if (!reachable.has(q.id)) problems.push({ code: "unreachable", questionId: q.id });
    else if (!exits.has(q.id)) problems.push({ code: "no_exit", questionId: q.id });
  }
  return problems;
}
