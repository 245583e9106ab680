/**
 * Worklist ("Tela de Atendimento") benchmark on a million agendas. Not part of `npm test`.
 *
 *   npm run bench:worklist
 *
 * Creates a fresh database on the Postgres server of BENCH_DATABASE_URL (default the local server),
 * migrates it, seeds 1,000,000 agendas in SQL (generate_series), then times `getWorklist` — the seven
 * totalizers and the first page of 50, exactly the page's server work — against a hand-written SQL
 * baseline (one aggregate query + one page query, same joins, same postgres.js client) for several
 * filter combinations. Drops the database at the end.
 *
 * Env: BENCH_DATABASE_URL, BENCH_AGENDAS (default 1000000), BENCH_RUNS (default 200), BENCH_KEEP=1 keeps the database.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { openPostgres, schema, type Db } from "../db/client";
import { migrate } from "../db/migrate";
import { addDaysToDate, localDate } from "../lib/dates";
import { TOTALIZERS, type Totalizer } from "../lib/agendas/totalizers";
import { WORKLIST_PAGE_SIZE, getWorklist, type WorklistFilters } from "../lib/agendas/worklist";
import { periodRange } from "../lib/agendas/period";
import { quoteIdent, withDatabase } from "../test/pg-urls";
import { PAGE_TARGETS, createViewers, fetchPages, signIn, startServer, worklistUrls, type PageSample } from "./worklist-page";

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const AGENDAS = Number(process.env.BENCH_AGENDAS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 200);
// Below this the baseline's p95 is too small for a ratio to mean anything (scheduling noise dominates).
const RATIO_FLOOR_MS = 5;
const WARMUP = 20;
const TZ = "America/Sao_Paulo";
const COMPANIES = 5;
const AGENTS_PER_COMPANY = 40; // 200 agents
const TEAMS_PER_COMPANY = 2; // PA teams of 20
const CAMPAIGNS_PER_COMPANY = 4; // 20 campaigns; the last one of each company is manual-only
const CUSTOMERS_PER_COMPANY = 40_000; // 200,000 customers

const log = (...args: unknown[]) => console.log(...args);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** Deterministic ids, so the agendas' INSERT … SELECT computes its foreign keys without joins. */
const idSql = (kind: string, ...parts: string[]) => `md5('${kind}-' || ${parts.join(" || '-' || ")})::uuid`;

