// Runs the Playwright suite against the production build on a fresh, seeded database.
// Database: a new database on TEST_DATABASE_URL's server when it is set, else a new embedded
// PGlite directory. Nothing from an earlier run is reused.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { findChromium } from "./chromium.mjs";

const chromium = findChromium();
if (!chromium) {
  console.error(
    [
      "Nenhum Chromium encontrado para os testes de ponta a ponta.",
      "Instale o pacote da distribuição (Debian/Ubuntu: sudo apt-get install -y chromium)",
      "ou o Chromium que o instalador de navegadores do próprio Playwright baixa (onde houver rede) e aponte CHROMIUM_PATH para ele.",
    ].join("\n"),
  );
  process.exit(1);
}

const run = (cmd, args, env) => {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
};

if (process.env.E2E_SKIP_BUILD !== "1") {
  if (run("npm", ["run", "build"], {}) !== 0) process.exit(1);
}

const env = {
  CHROMIUM_PATH: chromium,
  AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
  NODE_ENV: "production",
  // The browser suite talks to the sandbox provider and answers as the customer through the simulator.
  WHATSAPP_PROVIDER: "sandbox",
  WHATSAPP_APP_SECRET: crypto.randomBytes(16).toString("hex"),
  WHATSAPP_VERIFY_TOKEN: crypto.randomBytes(8).toString("hex"),
};
let cleanup = async () => {};
const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = `atende_e2e_${process.pid}_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  Object.assign(env, { DATABASE_URL: url.toString(), SEED_ON_START: "1" });
  cleanup = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  console.log(`[e2e] banco novo no servidor: ${name}`);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atende-e2e-"));
  Object.assign(env, { PGLITE_DIR: dir, DATABASE_URL: "" });
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  console.log(`[e2e] banco embutido novo em ${dir}`);
}

const status = run("npx", ["playwright", "test", ...process.argv.slice(2)], env);
await cleanup();
process.exit(status);
