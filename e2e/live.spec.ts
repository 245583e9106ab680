import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { LOGINS, runJobNow, signIn } from "./helpers";
import { customerPhone } from "./simulator-phone";

// Live screens (issue 12): the agent's open chat follows the customer without polling, and after the
// server restarts it catches up on what it missed.

const SENDER = "Horizonte SP — WhatsApp";

/** The agent's chat with `customer`, opened with Nova Conversa after the customer's first message. */
type Phone = Awaited<ReturnType<typeof customerPhone>>;

async function openChat(agent: Page, customer: Phone, number: string, first: string) {
  await say(customer, first);
  await agent.goto("/conversas");
  await agent.getByRole("button", { name: "Nova Conversa" }).click();
  const dialog = agent.getByRole("dialog", { name: "Nova Conversa" });
  await dialog.getByLabel("Número de Origem").selectOption({ label: `${SENDER} (551140001000)` });
  await dialog.getByLabel("Para").fill(number);
  await dialog.getByRole("button", { name: "+ Criar Conversa" }).click();
  await expect(agent).toHaveURL(/\/conversas\?t=/);
  const chat = agent.getByTestId("chat-messages");
  await expect(chat.getByText(first)).toBeVisible();
  return chat;
}

async function say(phone: Phone, text: string) {
  await phone.getByRole("textbox", { name: "Mensagem" }).fill(text);
  await phone.getByRole("button", { name: "Enviar" }).click();
  await expect(phone.locator('[data-from="customer"]', { hasText: text })).toBeVisible();
}

async function liveAgent(browser: import("@playwright/test").Browser, baseURL?: string) {
  const context = await browser.newContext(baseURL ? { baseURL } : {});
  const page = await context.newPage();
  await signIn(page, LOGINS.agent);
  return { context, page };
}

test("the customer's message appears in the agent's open chat without a reload, and an idle chat makes no request", async ({ browser }) => {
  const number = "5511912346001";
  const { context, page: agent } = await liveAgent(browser);
  const simulator = await browser.newContext();
  const customer = await customerPhone(simulator, number);
  const chat = await openChat(agent, customer, number, "Olá, quero falar com alguém");
  await expect(agent.getByTestId("live-indicator")).toHaveText("ao vivo");

  // A reload would start a new document, without this mark.
  await agent.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await say(customer, "Meu carro está fazendo um barulho estranho");
  await expect(chat.getByText("Meu carro está fazendo um barulho estranho")).toBeVisible();
  expect(await agent.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), "the chat was not reloaded").toBe(true);

  // Idle: once the refresh the message caused is done, 10 s without a single request (the stream stays open).
  await agent.waitForTimeout(2_000);
  const requests: string[] = [];
  agent.on("request", (request) => requests.push(request.url()));
  await agent.waitForTimeout(10_000);
  expect(requests).toEqual([]);
  await expect(agent.getByTestId("live-indicator")).toHaveText("ao vivo");
  await Promise.all([context.close(), simulator.close()]);
});

test("the tabs of one browser share one stream; when its tab closes another takes over", async ({ browser }) => {
  const context = await browser.newContext();
  const streams: string[] = [];
  context.on("request", (request) => {
    if (new URL(request.url()).pathname === "/api/stream") streams.push(request.url());
  });
  const first = await context.newPage();
  await signIn(first, LOGINS.agent);
  await expect(first.getByTestId("live-indicator")).toHaveText("ao vivo");
  const second = await context.newPage();
  await second.goto("/conversas");
  const third = await context.newPage();
  await third.goto("/automacao");
  await expect(second.getByTestId("live-indicator")).toHaveText("ao vivo");
  await expect(third.getByTestId("live-indicator")).toHaveText("ao vivo");
  expect(streams).toHaveLength(1);

  // The leader goes away: one of the others opens the stream again, from the last event id it heard.
  await first.close();
  await expect.poll(() => streams.length).toBe(2);
  await expect(second.getByTestId("live-indicator")).toHaveText("ao vivo");
  await expect(third.getByTestId("live-indicator")).toHaveText("ao vivo");
  await context.close();
});

test("a job run started by someone else shows on Automação without a reload", async ({ browser }) => {
  const watcher = await browser.newContext();
  const watching = await watcher.newPage();
  await signIn(watching, LOGINS.supervisor);
  await watching.goto("/automacao");
  await expect(watching.getByTestId("live-indicator")).toHaveText("ao vivo");
  const runs = watching.getByTestId("job-events-cleanup").getByTestId("job-run");
  const before = await runs.count();
  await watching.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  const runner = await browser.newContext();
  const running = await runner.newPage();
  await signIn(running, LOGINS.admin);
  // The toast, not the card of the same name: "Limpeza de eventos: N considerados, …".
  await runJobNow(running, "events-cleanup", /Limpeza de eventos: \d+ considerados/);

  await expect(runs).toHaveCount(before + 1);
  await expect(runs.first()).toContainText("Concluído");
  expect(await watching.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await Promise.all([watcher.close(), runner.close()]);
});

// A server of its own, restarted in the middle of the test, on a fresh embedded database.
const PORT = Number(process.env.E2E_PORT ?? 3210) + 8;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | undefined;
let dataDir = "";
const logs: string[] = [];

async function startServer() {
  server = spawn(process.execPath, [".next/atende-server.mjs", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir, SCHEDULER: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (chunk) => logs.push(String(chunk)));
  server.stderr!.on("data", (chunk) => logs.push(String(chunk)));
  await expect(async () => {
    const res = await fetch(`${BASE}/login`).catch(() => undefined);
    expect(res?.status).toBe(200);
  }).toPass({ timeout: 150_000, intervals: [500] });
}

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const running = server;
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.kill("SIGTERM");
  const late = setTimeout(() => running.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(late);
  expect(running.signalCode, `the server stopped on SIGTERM by itself\n${logs.join("")}`).toBeNull();
}

test.describe("after a server restart", () => {
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "atende-live-"));
    await startServer();
  });
  test.afterAll(async () => {
    await stopServer();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("the indicator says reconectando… and a message sent meanwhile appears once the stream is back", async ({ browser }) => {
    test.setTimeout(180_000);
    const number = "5511912346002";
    const { context, page: agent } = await liveAgent(browser, BASE);
    const simulator: BrowserContext = await browser.newContext({ baseURL: BASE });
    const customer = await customerPhone(simulator, number);
    const chat = await openChat(agent, customer, number, "Bom dia, tudo bem?");
    const indicator = agent.getByTestId("live-indicator");
    await expect(indicator).toHaveText("ao vivo");

    await stopServer();
    await expect(indicator).toHaveText("reconectando…");
    // Back up, but the agent's browser cannot reach the stream yet: the customer writes meanwhile.
    await context.route("**/api/stream**", (route) => route.abort());
    await startServer();
    await customer.page().reload();
    await say(customer, "Vocês abrem no sábado?");
    await expect(indicator).toHaveText("reconectando…");
    await expect(chat.getByText("Vocês abrem no sábado?")).toHaveCount(0);

    await context.unroute("**/api/stream**");
    await expect(indicator).toHaveText("ao vivo", { timeout: 40_000 });
    await expect(chat.getByText("Vocês abrem no sábado?")).toBeVisible();
    await Promise.all([context.close(), simulator.close()]);
  });
});
