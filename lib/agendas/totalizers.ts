import { and, eq, type SQL } from "drizzle-orm";
import { agendas } from "@/db/schema/agendas";

export const TOTALIZERS = [
  "ativos_pendentes",
  "recusou",
  "pediu_ligar",
  "agendou",
  "nao_respondeu",
  "no_show",
  "passivo",
] as const;
export type Totalizer = (typeof TOTALIZERS)[number];

type AgendaFacts = { direction: "ativo" | "passivo"; status: string };

/**
 * Seed 000: the six status totalizers count active ("ativo") agendas; every passive agenda is under
 * "Cliente Passivo" whatever its status. Concluded agendas count in none.
 */
export function totalizerOf(agenda: AgendaFacts): Totalizer | null {
  if (agenda.direction === "passivo") return "passivo";
  switch (agenda.status) {
    case "pendente":
      return "ativos_pendentes";
    case "recusou":
    case "pediu_ligar":
    case "agendou":
    case "nao_respondeu":
    case "no_show":
      return agenda.status;
    default:
      return null;
  }
}

/** The same definitions as SQL conditions, for counting and for filtering the list. */
export function totalizerCondition(totalizer: Totalizer): SQL {
  if (totalizer === "passivo") return eq(agendas.direction, "passivo");
  const status = totalizer === "ativos_pendentes" ? "pendente" : totalizer;
  return and(eq(agendas.direction, "ativo"), eq(agendas.status, status))!;
}
