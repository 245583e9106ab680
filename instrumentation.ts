export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDbHandle, markDatabaseReady } = await import("./db/index");
  const { prepareDatabase } = await import("./db/bootstrap");
  // The embedded database is seeded on its first start so `npm run dev` shows a working app;
  // a real server is seeded only on request (npm run db:seed) unless SEED_ON_START=1.
  const handle = getDbHandle();
  try {
    await prepareDatabase(handle, { seed: handle.kind === "pglite" || process.env.SEED_ON_START === "1" });
  } catch (error) {
    markDatabaseReady(error);
    throw error;
  }
  // server.ts listens only after this (see databaseReady in db/index.ts).
  markDatabaseReady();
  // The process's LISTEN and the hub that fans its events out to the live screens (/api/stream).
  const { processEventHub } = await import("./lib/events/hub");
  await processEventHub(handle).catch((error: unknown) => console.error("[events] LISTEN falhou", error));
  // Offer timers, the overdue-offer sweep and presence liveness (Offline without a live stream).
  const { startDeskSweeper } = await import("./lib/desk/desk-sweeper");
  startDeskSweeper(handle);
  const { startProcessScheduler } = await import("./lib/jobs/process-scheduler");
  startProcessScheduler(handle);
}
