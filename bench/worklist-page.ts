import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import type postgres from "postgres";
import { SEEDED_ROLES } from "../lib/auth/permissions";

/**
 * The rendered worklist through the production server (`npm start`) on the benchmark's database: a signed-in
 * supervisor and a signed-in agent GET /atendimento to the last byte, with varied parameters (companies,
 * agents, periods, totalizers, pages 1–20, sort orders), sequential and from 10 concurrent clients.
 */

const PASSWORD = "bench-senha-123";
export const PAGE_TARGETS = { sequentialP95: 150, concurrentP95: 400, htmlBytesFor50Rows: 120 * 1024 };

type Viewer = { label: string; email: string; cookie: string; companies: string[]; agents: string[] };
export type PageSample = { ms: number; bytes: number; rows: number; status: number };

/** A supervisor of every company and one agent of the first, with a real password, as the demo's roles. */
export async function createViewers(sql: postgres.Sql, companies: string[], agentId: string) {
  const hash = await bcrypt.hash(PASSWORD, 10);
  const roleOf = async (name: string) => {
    const role = SEEDED_ROLES.find((r) => r.name === name)!;
    const [row] = await sql`insert into roles (name, permissions) values (${`${name} (bench)`}, ${sql.array(role.permissions)}) returning id`;
    return row.id as string;
  };
  const supervisorRole = await roleOf("Supervisor");
  const agentRole = await roleOf("Agente");
  const [sup] = await sql`
    insert into users (name, email, password_hash, role_id, home_company_id)
    values ('Supervisora Bench', 'supervisora@bench.test', ${hash}, ${supervisorRole}, ${companies[0]}) returning id`;
  for (const companyId of companies) await sql`insert into user_companies (user_id, company_id) values (${sup.id}, ${companyId})`;
  await sql`update users set password_hash = ${hash}, role_id = ${agentRole} where id = ${agentId}`;
  await sql`insert into user_companies (user_id, company_id) select id, home_company_id from users where id = ${agentId} on conflict do nothing`;
  const [agent] = await sql`select email from users where id = ${agentId}`;
  return { supervisor: "supervisora@bench.test", agent: agent.email as string };
}

export async function startServer(databaseUrl: string) {
  const entry = path.join(".next", "atende-server.mjs");
  if (!fs.existsSync(entry)) throw new Error("No production build: run `npm run build` first.");
  const port = await new Promise<number>((resolve) => {
    const s = http.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
  const child: ChildProcess = spawn(process.execPath, [entry, "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, SCHEDULER: "off", AUTH_SECRET: "bench-auth-secret-bench-auth-secret", NEXT_TELEMETRY_DISABLED: "1", WHATSAPP_PROVIDER: "sandbox" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the production server exited (${child.exitCode})`);
    if (Date.now() > deadline) throw new Error("the production server did not start in 90 s");
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { base, stop };
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** Signs in through next-auth's credentials endpoint, as the login form does; returns the session cookie. */
export async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password: PASSWORD, csrfToken, callbackUrl: `${base}/atendimento` }),
  });
  const session = cookiesOf(res).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in of ${email} failed (HTTP ${res.status})`);
  return session;
}

/** A deterministic pseudo-random sequence, so every run asks for the same pages. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PERIODS = ["hoje", "ultimos7", "mes", "periodo90"] as const;
const TOTALS = [undefined, undefined, "agendou", "nao_respondeu", "pediu_ligar", "recusou"] as const;
const SORTS = ["data", "cliente", "status", "agente"] as const;

/** `count` worklist URLs with varied filters; a supervisor's also vary the company and the agent. */
export function worklistUrls(viewer: Pick<Viewer, "companies" | "agents">, count: number, seed: number, today: string, from90: string) {
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, () => {
    const q = new URLSearchParams();
    if (viewer.companies.length > 1) q.set("empresa", pick(viewer.companies));
    const period = pick(PERIODS);
    if (period === "periodo90") {
      q.set("agenda", "periodo");
      q.set("de", from90);
      q.set("ate", today);
    } else q.set("agenda", period);
    const total = pick(TOTALS);
    if (total) q.set("total", total);
    if (viewer.agents.length && random() < 0.3) q.set("agente", pick(viewer.agents));
    q.set("ordem", pick(SORTS));
    q.set("dir", random() < 0.5 ? "asc" : "desc");
    // Pages 1–20, the first ones more often, as people page.
    q.set("pagina", String(1 + Math.floor(random() ** 2 * 20)));
    return `/atendimento?${q}`;
  });
}

async function getPage(agent: http.Agent, base: string, url: string, cookie: string): Promise<PageSample> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${url}`, { agent, headers: { Cookie: cookie, Accept: "text/html" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const html = Buffer.concat(chunks);
        const rows = html.toString("utf8").split('data-testid="worklist-row"').length - 1;
        resolve({ ms: performance.now() - t0, bytes: html.length, rows, status: res.statusCode ?? 0 });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** GETs every URL from `clients` keep-alive clients, each to the last byte. */
export async function fetchPages(base: string, cookie: string, urls: string[], clients: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const samples: PageSample[] = new Array(urls.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < urls.length; i = next++) samples[i] = await getPage(agent, base, urls[i], cookie);
    }),
  );
  agent.destroy();
  return samples;
}
