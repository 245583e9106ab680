import type { DbHandle } from "./client";
import { migrate } from "./migrate";
import { demoLoginsText, seed } from "./seed";

/** Applies the migrations and, on an empty database, the demo data. Safe to run on every start. */
export async function prepareDatabase(handle: DbHandle, opts: { seed: boolean }) {
  await migrate(handle);
  if (!opts.seed) return;
  const summary = await seed(handle.db);
  if (summary) {
    console.log(
      `[atende] Banco novo: ${summary.companies} empresas, ${summary.users} usuários, ${summary.customers} clientes, ${summary.agendas} agendas, ${summary.appointments} agendamentos criados.`,
    );
    console.log(demoLoginsText());
  }
}
