/**
 * One run of the invitation job in its own process, against the fake Graph server, for bench/dispatch.ts
 * to SIGKILL in the middle of a batch. BENCH_WORKER_DB, BENCH_WORKER_GRAPH, BENCH_WORKER_NOW, BENCH_WORKER_TOKEN.
 */
import { openPostgres } from "../db/client";
import { run } from "../lib/jobs/dispatch-invitations";
import { createCloudProvider } from "../lib/whatsapp/cloud-provider";

const handle = openPostgres(process.env.BENCH_WORKER_DB!, 10);
const gateway = createCloudProvider({ baseUrl: process.env.BENCH_WORKER_GRAPH!, apiVersion: "v23.0", accessToken: process.env.BENCH_WORKER_TOKEN ?? "worker" });
run({ db: handle.db, gateway }, { now: new Date(process.env.BENCH_WORKER_NOW!), trigger: "manual" })
  .then(() => handle.close())
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
