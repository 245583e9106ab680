/**
 * WhatsApp webhook benchmark. Not part of `npm test`.
 *
 *   npm run build && npm run bench:webhook
 *
 * Creates a fresh database on the Postgres server of BENCH_DATABASE_URL (default the local server),
 * migrates it, adds a company and a sender number, starts the production build (`npm start`: server.ts,
 * whose POST /api/whatsapp/webhook fast path answers with the route's receiveDelivery) against it, and a
 * baseline in its own process: a bare node:http server doing the same work on the answer path (HMAC,
 * JSON.parse, phone normalisation, the conversation upsert and message insert in one statement, into
 * fresh copies of the tables). Signed inbound deliveries (a share of them repeats of earlier ones, as
 * Meta's at-least-once delivery does) go from concurrent keep-alive clients on loopback in interleaved
 * rounds: an app round, until the bot has answered every new message of it, then a baseline round.
 * Leads with the end-to-end figure (new messages answered by the bot per second, delivery → bot answer
 * p50/p95), then deliveries/s and latency of the answers of both servers, messages stored against the
 * distinct ones, and the ratio. Prints the machine and its load before and after. Drops the database.
 *
 * Env: BENCH_DATABASE_URL, BENCH_DELIVERIES (default 20000), BENCH_ROUNDS (5), BENCH_REPEAT_SHARE (0.1),
 * BENCH_CONCURRENCY (32), BENCH_CUSTOMERS (2000), BENCH_WARMUP (1000), BENCH_KEEP=1 keeps the database,
 * BENCH_NODE_FLAGS (node flags for the app server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { openPostgres } from "../db/client";
import { migrate } from "../db/migrate";
import { companies } from "../db/schema/org";
import { senderNumbers } from "../db/schema/whatsapp";
import { normalizePhone } from "../lib/customers/phone";
import { signWebhookBody, verifyWebhookSignature } from "../lib/whatsapp/webhook-signature";
import { quoteIdent, withDatabase } from "../test/pg-urls";

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 20_000);
const REPEAT_SHARE = Number(process.env.BENCH_REPEAT_SHARE ?? 0.1);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
// Extra node flags for the app server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
const APP_SECRET = "bench-app-secret";
const VERIFY_TOKEN = "bench-verify-token";
const PHONE_ID = "BENCH-PHONE-ID";
const WEBHOOK_PATH = "/api/whatsapp/webhook";
// Both servers get the same pool size (db/client.ts opens postgres.js with max 10).
const POOL = 10;

const log = (...args: unknown[]) => console.log(...args);
const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(" / ");

type Delivery = { body: Buffer; signature: string; wamid: string };

/** A deterministic pseudo-random sequence, so every run fires the same load. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeDelivery(wamid: string, customer: number, at: number): Delivery {
  const from = `55119${String(80000000 + customer)}`;
  const payload = {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "BENCH-WABA",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "551140009000", phone_number_id: PHONE_ID },
              contacts: [{ profile: { name: `Cliente ${customer}` }, wa_id: from }],
              messages: [{ from, id: wamid, timestamp: String(at), type: "text", text: { body: `Olá! Mensagem ${wamid}: quero agendar a revisão.` } }],
            },
          },
        ],
      },
    ],
  };
  const body = Buffer.from(JSON.stringify(payload));
  return { body, signature: signWebhookBody(body, APP_SECRET), wamid };
}

/** DELIVERIES deliveries: the distinct ones in order, with REPEAT_SHARE of the slots repeating an earlier one. */
function buildLoad(prefix: string) {
  const random = rng(42);
  const at = Math.floor(Date.now() / 1000) - 3600;
  const distinct: Delivery[] = [];
  const load: Delivery[] = [];
  for (let i = 0; i < DELIVERIES; i++) {
    if (distinct.length > 0 && random() < REPEAT_SHARE) {
      load.push(distinct[Math.floor(random() * distinct.length)]);
    } else {
      const d = makeDelivery(`${prefix}${distinct.length}`, Math.floor(random() * CUSTOMERS), at + Math.floor(i / 100));
      distinct.push(d);
      load.push(d);
    }
  }
  return { load, distinct: distinct.length };
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type RunStats = { seconds: number; perSecond: number; p50: number; p95: number; p99: number; max: number; non200: number };
/** One round's raw figures: latency per request, when each was sent (wall clock, ms), non-200 count. */
type Samples = { seconds: number; latencies: number[]; sentAt: number[]; non200: number };

/** Fires the deliveries from `concurrency` keep-alive clients; latency is request start → response end. */
/** `deliveries` a number: that many GET handshakes instead (the framework's cost without the database). */
async function fire(port: number, deliveries: Delivery[] | number, concurrency: number): Promise<Samples> {
  const total = typeof deliveries === "number" ? deliveries : deliveries.length;
  const handshake = `${WEBHOOK_PATH}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=ok`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = new Array(total);
  const sentAt: number[] = new Array(total);
  let next = 0;
  let non200 = 0;
  const one = (d: Delivery | undefined) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        d
          ? {
              host: "127.0.0.1",
              port,
              path: WEBHOOK_PATH,
              method: "POST",
              agent,
              headers: { "Content-Type": "application/json", "Content-Length": d.body.length, "X-Hub-Signature-256": d.signature },
            }
          : { host: "127.0.0.1", port, path: handshake, method: "GET", agent },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(d?.body);
    });
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      sentAt[i] = Date.now();
      const t0 = performance.now();
      const status = await one(typeof deliveries === "number" ? undefined : deliveries[i]);
      latencies[i] = performance.now() - t0;
      if (status !== 200) non200++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, latencies, sentAt, non200 };
}

