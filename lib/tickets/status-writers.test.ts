import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "lib", "db", "components", "inngest"];

/** Each entity's status column, the one module allowed to write it, and the files that insert fixtures. */
const ENTITIES = [
  // The demo seed inserts a finished week of tickets as fixtures, with the ticket_events state.ts would have written.
  { table: "tickets", sqlTable: "tickets", module: "lib/tickets/state.ts", fixtures: ["db/seed-whatsapp.ts"] },
  // The demo seed and the jobs' test world insert agendas and appointments in every status as fixtures.
  { table: "agendas", sqlTable: "agendas", module: "lib/agendas/status.ts", fixtures: ["db/seed-agendas.ts", "lib/jobs/test-world.ts"] },
  { table: "appointments", sqlTable: "appointments", module: "lib/appointments/status.ts", fixtures: ["db/seed-agendas.ts", "lib/jobs/test-world.ts"] },
] as const;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/**
 * `.update(<table>).set({ … status … })`, `.insert(<table>).values({ … status … })` or raw
 * `update <table> set … status =` / `insert into <table> (… status …)`.
 */
function writesStatus(source: string, table: string, sqlTable: string) {
  const builder = new RegExp(`\\.(update|insert)\\(${table}\\)[\\s\\S]*?(\\.where\\(|\\.returning\\(|\\.onConflict|;)`, "g");
  for (const match of source.matchAll(builder)) if (/\bstatus\s*:/.test(match[0])) return true;
  if (new RegExp(`update\\s+"?${sqlTable}"?\\s+set[^;\`]*\\bstatus\\s*=`, "i").test(source)) return true;
  return new RegExp(`insert\\s+into\\s+"?${sqlTable}"?\\s*\\([^)]*\\bstatus\\b`, "i").test(source);
}

const files = ROOTS.flatMap((root) => sources(root));

describe("status writers", () => {
  it.each(ENTITIES)("only $module writes the status of $table", ({ table, sqlTable, module, fixtures }) => {
    const allowed = new Set<string>([module, ...fixtures]);
    const offenders = files.filter((file) => !allowed.has(file) && writesStatus(readFileSync(file, "utf8"), table, sqlTable));
    expect(offenders).toEqual([]);
  });

  it("the check sees a status write when there is one", () => {
    expect(writesStatus("await db.update(tickets).set({ agentId, status: \"em_atendimento\" }).where(x)", "tickets", "tickets")).toBe(true);
    expect(writesStatus("await db.update(tickets).set({ lastMessageAt: now }).where(eq(tickets.status, 'x'))", "tickets", "tickets")).toBe(false);
    expect(writesStatus("sql`update tickets set status = 'finalizado'`", "tickets", "tickets")).toBe(true);
    expect(writesStatus("await tx.update(agendas).set({ status: \"no_show\", updatedAt: now }).where(eq(agendas.id, id))", "agendas", "agendas")).toBe(true);
    expect(writesStatus("await tx.update(agendas).set({ whatsappState: \"respondido\" }).where(eq(agendas.status, 'pendente'))", "agendas", "agendas")).toBe(false);
    expect(writesStatus("sql`update agendas set status = 'nao_respondeu', updated_at = now()`", "agendas", "agendas")).toBe(true);
    expect(writesStatus("await db.insert(appointments).values({ companyId, status: \"confirmado\" });", "appointments", "appointments")).toBe(true);
    expect(writesStatus("sql`insert into appointments (company_id, status) values ($1, 'agendado')`", "appointments", "appointments")).toBe(true);
    // A read of the column is not a write.
    expect(writesStatus("await db.select({ status: appointments.status }).from(appointments)", "appointments", "appointments")).toBe(false);
  });
});
