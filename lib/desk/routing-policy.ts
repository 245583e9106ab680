/** What the router knows of one queue member when it chooses who gets an offer. */
export type RoutingCandidate = {
  userId: string;
  state: "pronto" | "nao_pronto" | "offline";
  /** "Pausar após concluir": finishing what they have, takes nothing new. */
  pauseAfterFinish: boolean;
  /** Tickets in hand plus pending offers. */
  load: number;
  capacity: number;
  /** Since when they have had no new offer (or went Pronto). */
  idleSince: Date;
};

/**
 * The routing rule, pure: among Pronto members with free capacity and not excluded (they declined or let
 * the offer of this ticket expire), the least busy; ties go to the one idle longest, then by id so the
 * choice is deterministic. When every eligible member is excluded, back to an excluded one (seed 004:
 * "volta para quem recusou"), the last to have refused first. Null: nobody can take it now.
 */
export function chooseAgent(candidates: RoutingCandidate[], excluded: string[] = []): string | null {
  const eligible = candidates.filter((c) => c.state === "pronto" && !c.pauseAfterFinish && c.load < c.capacity);
  const fresh = eligible.filter((c) => !excluded.includes(c.userId));
  if (fresh.length) return best(fresh).userId;
  // `excluded` is in refusal order: the most recent decliner gets it back.
  for (const userId of [...excluded].reverse()) if (eligible.some((c) => c.userId === userId)) return userId;
  return null;
}

function best(list: RoutingCandidate[]) {
  return [...list].sort(
    (a, b) => a.load - b.load || a.idleSince.getTime() - b.idleSince.getTime() || a.userId.localeCompare(b.userId),
  )[0];
}
