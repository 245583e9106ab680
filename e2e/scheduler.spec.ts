import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ALL_DAY, LOGINS, setSendingHours, signIn } from "./helpers";
import { customerPhone, lastFromCompany } from "./simulator-phone";

// A server of its own, on a fresh embedded database, with the local scheduler on (the suite's server has
// it off). Its one invitation tick is set to a known time after the start, so the test can see the
// agendas waiting before it and sent after it, with nobody pressing "Executar agora".
const PORT = Number(process.env.E2E_PORT ?? 3210) + 7;
const BASE = `http://127.0.0.1:${PORT}`;
const TICK_AFTER_MS = 100_000;
const COMPANY = "Horizonte Veículos — Oficina São Paulo";

let server: ChildProcess | undefined;
let dataDir = "";
let tickAt = new Date();
const logs: string[] = [];

/** "S M H * * *" in São Paulo time: fires once a day, at `at`. */
function cronAt(at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "America/Sao_Paulo", hour12: false, hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  );
  return `${parts.second} ${parts.minute} ${parts.hour % 24} * * *`;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atende-scheduler-"));
  tickAt = new Date(Date.now() + TICK_AFTER_MS);
  server = spawn(process.execPath, [".next/atende-server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      PGLITE_DIR: dataDir,
      SCHEDULER: "",
      SCHEDULER_JOBS: "dispatch-invitations",
      SCHEDULER_TEST_CRON: cronAt(tickAt),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk) => logs.push(String(chunk)));
  server.stderr!.on("data", (chunk) => logs.push(String(chunk)));
  await expect(async () => {
    const res = await fetch(`${BASE}/login`).catch(() => undefined);
    expect(res?.status).toBe(200);
  }).toPass({ timeout: 150_000, intervals: [1_000] });
  expect(logs.join(""), "the server says the jobs run in this process").toContain("os jobs agendados rodam neste processo");
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("with no Inngest server the invitation job runs by itself on its schedule and the customer gets the invitation", async ({ browser }) => {
  test.setTimeout(240_000);
  expect(Date.now(), `the server took too long to start (${TICK_AFTER_MS / 1000}s budget before the tick)`).toBeLessThan(tickAt.getTime() - 20_000);
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await signIn(page, LOGINS.admin);
  await setSendingHours(page, COMPANY, ALL_DAY);

  await page.goto("/automacao");
  await expect(page.getByTestId("scheduler-mode")).toContainText("Os jobs rodam sozinhos neste servidor");
  const job = page.getByTestId("job-dispatch-invitations");
  await expect(job.getByTestId("next-run")).toBeVisible();
  await expect(job).toContainText("Ainda não rodou.");

  const supervisor = await (await browser.newContext({ baseURL: BASE })).newPage();
  await signIn(supervisor, LOGINS.supervisor);
  const worklist = "/atendimento?agenda=ultimos7&origem=automatica&total=ativos_pendentes";
  const rows = supervisor.getByTestId("worklist-row");
  await supervisor.goto(worklist);
  const waiting = rows.filter({ hasText: "Aguardando o envio automático" });
  await expect(waiting.first()).toBeVisible();
  const waitingCards = await waiting.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(Date.now(), "the agendas were read before the tick").toBeLessThan(tickAt.getTime());

  // Nobody presses anything: at the tick the scheduler runs the job, recorded as "Agendado".
  await page.waitForTimeout(Math.max(0, tickAt.getTime() - Date.now()));
  await page.goto("/automacao");
  await expect(async () => {
    await page.reload();
    await expect(job.getByTestId("job-run").first()).toContainText("Agendado", { timeout: 1_000 });
    await expect(job.getByTestId("job-run").first()).toContainText("Concluído", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(job.getByTestId("job-run")).toHaveCount(1);

  await supervisor.goto(waitingCards[0]);
  const mobile = (await supervisor.getByText(/^\(\d{2}\) 9\d{4}-\d{4}/).first().textContent())!;
  const simulator = await browser.newContext({ baseURL: BASE });
  const phone = await customerPhone(simulator, `55${mobile.replace(/\D/g, "")}`);
  await lastFromCompany(phone, /A revisão do seu .+ está chegando/);
  await Promise.all([context.close(), supervisor.context().close(), simulator.close()]);
});
