/**
 * dispatch-invitations benchmark. Not part of `npm test`.
 *
 *   npm run bench:dispatch
 *
 * Creates a fresh database on the Postgres server of BENCH_DATABASE_URL (default the local server),
 * migrates it and loads in SQL (generate_series) one company, its program, invitation template and
 * sender number, BENCH_AGENDAS (100,000) customers with a WhatsApp contact and a vehicle, and one due
 * automatic agenda each. Then:
 *  1. times lib/jobs/dispatch-invitations over all of them with the sandbox gateway and no rate limit
 *     (target ≤ 30 s);
 *  2. sets the sender's rate to 80/s, adds BENCH_PACED (2,000) more agendas and times a run with the
 *     real sleep: the achieved rate must be within 5% of 80/s (and never above it);
 *  3. counts duplicates (messages per `invite:` key > 1 → must be 0) and agendas left unsent;
 *  4. baseline, same run: a second company with as many due agendas gets the same rows (conversations,
 *     messages already `sent`, agenda updates, history) from four set-based SQL statements — the database
 *     floor, with no provider calls, no rows-first, no checks — and prints the job's time over it;
 *  5. concurrency and a crash: BENCH_CRASH (20,000) more due agendas, the cloud provider against a local fake
 *     Graph server that counts what it received per recipient (one key each); a run in a child process is
 *     SIGKILLed in the middle of a batch while two more runs go at once in this process, then a rerun after
 *     the claim's lease. Every eligible agenda must end sent, and a recipient may have got two sends only if
 *     that send was in flight when the process died (claimed and received, its outcome never recorded);
 *  6. paced: BENCH_PACED_TOTAL (10,000) invitations over 5 companies' sender numbers at 80/s each, one run:
 *     how long a send of that size takes (the number a company plans with) and each number's peak second.
 * Prints the figures and drops the database (BENCH_KEEP=1 keeps it).
 */
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { openPostgres } from "../db/client";
import { migrate } from "../db/migrate";
import { run } from "../lib/jobs/dispatch-invitations";
import { createSandboxProvider } from "../lib/whatsapp/sandbox-provider";
import { QUEUED_LEASE_MS } from "../lib/whatsapp/outbox/claim";
import { createCloudProvider } from "../lib/whatsapp/cloud-provider";
import { quoteIdent, withDatabase } from "../test/pg-urls";
import { maxInAnySecond, startFakeGraph } from "./fake-graph";
import { spawn } from "node:child_process";
import os from "node:os";

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const AGENDAS = Number(process.env.BENCH_AGENDAS ?? 100_000);
const PACED = Number(process.env.BENCH_PACED ?? 2_000);
const CRASH = Number(process.env.BENCH_CRASH ?? 20_000);
const PACED_TOTAL = Number(process.env.BENCH_PACED_TOTAL ?? 10_000);
const PACED_NUMBERS = 5;
const RATE = 80;
// 11:00 in São Paulo: inside the default sending hours.
const NOW = new Date("2026-03-10T14:00:00.000Z");

const log = (...args: unknown[]) => console.log(...args);
const load1 = () => os.loadavg().map((n) => n.toFixed(2)).join(" / ");

/** A company ready to invite: campaign, program with auto-send, the approved template and its sender. */
async function company(sql: postgres.Sql, name: string, phone: string, rate: number) {
  const [c] = await sql`insert into companies (name) values (${name}) returning id`;
  const [campaign] = await sql`insert into campaigns (company_id, name) values (${c.id}, 'Revisão') returning id`;
  const [program] = await sql`
    insert into programs (company_id, campaign_id, name, invitation_template)
    values (${c.id}, ${campaign.id}, 'Revisão anual', 'convite_revisao') returning id`;
  await sql`
    insert into message_templates (company_id, name, status, body)
    values (${c.id}, 'convite_revisao', 'APPROVED', 'Olá {{1}}! A revisão do seu {{2}} está chegando. Quer agendar?')`;
  await sql`
    insert into sender_numbers (company_id, phone, display_name, provider_phone_id, rate_per_second)
    values (${c.id}, ${phone}, ${name}, ${"bench-" + phone}, ${rate})`;
  return { id: c.id as string, programId: program.id as string, campaignId: campaign.id as string, providerPhoneId: `bench-${phone}` };
}