async function seed(sql: postgres.Sql, today: string) {
  await sql.begin(async (tx) => {
    // The generated ids are consistent by construction: skip the per-row foreign-key triggers
    // while loading (needs a superuser; without one the load is just slower).
    await tx`set local session_replication_role = replica`.catch(() => log("  (foreign-key triggers stay on: not a superuser)"));
    await tx`select setseed(0.42)`;
    const [role] = await tx`insert into roles (name, permissions) values ('Agente', '{}') returning id`;

    await tx.unsafe(`
      insert into companies (id, name, time_zone)
      select ${idSql("company", "k::text")}, 'Empresa ' || (k + 1), '${TZ}' from generate_series(0, ${COMPANIES - 1}) k`);
    await tx.unsafe(
      `
      insert into users (id, name, email, password_hash, role_id, home_company_id)
      select ${idSql("agent", "k::text", "n::text")}, 'Agente ' || lpad((k * ${AGENTS_PER_COMPANY} + n)::text, 3, '0'),
             'agente' || k || '_' || n || '@bench.test', 'x', $1, ${idSql("company", "k::text")}
      from generate_series(0, ${COMPANIES - 1}) k, generate_series(0, ${AGENTS_PER_COMPANY - 1}) n`,
      [role.id],
    );
    await tx.unsafe(`
      insert into teams (id, company_id, name, is_pa)
      select ${idSql("team", "k::text", "t::text")}, ${idSql("company", "k::text")}, 'PA ' || (t + 1), true
      from generate_series(0, ${COMPANIES - 1}) k, generate_series(0, ${TEAMS_PER_COMPANY - 1}) t`);
    await tx.unsafe(`
      insert into team_members (team_id, user_id)
      select ${idSql("team", "k::text", `(n / ${AGENTS_PER_COMPANY / TEAMS_PER_COMPANY})::text`)}, ${idSql("agent", "k::text", "n::text")}
      from generate_series(0, ${COMPANIES - 1}) k, generate_series(0, ${AGENTS_PER_COMPANY - 1}) n`);
    await tx.unsafe(`
      insert into campaigns (id, company_id, name, active, starts_on)
      select ${idSql("campaign", "k::text", "c::text")}, ${idSql("company", "k::text")},
             (array['Revisão Programada','Troca de Óleo','Manutenção Preventiva','Recall'])[c + 1] || ' ' || (k + 1), true, '2026-01-01'
      from generate_series(0, ${COMPANIES - 1}) k, generate_series(0, ${CAMPAIGNS_PER_COMPANY - 1}) c`);
    await tx.unsafe(`
      insert into programs (id, company_id, campaign_id, name, no_reply_days)
      select ${idSql("program", "k::text", "c::text")}, ${idSql("company", "k::text")}, ${idSql("campaign", "k::text", "c::text")},
             'Programa ' || (c + 1), 2 + c
      from generate_series(0, ${COMPANIES - 1}) k, generate_series(0, ${CAMPAIGNS_PER_COMPANY - 2}) c`);
    await tx.unsafe(`
      insert into customers (id, company_id, name)
      select ${idSql("customer", "k::text", "n::text")}, ${idSql("company", "k::text")},
             (array['Ana','Bruno','Carla','Daniel','Eduarda','Felipe','Gabriela','Henrique','Isabela','João','Karina','Lucas',
                    'Mariana','Nelson','Olívia','Paulo','Quésia','Rafael','Sofia','Tiago','Úrsula','Vinícius','Wagner','Yasmin'])[1 + (n * 7) % 24]
             || ' ' || (array['Silva','Santos','Oliveira','Souza','Lima','Pereira','Costa','Ferreira','Almeida','Ribeiro',
                              'Carvalho','Gomes','Martins','Araújo','Rocha','Barbosa'])[1 + (n / 24) % 16]
             || ' ' || (array['Alves','Batista','Cardoso','Dias','Freitas','Moreira','Nunes','Teixeira','Vieira','Xavier'])[1 + (n / 384) % 10]
      from generate_series(0, ${COMPANIES - 1}) k, generate_series(0, ${CUSTOMERS_PER_COMPANY - 1}) n`);

    // 1,000,000 agendas: contact dates over 12 months (11 back, 1 ahead), statuses by how far the
    // day is from today, ~12% passive, ~30% of the active ones manual, WhatsApp states like the demo seed.
    await tx.unsafe(
      `
      insert into agendas (company_id, campaign_id, program_id, customer_id, agent_id, team_id, contact_date, origin, direction,
                           status, whatsapp_state, whatsapp_reason, whatsapp_at, callback_at, result_reason, created_at, updated_at)
      select ${idSql("company", "k::text")},
             case when camp is null then null else ${idSql("campaign", "k::text", "camp::text")} end,
             case when origin = 'automatica' then ${idSql("program", "k::text", "camp::text")} end,
             ${idSql("customer", "k::text", "cn::text")},
             ${idSql("agent", "k::text", "an::text")},
             ${idSql("team", "k::text", `(an / ${AGENTS_PER_COMPANY / TEAMS_PER_COMPANY})::text`)},
             d, origin, direction, status,
             w.state, w.reason,
             case when w.state in ('enviado','entregue','lido','respondido','falhou')
                  then (d + time '09:00' + (rt * interval '3 hours')) at time zone '${TZ}' end,
             case when status = 'pediu_ligar' then (d + 1 + time '10:00') at time zone '${TZ}' end,
             case when status = 'recusou' then (array['Já fez a revisão em outra oficina','Vendeu o veículo','Sem interesse no momento'])[1 + (rt * 3)::int % 3] end,
             (d - 5 + time '06:00') at time zone '${TZ}', now()
      from (
        select s.*,
               case when direction = 'passivo' and st = 'nao_respondeu' then 'pendente' else st end as status
        from (
          select s0.*,
                 case when rd < 0.12 then 'passivo' else 'ativo' end as direction,
                 case when rd >= 0.12 and ro < 0.7 then 'automatica' else 'manual' end as origin,
                 case when rd >= 0.12 and ro < 0.7 then floor(rc * ${CAMPAIGNS_PER_COMPANY - 1})::int
                      when rc < 0.4 then ${CAMPAIGNS_PER_COMPANY - 1}
                      when rc < 0.7 then floor(rc * 10)::int % ${CAMPAIGNS_PER_COMPANY - 1} end as camp,
                 case when d - $1::date > 7 then 'pendente'
                      when d > $1::date then case when rs < 0.6 then 'pendente' when rs < 0.8 then 'agendou'
                                                   when rs < 0.9 then 'pediu_ligar' else 'recusou' end
                      when rs < 0.18 then 'pendente' when rs < 0.28 then 'recusou' when rs < 0.36 then 'pediu_ligar'
                      when rs < 0.58 then 'agendou' when rs < 0.70 then 'nao_respondeu' when rs < 0.75 then 'no_show'
                      else 'concluido' end as st
          from (
            select g % ${COMPANIES} as k,
                   floor(random() * ${AGENTS_PER_COMPANY})::int as an,
                   floor(random() * ${CUSTOMERS_PER_COMPANY})::int as cn,
                   $1::date + (floor(random() * 366)::int - 334) as d,
                   random() as rd, random() as ro, random() as rc, random() as rs, random() as rw, random() as rt
            from generate_series(0, $2::int - 1) g
          ) s0
        ) s
      ) a
      cross join lateral (
        select case
          when direction = 'passivo' then array['respondido', null::text]
          when origin = 'manual' then case when rw < 0.15 and d <= $1::date then array['enviado', null::text] else array['nao_enviado', 'manual'] end
          when d > $1::date then array['nao_enviado', null::text]
          when rw < 0.05 then array['nao_enviado', 'celular_invalido']
          when rw < 0.08 then array['nao_enviado', 'optout']
          when status = 'nao_respondeu' then array[(array['enviado','entregue','lido'])[1 + (rt * 3)::int % 3], null::text]
          when status in ('pediu_ligar','agendou','recusou','concluido','no_show') then array['respondido', null::text]
          when rw < 0.14 then array['nao_enviado', 'erro_envio']
          when rw < 0.20 then array['falhou', (array['131026 · Número não está no WhatsApp','131050 · Cliente bloqueou mensagens de marketing'])[1 + (rt * 2)::int % 2]]
          else array[(array['enviado','entregue','lido','respondido'])[1 + (rt * 4)::int % 4], null::text]
        end as r
      ) x
      cross join lateral (select x.r[1] as state, x.r[2] as reason) w`,
      [today, AGENDAS],
    );
  });
  // A long-lived table has been vacuumed (visibility map) and analysed by autovacuum.
  await sql`vacuum analyze`;
}

