import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "lib", "db", "components", "inngest"];
const TRANSITION_MODULES = new Set(["lib/tickets/state.ts"]);
// The demo seed inserts a finished week of tickets as fixtures, with the ticket_events state.ts would have written.
const FIXTURES = new Set(["db/seed-whatsapp.ts"]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** `.update(tickets).set({ … status … })`, `.insert(tickets).values({ … status … })` or raw `update tickets set … status =`. */
function writesTicketStatus(source: string) {
  const builder = /\.(update|insert)\(tickets\)[\s\S]*?(\.where\(|\.returning\(|\.onConflict|;)/g;
  for (const match of source.matchAll(builder)) if (/\bstatus\s*:/.test(match[0])) return true;
  return /update\s+"?tickets"?\s+set[^;`]*\bstatus\s*=/i.test(source);
}

describe("ticket status writers", () => {
  it("only the transition module writes tickets.status", () => {
    const offenders = ROOTS.flatMap((root) => sources(root)).filter((file) => !TRANSITION_MODULES.has(file) && !FIXTURES.has(file) && writesTicketStatus(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("the check sees a status write when there is one", () => {
    expect(writesTicketStatus("await db.update(tickets).set({ agentId, status: \"em_atendimento\" }).where(x)")).toBe(true);
    expect(writesTicketStatus("await db.update(tickets).set({ lastMessageAt: now }).where(eq(tickets.status, 'x'))")).toBe(false);
    expect(writesTicketStatus("sql`update tickets set status = 'finalizado'`")).toBe(true);
  });
});