async function load(sql: postgres.Sql, from: number, count: number, companyId: string, programId: string, campaignId: string) {
  await sql`
    insert into customers (id, company_id, name)
    select md5('c' || g)::uuid, ${companyId}, 'Cliente ' || g || ' Bench'
    from generate_series(${from}::int, ${from + count - 1}::int) g`;
  await sql`
    insert into contacts (customer_id, name, mobile, whatsapp)
    select md5('c' || g)::uuid, 'Cliente ' || g, '55119' || (60000000 + g)::text, '55119' || (60000000 + g)::text
    from generate_series(${from}::int, ${from + count - 1}::int) g`;
  await sql`
    insert into assets (customer_id, kind, model, plate)
    select md5('c' || g)::uuid, 'vehicle', 'Onix 1.0', 'BEN' || g
    from generate_series(${from}::int, ${from + count - 1}::int) g`;
  await sql`
    insert into agendas (company_id, campaign_id, program_id, customer_id, contact_date, origin, direction)
    select ${companyId}, ${campaignId}, ${programId}, md5('c' || g)::uuid, '2026-03-10', 'automatica', 'ativo'
    from generate_series(${from}::int, ${from + count - 1}::int) g`;
  await sql`analyze`;
}

/** The floor: the rows the job writes for every due agenda of a company, set-based, nothing sent. */
async function baseline(sql: postgres.Sql, companyId: string, senderId: string) {
  await sql.begin(async (tx) => {
    await tx`
      insert into conversations (company_id, sender_number_id, customer_phone, customer_id, contact_name)
      select a.company_id, ${senderId}, ct.whatsapp, a.customer_id, split_part(c.name, ' ', 1)
      from agendas a join customers c on c.id = a.customer_id join contacts ct on ct.customer_id = a.customer_id
      where a.company_id = ${companyId} and a.whatsapp_state = 'nao_enviado'
      on conflict do nothing`;
    await tx`
      insert into messages (conversation_id, direction, author, type, body, template_name, template_params, idempotency_key, wamid, status, status_at, created_at)
      select cv.id, 'out', 'system', 'template', 'Olá ' || split_part(c.name, ' ', 1) || '! A revisão do seu Onix 1.0 está chegando. Quer agendar?',
        'convite_revisao', jsonb_build_object('language', 'pt_BR', 'params', jsonb_build_array(split_part(c.name, ' ', 1), 'Onix 1.0')),
        'invite:' || a.id, 'wamid.base.' || a.id, 'sent', ${NOW}, ${NOW}
      from agendas a join customers c on c.id = a.customer_id join contacts ct on ct.customer_id = a.customer_id
      join conversations cv on cv.sender_number_id = ${senderId} and cv.customer_phone = ct.whatsapp
      where a.company_id = ${companyId} and a.whatsapp_state = 'nao_enviado'`;
    await tx`
      with moved as (
        update agendas set whatsapp_state = 'enviado', whatsapp_at = ${NOW}, updated_at = ${NOW}
        where company_id = ${companyId} and whatsapp_state = 'nao_enviado' returning id, status)
      insert into agenda_history (agenda_id, at, kind, from_status, to_status, reason)
      select id, ${NOW}, 'whatsapp', status, status, 'convite_enviado' from moved`;
  });
}