// ---- the baseline: hand-written SQL, same filters, same joins, same client ------------------------

function baselineWhere(sql: postgres.Sql, f: WorklistFilters) {
  const conds = [sql`a.company_id = ${f.companyId}`, sql`a.contact_date >= ${f.from}`, sql`a.contact_date <= ${f.to}`];
  if (f.campaignId) conds.push(sql`a.campaign_id = ${f.campaignId}`);
  if (f.teamId) conds.push(sql`a.team_id = ${f.teamId}`);
  if (f.agentId) conds.push(sql`a.agent_id = ${f.agentId}`);
  if (f.origin) conds.push(sql`a.origin = ${f.origin}`);
  return conds;
}
const and = (sql: postgres.Sql, conds: postgres.PendingQuery<postgres.Row[]>[]) =>
  conds.reduce((acc, c, i) => (i === 0 ? sql`${c}` : sql`${acc} and ${c}`));
function totalizerSql(sql: postgres.Sql, t: Totalizer) {
  if (t === "passivo") return sql`a.direction = 'passivo'`;
  return sql`a.direction = 'ativo' and a.status = ${t === "ativos_pendentes" ? "pendente" : t}`;
}

async function baseline(sql: postgres.Sql, f: WorklistFilters) {
  const where = and(sql, baselineWhere(sql, f));
  const pageWhere = f.totalizer ? sql`${where} and ${totalizerSql(sql, f.totalizer)}` : where;
  const dir = f.dir === "desc" ? sql`desc` : sql`asc`;
  const sortCol = { data: sql`a.contact_date`, cliente: sql`c.name`, status: sql`a.status`, agente: sql`u.name` }[f.sort];
  const [[totals], rows] = await Promise.all([
    sql`
      select count(*) filter (where a.direction = 'ativo' and a.status = 'pendente')::int as ativos_pendentes,
             count(*) filter (where a.direction = 'ativo' and a.status = 'recusou')::int as recusou,
             count(*) filter (where a.direction = 'ativo' and a.status = 'pediu_ligar')::int as pediu_ligar,
             count(*) filter (where a.direction = 'ativo' and a.status = 'agendou')::int as agendou,
             count(*) filter (where a.direction = 'ativo' and a.status = 'nao_respondeu')::int as nao_respondeu,
             count(*) filter (where a.direction = 'ativo' and a.status = 'no_show')::int as no_show,
             count(*) filter (where a.direction = 'passivo')::int as passivo,
             count(*)::int as all
      from agendas a where ${where}`,
    sql`
      select a.id, a.contact_date, a.origin, a.direction, a.status, a.whatsapp_state, a.whatsapp_reason, a.whatsapp_at,
             a.callback_at, c.id as customer_id, c.name as customer_name, camp.name as campaign_name, u.name as agent_name,
             p.no_reply_days
      from agendas a
      join customers c on c.id = a.customer_id
      left join campaigns camp on camp.id = a.campaign_id
      left join users u on u.id = a.agent_id
      left join programs p on p.id = a.program_id
      where ${pageWhere}
      order by ${sortCol} ${dir}, a.id ${dir}
      limit ${WORKLIST_PAGE_SIZE} offset ${(f.page - 1) * WORKLIST_PAGE_SIZE}`,
  ]);
  return { totals, rows };
}