/** The figures of one or more rounds together: rate over their summed time, percentiles over every request. */
function summarise(rounds: Samples[]): RunStats {
  const seconds = rounds.reduce((t, r) => t + r.seconds, 0);
  const sorted = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    seconds,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
    non200: rounds.reduce((t, r) => t + r.non200, 0),
  };
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitReady(port: number, child: ChildProcess, what: string) {
  const deadline = Date.now() + 90_000;
  const url = `http://127.0.0.1:${port}${WEBHOOK_PATH}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=ready`;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200 && (await res.text()) === "ready") return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become ready in 90 s`);
}

function startProcess(command: string, args: string[], env: Record<string, string>, name: string): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter((line) => line.trim())
      .forEach((line) => log(`  [${name}] ${line}`));
  child.stdout?.on("data", prefix);
  child.stderr?.on("data", prefix);
  return child;
}

async function stopProcess(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
  const timeout = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timeout);
}

async function countStored(sql: postgres.Sql, table: "messages" | "baseline_messages", prefix: string) {
  const [row] = await sql.unsafe<{ stored: number; distinct: number }[]>(
    `select count(*)::int as stored, count(distinct wamid)::int as distinct from ${table} where wamid like $1`,
    [`${prefix}%`],
  );
  return row;
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

/**
 * Waits until the follow-ups (chatbot, ticket routing) of the run's messages are done: every inbound
 * message has the bot's first answer (key bot:<message id>:0) or a ticket. The production server runs
 * them after the answers, a few at a time; this is how long its backlog takes to drain.
 */
async function waitFollowUps(sql: postgres.Sql, prefix: string) {
  const started = performance.now();
  let last = -1;
  let lastChange = started;
  for (;;) {
    const [{ pending }] = await sql.unsafe<{ pending: number }[]>(
      `select count(*)::int as pending from messages m
       where m.wamid like $1 and m.ticket_id is null
         and not exists (select 1 from messages b where b.idempotency_key = 'bot:' || m.id || ':0')`,
      [`${prefix}%`],
    );
    const now = performance.now();
    if (pending === 0) return { seconds: (now - started) / 1000, pending };
    if (pending !== last) [last, lastChange] = [pending, now];
    else if (now - lastChange > 30_000) return { seconds: (now - started) / 1000, pending };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The baseline: node:http + the same HMAC check + JSON.parse + the same phone normalisation + the same one
 * statement the app runs per message (sender lookup, conversation upsert keeping the latest inbound,
 * message insert unless its wamid is known), into fresh copies of the two tables. What it leaves out is
 * exactly what the app adds: Next's route adapter, the tolerant zod parse, the follow-up queue, the logs.
 */
async function baselineServer() {
  const sql = postgres(process.env.BENCH_BASELINE_URL!, { max: POOL, onnotice: () => {} });
  const server = http.createServer((req, res) => {
    if (req.method === "GET") {
      const url = new URL(req.url ?? "/", "http://x");
      const ok = url.searchParams.get("hub.verify_token") === VERIFY_TOKEN;
      res.writeHead(ok ? 200 : 403).end(ok ? (url.searchParams.get("hub.challenge") ?? "") : "");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const signature = req.headers["x-hub-signature-256"];
      if (!verifyWebhookSignature(raw, typeof signature === "string" ? signature : null, APP_SECRET)) {
        res.writeHead(401).end();
        return;
      }
      type Value = {
        metadata: { phone_number_id: string };
        contacts?: { profile?: { name?: string } }[];
        messages: { from: string; id: string; type: string; timestamp: string; text?: { body?: string } }[];
      };
      let value: Value;
      try {
        value = JSON.parse(raw.toString("utf8")).entry[0].changes[0].value;
      } catch {
        res.writeHead(400).end();
        return;
      }
      const m = value.messages[0];
      const phone = normalizePhone(`+${m.from}`) ?? m.from;
      const name = value.contacts?.[0]?.profile?.name ?? null;
      const at = new Date(Math.min(Number(m.timestamp) * 1000, Date.now())).toISOString();
      sql`
        with sn as (
          select id, company_id from sender_numbers where provider_phone_id = ${value.metadata.phone_number_id}
        ), conv as (
          insert into baseline_conversations as c (company_id, sender_number_id, customer_phone, contact_name, last_inbound_at)
          select sn.company_id, sn.id, ${phone}, ${name}, ${at}::timestamptz from sn
          on conflict (sender_number_id, customer_phone) do update set
            last_inbound_at = greatest(c.last_inbound_at, excluded.last_inbound_at),
            contact_name = coalesce(excluded.contact_name, c.contact_name)
          returning c.id
        )
        insert into baseline_messages (conversation_id, direction, author, type, body, wamid, status, status_at, created_at)
        select conv.id, 'in', 'customer', ${m.type}, ${m.text?.body ?? null}, ${m.id}, 'received', ${at}::timestamptz, ${at}::timestamptz
        from conv
        on conflict (wamid) do nothing`
        .then(() => res.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}'))
        .catch((error: unknown) => {
          console.error(error);
          res.writeHead(500).end();
        });
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT), "127.0.0.1");
  const stop = () => server.close(() => void sql.end().then(() => process.exit(0)));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/**
 * Delivery → the bot's first answer, per distinct message of the app's load: from when its first delivery
 * was sent (client clock) to when the bot's answer row was written (same machine's clock).
 */
async function answerLatencies(sql: postgres.Sql, firstSentAt: Map<string, number>) {
  const rows = await sql<{ wamid: string; answered: number }[]>`
    select m.wamid, (extract(epoch from b.created_at) * 1000)::float8 as answered
    from messages m join messages b on b.idempotency_key = 'bot:' || m.id || ':0'
    where m.wamid like 'wamid.bench.%'`;
  return rows.map((r) => r.answered - firstSentAt.get(r.wamid)!).sort((a, b) => a - b);
}

async function main() {
  const buildId = path.join(process.cwd(), ".next", "BUILD_ID");
  const serverEntry = path.join(".next", "atende-server.mjs");
  if (!fs.existsSync(buildId) || !fs.existsSync(serverEntry)) throw new Error("No production build: run `npm run build` first.");
  log(`Production build ${fs.readFileSync(buildId, "utf8").trim()} from ${fs.statSync(buildId).mtime.toISOString()}`);

  const dbName = `atende_bench_webhook_${process.pid}`;
  const dbUrl = withDatabase(SERVER_URL, dbName);
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  let sql: postgres.Sql | undefined;
  let appServer: ChildProcess | undefined;
  let baseline: ChildProcess | undefined;
  try {
    await admin.unsafe(`CREATE DATABASE ${quoteIdent(dbName)}`);
    log(`Database ${dbName} created; migrating…`);
    const handle = openPostgres(dbUrl, 2);
    await migrate(handle);
    const [company] = await handle.db.insert(companies).values({ name: "Oficina Benchmark" }).returning();
    await handle.db
      .insert(senderNumbers)
      .values({ companyId: company.id, phone: "551140009000", displayName: "Central Benchmark", providerPhoneId: PHONE_ID });
    await handle.close();
    sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
    await sql`create table baseline_conversations (like conversations including all)`;
    await sql`create table baseline_messages (like messages including all)`;

    const warm = buildLoad("wamid.warm.").load.slice(0, WARMUP);
    const { load, distinct } = buildLoad("wamid.bench.");
    const baselineWarm = buildLoad("wamid.bwarm.").load.slice(0, WARMUP);
    const { load: baselineLoad } = buildLoad("wamid.base.");
    log(`${load.length} deliveries (${distinct} distinct, ${load.length - distinct} repeats), ${CUSTOMERS} customers, ${CONCURRENCY} concurrent clients, ${ROUNDS} rounds each, interleaved`);
    log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average (1/5/15 min) before: ${loadAverage()}`);

    // The app: the production server (what `npm start` runs) on Postgres; the baseline in its own process.
    const appPort = await freePort();
    appServer = startProcess(
      process.execPath,
      [...NODE_FLAGS, serverEntry, "-p", String(appPort), "-H", "127.0.0.1"],
      {
        NODE_ENV: "production",
        DATABASE_URL: dbUrl,
        WHATSAPP_APP_SECRET: APP_SECRET,
        WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
        WHATSAPP_PROVIDER: "sandbox",
        AUTH_SECRET: "bench-auth-secret-bench-auth-secret",
        NEXT_TELEMETRY_DISABLED: "1",
        SCHEDULER: "off",
      },
      "app",
    );
    const basePort = await freePort();
    baseline = startProcess(
      process.execPath,
      [path.join("node_modules", "tsx", "dist", "cli.mjs"), path.join("bench", "webhook.ts"), "--baseline-server"],
      { PORT: String(basePort), BENCH_BASELINE_URL: dbUrl, NODE_ENV: "production" },
      "baseline",
    );
    await waitReady(appPort, appServer, "npm start");
    await waitReady(basePort, baseline, "baseline server");
    log(`npm start on :${appPort}, baseline on :${basePort}; warming up with ${warm.length} deliveries each…`);
    await fire(appPort, warm, CONCURRENCY);
    await waitFollowUps(sql, "wamid.warm.");
    await fire(basePort, baselineWarm, CONCURRENCY);

    // Rounds, app then baseline: each app round ends when its follow-ups (the bot's answers) are done, so
    // neither server runs while the other is measured and the app's rounds include the bot's work.
    const appRounds: Samples[] = [];
    const baseRounds: Samples[] = [];
    const appEndToEnd: number[] = [];
    let pending = 0;
    const slice = (all: Delivery[], r: number) => all.slice(Math.floor((r * all.length) / ROUNDS), Math.floor(((r + 1) * all.length) / ROUNDS));
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = performance.now();
      appRounds.push(await fire(appPort, slice(load, r), CONCURRENCY));
      const followUps = await waitFollowUps(sql, "wamid.bench.");
      appEndToEnd.push((performance.now() - t0) / 1000);
      pending = followUps.pending;
      baseRounds.push(await fire(basePort, slice(baselineLoad, r), CONCURRENCY));
    }
    const appStored = await countStored(sql, "messages", "wamid.bench.");
    const baseStored = await countStored(sql, "baseline_messages", "wamid.base.");
    // Next alone: the route's GET handshake still goes through Next's pipeline (no body, no database).
    const nextGet = summarise([await fire(appPort, load.length, CONCURRENCY)]);
    const baseGet = summarise([await fire(basePort, load.length, CONCURRENCY)]);
    const [{ conversations }] = await sql<{ conversations: number }[]>`select count(*)::int as conversations from conversations`;
    await stopProcess(appServer);
    appServer = undefined;
    await stopProcess(baseline);
    baseline = undefined;

    const firstSentAt = new Map<string, number>();
    appRounds.forEach((round, r) => {
      const deliveries = slice(load, r);
      deliveries.forEach((d, i) => {
        if (!firstSentAt.has(d.wamid)) firstSentAt.set(d.wamid, round.sentAt[i]);
      });
    });
    const answered = await answerLatencies(sql, firstSentAt);
    const app = summarise(appRounds);
    const base = summarise(baseRounds);
    const endToEndSeconds = appEndToEnd.reduce((a, b) => a + b, 0);
    const [{ routed }] = await sql<{ routed: number }[]>`
      select count(*)::int as routed from messages m
      where m.wamid like 'wamid.bench.%' and m.ticket_id is not null
        and not exists (select 1 from messages b where b.idempotency_key = 'bot:' || m.id || ':0')`;
    const followedUp = answered.length + routed;
    const endToEndRate = followedUp / endToEndSeconds;
    const ratio = app.perSecond / base.perSecond;
    const row = (name: string, s: RunStats, stored?: { stored: number; distinct: number }) =>
      `| ${name} | ${Math.round(s.perSecond).toLocaleString("en-US")} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${stored ? `${stored.stored.toLocaleString("en-US")} / ${distinct.toLocaleString("en-US")}` : "—"} | ${s.non200} |`;
    log("");
    log(`End to end: ${followedUp.toLocaleString("en-US")} of ${distinct.toLocaleString("en-US")} new messages followed up (${answered.length.toLocaleString("en-US")} answered by the bot, ${routed.toLocaleString("en-US")} in a ticket for a person), ${Math.round(endToEndRate).toLocaleString("en-US")} per second (rounds' time from the first delivery to the last follow-up: ${endToEndSeconds.toFixed(1)} s); delivery → bot answer p50 ${ms(percentile(answered, 50))}, p95 ${ms(percentile(answered, 95))}, max ${ms(answered[answered.length - 1] ?? 0)}`);
    log("");
    log(`Webhook answers: ${load.length.toLocaleString("en-US")} signed deliveries (${(load.length - distinct).toLocaleString("en-US")} repeats), ${CONCURRENCY} keep-alive clients, loopback, ${ROUNDS} interleaved rounds`);
    log("| Server | deliveries/s | p50 | p95 | p99 | max | stored / distinct | non-200 |");
    log("|---|---|---|---|---|---|---|---|");
    log(row("Atende (`npm start`, Postgres)", app, appStored));
    log(row("Baseline (node:http, same parse, normalisation and statement)", base, baseStored));
    log(row("GET handshake only, Atende — through Next (no body, no DB)", nextGet));
    log(row("GET handshake only, baseline", baseGet));
    log("");
    log(`Conversations created: ${conversations}. Ratio app/baseline: ${ratio.toFixed(2)} (GET-only ratio: ${(nextGet.perSecond / baseGet.perSecond).toFixed(2)}). Per round, app/baseline: ${appRounds.map((a, r) => (summarise([a]).perSecond / summarise([baseRounds[r]]).perSecond).toFixed(2)).join(", ")}.`);
    log(`load average (1/5/15 min) after: ${loadAverage()}`);
    const checks = [
      [endToEndRate >= 1000, `end to end ≥ 1,000 follow-ups/s (${Math.round(endToEndRate)})`],
      [followedUp === distinct, `every new message answered by the bot or in a ticket (${followedUp} / ${distinct})`],
      [app.perSecond >= 1000, `≥ 1,000 deliveries/s answered (${Math.round(app.perSecond)})`],
      [app.p99 <= 100, `p99 ≤ 100 ms (${ms(app.p99)})`],
      [ratio >= 0.5, `ratio ≥ 0.5 (${ratio.toFixed(2)})`],
      [appStored.stored === distinct && appStored.distinct === distinct, `stored = distinct (${appStored.stored} / ${distinct})`],
      [app.non200 === 0, `every answer 200 (${app.non200} not)`],
      [pending === 0, `every follow-up done (${pending} pending)`],
    ] as const;
    for (const [ok, label] of checks) log(`${ok ? "PASS" : "FAIL"} ${label}`);
    if (checks.some(([ok]) => !ok)) process.exitCode = 1;
  } finally {
    await stopProcess(appServer);
    await stopProcess(baseline);
    await sql?.end();
    if (process.env.BENCH_KEEP === "1") log(`Kept database ${dbName}`);
    else await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
    await admin.end();
  }
}

if (process.argv.includes("--baseline-server")) {
  void baselineServer();
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