/** Step 5: a run killed mid-batch, two at once, a rerun; what the provider got per key. */
async function crashScenario(sql: postgres.Sql, handle: ReturnType<typeof openPostgres>, url: string, from: number) {
  const c = await company(sql, "Bench Concorrência", "551140007777", 0);
  await load(sql, from, CRASH, c.id, c.programId, c.campaignId);
  const fake = await startFakeGraph({ latencyMs: 5 });
  const gateway = createCloudProvider({ baseUrl: fake.url, apiVersion: "v23.0", accessToken: "bench" });
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/dispatch-worker.ts"], {
    stdio: "inherit",
    env: { ...process.env, BENCH_WORKER_DB: url, BENCH_WORKER_GRAPH: fake.url, BENCH_WORKER_NOW: NOW.toISOString(), BENCH_WORKER_TOKEN: "doomed" },
  });
  const exited = new Promise<string>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? String(code))));
  // Once it is sending, two more runs go at once over the same agendas; the first one is killed at a count
  // of its own sends that no batch of 500 ends on, so it dies with sends of a claimed batch in flight.
  await fake.whenReceived(200, "doomed");
  const killAfter = Math.round(CRASH / 16) + 7;
  const killed = Promise.race([fake.whenReceived(killAfter, "doomed").then(() => child.kill("SIGKILL")), exited]);
  const both = await Promise.all([
    run({ db: handle.db, gateway }, { now: NOW, trigger: "manual" }),
    run({ db: handle.db, gateway }, { now: NOW, trigger: "manual" }),
  ]);
  await killed;
  const how = await exited;
  const sentByDoomed = fake.receivedWith("doomed");
  // What the dead run had claimed and sent without recording the outcome: still `queued`, received.
  const inFlight = await sql`
    select ct.whatsapp as phone from messages m
    join agendas a on 'invite:' || a.id = m.idempotency_key join contacts ct on ct.customer_id = a.customer_id
    where a.company_id = ${c.id} and m.status = 'queued'`;
  const inFlightReceived = new Set(inFlight.map((r) => r.phone as string).filter((phone) => fake.perRecipient.has(phone)));
  // The rerun comes after the claim's lease, as the next scheduled run would.
  const rerun = await run({ db: handle.db, gateway }, { now: new Date(NOW.getTime() + QUEUED_LEASE_MS + 60_000), trigger: "manual" });
  const seconds = (performance.now() - t0) / 1000;
  await fake.close();

  const counts = [...fake.perRecipient.values()];
  const twice = [...fake.perRecipient.entries()].filter(([, n]) => n > 1);
  const unexplained = twice.filter(([phone, n]) => n > 2 || !inFlightReceived.has(phone));
  const [left] = await sql`
    select count(*)::int as n from agendas where company_id = ${c.id} and whatsapp_state <> 'enviado'`;
  const exactlyOnce = counts.filter((n) => n === 1).length;
  for (const r of [...both, rerun]) if (r.failed || r.errors.length) log(`   run: failed ${r.failed}; ${r.errors.slice(0, 3).join(" | ")}`);
  log(`\n5. ${CRASH.toLocaleString("en")} due: a run in a child process killed (${how}) after ${sentByDoomed.toLocaleString("en")} sends, two runs at once (${both.map((r) => r.sent).join(" + ")} sent), a rerun after the lease (${rerun.sent} sent, skipped ${JSON.stringify(rerun.skipped)}); ${seconds.toFixed(1)} s`);
  log(`   provider received ${fake.received().toLocaleString("en")} sends for ${fake.perRecipient.size.toLocaleString("en")} recipients: ${exactlyOnce.toLocaleString("en")} exactly once, ${twice.length} twice (in flight when the process died: ${inFlightReceived.size}), unexplained repeats ${unexplained.length} (must be 0); agendas not sent ${left.n} (must be 0)`);
  return how === "SIGKILL" && unexplained.length === 0 && left.n === 0 && fake.perRecipient.size === CRASH;
}