// ---- measuring ------------------------------------------------------------------------------------

function percentile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

async function time<T>(fn: () => Promise<T>) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

type Combo = { name: string; filters: WorklistFilters; extra?: boolean };

/** The page itself, through `npm start`: what a supervisor and an agent wait for, and how much HTML. */
async function renderedPages(
  url: string,
  client: postgres.Sql,
  today: string,
  firstCompany: string,
  agentId: string,
  ks: number[],
  company: (k: number) => Promise<string>,
  agent: (k: number, n: number) => Promise<string>,
) {
  const companies = await Promise.all(ks.map(company));
  const someAgents = await Promise.all(ks.flatMap((k) => [3, 17, 29].map((n) => agent(k, n))));
  const viewers = await createViewers(client, companies, agentId);
  const server = await startServer(url);
  try {
    const from90 = addDaysToDate(today, -89);
    const who = [
      { label: "Supervisor", cookie: await signIn(server.base, viewers.supervisor), urls: worklistUrls({ companies, agents: someAgents }, PAGE_RUNS, 1, today, from90) },
      { label: "Agente", cookie: await signIn(server.base, viewers.agent), urls: worklistUrls({ companies: [firstCompany], agents: [] }, PAGE_RUNS, 2, today, from90) },
    ];
    const rows: string[] = [];
    const failures: string[] = [];
    const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
    for (const w of who) {
      await fetchPages(server.base, w.cookie, w.urls.slice(0, 20), 1); // warm-up
      for (const [mode, clients, target] of [["sequencial", 1, PAGE_TARGETS.sequentialP95], ["10 simultâneos", 10, PAGE_TARGETS.concurrentP95]] as const) {
        const samples: PageSample[] = await fetchPages(server.base, w.cookie, w.urls, clients);
        const times = samples.map((s) => s.ms).sort((a, b) => a - b);
        const full = samples.filter((s) => s.rows === 50).map((s) => s.bytes).sort((a, b) => a - b);
        const bad = samples.filter((s) => s.status !== 200).length;
        const p95 = percentile(times, 0.95);
        const biggest = full[full.length - 1] ?? 0;
        rows.push(`| ${w.label} | ${mode} | ${samples.length} | ${times.length ? percentile(times, 0.5).toFixed(0) : "—"} | ${p95.toFixed(0)} | ${times[times.length - 1].toFixed(0)} | ${full.length} | ${full.length ? kb(percentile(full, 0.5)) : "—"} | ${full.length ? kb(biggest) : "—"} | ${bad} |`);
        if (p95 > target) failures.push(`${w.label}, ${mode}: p95 ${p95.toFixed(0)} ms > ${target} ms`);
        if (biggest > PAGE_TARGETS.htmlBytesFor50Rows) failures.push(`${w.label}, ${mode}: página de 50 linhas com ${kb(biggest)} > ${kb(PAGE_TARGETS.htmlBytesFor50Rows)}`);
        if (bad) failures.push(`${w.label}, ${mode}: ${bad} respostas diferentes de 200`);
      }
    }
    log(`\nPágina renderizada (npm start, GET /atendimento até o último byte, ${PAGE_RUNS} URLs variadas por pessoa: empresas, agentes, períodos, totalizadores, páginas 1–20, ordens); ms; alvo p95 ≤ ${PAGE_TARGETS.sequentialP95} ms sequencial, ≤ ${PAGE_TARGETS.concurrentP95} ms com 10 simultâneos, HTML ≤ ${kb(PAGE_TARGETS.htmlBytesFor50Rows)} por página de 50 linhas\n`);
    log("| Quem | Modo | Pedidos | p50 | p95 | máx | Páginas de 50 linhas | HTML p50 | HTML máx | Não-200 |");
    log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of rows) log(r);
    for (const f of failures) log(`FALHOU ${f}`);
    if (failures.length) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

async function main() {
  const t0 = performance.now();
  const now = new Date();
  const today = localDate(now, TZ);
  const dbName = `atende_bench_${process.pid}_${Date.now()}`;
  const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${quoteIdent(dbName)}`);
  const url = withDatabase(SERVER_URL, dbName);
  const handle = openPostgres(url); // the app's pool size (10)
  const client = (handle.db as unknown as { $client: postgres.Sql }).$client;

  try {
    const [{ version }] = await client`select version()`;
    log(`Servidor: ${version}`);
    log(`Máquina: ${os.cpus().length} núcleos (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; Node ${process.version}; carga (1/5/15 min) antes: ${os.loadavg().map((n) => n.toFixed(2)).join(" / ")}`);
    log(`Banco: ${dbName}; hoje (${TZ}) = ${today}`);

    let t = performance.now();
    await migrate(handle);
    log(`Migrações: ${secs(t)}`);
    t = performance.now();
    await seed(client, today);
    const [{ n }] = await client`select count(*)::int as n from agendas`;
    const [{ size }] = await client`select pg_size_pretty(pg_total_relation_size('agendas')) as size`;
    log(`Carga: ${n.toLocaleString("pt-BR")} agendas, ${(COMPANIES * CUSTOMERS_PER_COMPANY).toLocaleString("pt-BR")} clientes em ${secs(t)} (agendas: ${size} com índices)`);

    const company = (k: number) => (client`select md5(${`company-${k}`})::uuid as id`).then((r) => r[0].id as string);
    const agent = (k: number, n: number) => client`select md5(${`agent-${k}-${n}`})::uuid as id`.then((r) => r[0].id as string);
    const campaign = (k: number, c: number) => client`select md5(${`campaign-${k}-${c}`})::uuid as id`.then((r) => r[0].id as string);
    const c0 = await company(0);
    const base = { companyId: c0, sort: "data", dir: "asc", page: 1 } as const;
    const range = (p: "hoje" | "ultimos7" | "mes") => periodRange(p, now, TZ);

    const combos: Combo[] = [
      { name: "Agente (Hoje)", filters: { ...base, ...range("hoje"), agentId: await agent(0, 7) } },
      { name: "Supervisor, todos (Hoje)", filters: { ...base, ...range("hoje") } },
      { name: "Campanha + Período 90 dias", filters: { ...base, from: addDaysToDate(today, -89), to: today, campaignId: await campaign(0, 0) } },
      { name: "Totalizador Não Respondeu (Últimos 7)", filters: { ...base, ...range("ultimos7"), totalizer: "nao_respondeu" } },
      { name: "Origem Manual (Este mês)", filters: { ...base, ...range("mes"), origin: "manual" } },
      // Beyond the brief: the heaviest sorts a user can ask for.
      { name: "Agente, Período 90 dias, por status", filters: { ...base, from: addDaysToDate(today, -89), to: today, agentId: await agent(0, 7), sort: "status" }, extra: true },
      { name: "Este mês, por cliente desc", filters: { ...base, ...range("mes"), sort: "cliente", dir: "desc" }, extra: true },
    ];

    // Same answer from both, before timing anything.
    for (const c of combos) {
      const view = await getWorklist(handle.db, c.filters);
      const ref = await baseline(client, c.filters);
      for (const k of [...TOTALIZERS, "all"] as const) {
        if (view.totals[k] !== ref.totals[k]) throw new Error(`${c.name}: totals differ on ${k}: ${view.totals[k]} vs ${ref.totals[k]}`);
      }
      const a = view.rows.map((r) => r.id).join();
      const b = ref.rows.map((r) => r.id as string).join();
      if (a !== b) throw new Error(`${c.name}: first page differs from the baseline`);
    }

    const results: { name: string; extra?: boolean; matched: number; p50: number; p95: number; b50: number; b95: number }[] = [];
    for (const c of combos) {
      const view = await getWorklist(handle.db, c.filters);
      for (let i = 0; i < WARMUP; i++) {
        await getWorklist(handle.db, c.filters);
        await baseline(client, c.filters);
      }
      const ours: number[] = [];
      const theirs: number[] = [];
      // Interleaved, so both see the same cache and load.
      for (let i = 0; i < RUNS; i++) {
        ours.push(await time(() => getWorklist(handle.db, c.filters)));
        theirs.push(await time(() => baseline(client, c.filters)));
      }
      ours.sort((x, y) => x - y);
      theirs.sort((x, y) => x - y);
      results.push({
        name: c.name,
        extra: c.extra,
        matched: view.total,
        p50: percentile(ours, 0.5),
        p95: percentile(ours, 0.95),
        b50: percentile(theirs, 0.5),
        b95: percentile(theirs, 0.95),
      });
    }

    const f = (ms: number) => ms.toFixed(1);
    log(`\n${RUNS} execuções por combinação (após ${WARMUP} de aquecimento); ms; alvo p95 ≤ 50 ms e razão ≤ 1,5 (razão só onde o SQL à mão leva ≥ ${RATIO_FLOOR_MS} ms)\n`);
    log("| Combinação | Linhas | p50 | p95 | SQL à mão p50 | SQL à mão p95 | Razão p95 |");
    log("|---|---:|---:|---:|---:|---:|---:|");
    for (const r of results) {
      const rated = r.b95 >= RATIO_FLOOR_MS;
      const ok = r.p95 <= 50 && (!rated || r.p95 / r.b95 <= 1.5) ? "" : " ⚠";
      if (ok && !r.extra) process.exitCode = 1;
      log(`| ${r.name}${r.extra ? " (extra)" : ""} | ${r.matched.toLocaleString("pt-BR")} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.b50)} | ${f(r.b95)} | ${rated ? (r.p95 / r.b95).toFixed(2) : "—"}${ok} |`);
    }

    await renderedPages(url, client, today, await company(0), await agent(0, 7), [0, 1, 2, 3, 4], company, agent);

    // EXPLAIN ANALYZE of the slowest combination of the brief (and of the slowest extra one when it is
    // slower still): the very statements getWorklist sends, captured by a logger on the same client.
    const slowest = (rs: typeof results) => rs.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const toExplain = [slowest(results.filter((r) => !r.extra))];
    const slowestExtra = slowest(results);
    if (slowestExtra !== toExplain[0]) toExplain.push(slowestExtra);
    for (const r of toExplain) {
      const combo = combos.find((c) => c.name === r.name)!;
      const captured: { query: string; params: unknown[] }[] = [];
      const logging = drizzle(client, { schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } });
      await getWorklist(logging as unknown as Db, combo.filters);
      log(`\n===== EXPLAIN (ANALYZE, BUFFERS) — ${r.extra ? "extra mais lenta" : "combinação mais lenta"}: ${r.name} =====`);
      for (const q of captured) {
        const plan = await client.unsafe(`explain (analyze, buffers) ${q.query}`, q.params as postgres.ParameterOrJSON<never>[]);
        log(`\n${q.query}\n${plan.map((row) => row["QUERY PLAN"]).join("\n")}`);
      }
    }
    log(`\nTempo total: ${secs(t0)}; carga (1/5/15 min) depois: ${os.loadavg().map((n) => n.toFixed(2)).join(" / ")}`);
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP === "1") {
      log(`Banco mantido: ${url}`);
    } else {
      await admin.unsafe(`drop database if exists ${quoteIdent(dbName)} with (force)`);
    }
    await admin.end();
  }
}

await main();