/** Step 6: one run over 5 companies, each number paced at RATE. */
async function pacedScenario(sql: postgres.Sql, handle: ReturnType<typeof openPostgres>, from: number) {
  const fake = await startFakeGraph({ latencyMs: 5 });
  const cloud = createCloudProvider({ baseUrl: fake.url, apiVersion: "v23.0", accessToken: "bench" });
  // Each number's sends timed where the job makes them (as in step 2), not where the fake receives them.
  const stampsOf = new Map<string, number[]>();
  const gateway = {
    ...cloud,
    send: async (...args: Parameters<typeof cloud.send>) => {
      const stamps = stampsOf.get(args[0].providerPhoneId) ?? [];
      stamps.push(performance.now());
      stampsOf.set(args[0].providerPhoneId, stamps);
      return cloud.send(...args);
    },
  };
  const per = Math.floor(PACED_TOTAL / PACED_NUMBERS);
  for (let i = 0; i < PACED_NUMBERS; i++) {
    const c = await company(sql, `Bench Ritmo ${i + 1}`, `55114000600${i}`, RATE);
    await load(sql, from + i * per, per, c.id, c.programId, c.campaignId);
  }
  const t0 = performance.now();
  const report = await run({ db: handle.db, gateway }, { now: NOW, trigger: "manual" });
  const seconds = (performance.now() - t0) / 1000;
  await fake.close();
  if (report.failed || report.errors.length) log(`   run: failed ${report.failed}; ${report.errors.slice(0, 3).join(" | ")}`);
  const numbers = [...stampsOf.entries()];
  // Stamped just after the pacing gate, a few event-loop turns late under load: 5 ms of allowance.
  const peaks = numbers.map(([, stamps]) => maxInAnySecond(stamps, 5));
  const rates = numbers.map(([, stamps]) => (stamps.length - 1) / ((stamps[stamps.length - 1] - stamps[0]) / 1000));
  const floor = per / RATE;
  log(`\n6. ${(per * PACED_NUMBERS).toLocaleString("en")} invitations over ${PACED_NUMBERS} numbers at ${RATE}/s each: ${report.sent.toLocaleString("en")} sent in ${seconds.toFixed(1)} s (${Math.round(report.sent / seconds)}/s; the numbers' own limit allows ${floor.toFixed(1)} s)`);
  log(`   per number: ${rates.map((r) => r.toFixed(1)).join(", ")}/s achieved; most in any second ${peaks.join(", ")} (must be ≤ ${RATE})`);
  const received = [...fake.perSender.values()].reduce((a, b) => a + b, 0);
  return report.sent === per * PACED_NUMBERS && received === report.sent && peaks.every((p) => p <= RATE);
}

async function main() {
  log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average (1/5/15 min) before: ${load1()}`);
  const name = `atende_bench_dispatch_${process.pid}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${quoteIdent(name)}`);
  const url = withDatabase(SERVER_URL, name);
  const handle = openPostgres(url, 10);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(handle);
    const [company] = await sql`insert into companies (name) values ('Bench Veículos') returning id`;
    const [campaign] = await sql`insert into campaigns (company_id, name) values (${company.id}, 'Revisão') returning id`;
    const [program] = await sql`
      insert into programs (company_id, campaign_id, name, invitation_template)
      values (${company.id}, ${campaign.id}, 'Revisão anual', 'convite_revisao') returning id`;
    await sql`
      insert into message_templates (company_id, name, status, body)
      values (${company.id}, 'convite_revisao', 'APPROVED', 'Olá {{1}}! A revisão do seu {{2}} está chegando. Quer agendar?')`;
    // Rate 0 = not limited (step 1).
    await sql`
      insert into sender_numbers (company_id, phone, display_name, provider_phone_id, rate_per_second)
      values (${company.id}, '551140009999', 'Bench', 'bench-phone', 0)`;

    let t0 = performance.now();
    await load(sql, 1, AGENDAS, company.id, program.id, campaign.id);
    log(`loaded ${AGENDAS.toLocaleString("en")} due agendas in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const gateway = createSandboxProvider();
    t0 = performance.now();
    const bulk = await run({ db: handle.db, gateway }, { now: NOW, trigger: "manual" });
    const bulkS = (performance.now() - t0) / 1000;
    if (bulkS > 30 || bulk.sent !== AGENDAS) process.exitCode = 1;
    log(`\n1. unlimited rate: ${bulk.sent.toLocaleString("en")} sent of ${bulk.considered.toLocaleString("en")} in ${bulkS.toFixed(1)} s = ${Math.round(bulk.sent / bulkS)}/s (target ≤ 30 s: ${bulkS <= 30 ? "OK" : "MISSED"}); failed ${bulk.failed}`);

    await sql`update sender_numbers set rate_per_second = ${RATE}`;
    await load(sql, AGENDAS + 1, PACED, company.id, program.id, campaign.id);
    const stamps: number[] = [];
    const timed = { ...gateway, send: async (...args: Parameters<typeof gateway.send>) => (stamps.push(performance.now()), gateway.send(...args)) };
    t0 = performance.now();
    const paced = await run({ db: handle.db, gateway: timed }, { now: NOW, trigger: "manual" });
    const pacedS = (performance.now() - t0) / 1000;
    // Rate over the sends themselves: n sends span (n − 1) intervals.
    const span = (stamps[stamps.length - 1] - stamps[0]) / 1000;
    const achieved = (stamps.length - 1) / span;
    const maxInSecond = maxInAnySecond(stamps);
    const within = Math.abs(achieved - RATE) / RATE <= 0.05;
    if (!within || maxInSecond > RATE) process.exitCode = 1;
    log(`2. limit ${RATE}/s: ${paced.sent.toLocaleString("en")} sent in ${pacedS.toFixed(1)} s; achieved ${achieved.toFixed(2)}/s (${(((achieved - RATE) / RATE) * 100).toFixed(2)}%, within 5%: ${within ? "OK" : "MISSED"}); max in any 1 s window (±1 ms) ${maxInSecond}`);

    const [dups] = await sql`
      select count(*)::int as keys, coalesce(sum(n - 1), 0)::int as extra from (
        select idempotency_key, count(*) as n from messages where idempotency_key like 'invite:%' group by 1 having count(*) > 1) d`;
    const [left] = await sql`select count(*)::int as n from agendas where whatsapp_state = 'nao_enviado'`;
    const [msgs] = await sql`select count(*)::int as n from messages where idempotency_key like 'invite:%'`;
    log(`3. invitation messages ${msgs.n.toLocaleString("en")}; keys with more than one message: ${dups.keys} (extra rows ${dups.extra}); agendas still nao_enviado: ${left.n}`);
    if (dups.keys !== 0) process.exitCode = 1;

    const [other] = await sql`insert into companies (name) values ('Bench Baseline') returning id`;
    const [otherSender] = await sql`
      insert into sender_numbers (company_id, phone, display_name, provider_phone_id, rate_per_second)
      values (${other.id}, '551140008888', 'Baseline', 'baseline-phone', 0) returning id`;
    await load(sql, AGENDAS + PACED + 1, AGENDAS, other.id, program.id, campaign.id);
    t0 = performance.now();
    await baseline(sql, other.id, otherSender.id);
    const baseS = (performance.now() - t0) / 1000;
    log(`4. baseline (same rows, set-based SQL, nothing sent): ${AGENDAS.toLocaleString("en")} in ${baseS.toFixed(1)} s; job / baseline = ${(bulkS / baseS).toFixed(2)}`);

    let next = AGENDAS * 2 + PACED + 1;
    if (!(await crashScenario(sql, handle, url, next))) process.exitCode = 1;
    next += CRASH;
    if (!(await pacedScenario(sql, handle, next))) process.exitCode = 1;
    log(`\nload average (1/5/15 min) after: ${load1()}`);
  } finally {
    await sql.end();
    await handle.close();
    if (process.env.BENCH_KEEP !== "1") await admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
