import { expect, test } from "@playwright/test";
import { LOGINS, mainNav, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

test("a user without users.manage gets the 403 page on /admin/users", async ({ page }) => {
  await signIn(page, LOGINS.agent);
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Acesso negado" })).toBeVisible();
});

test("an admin enables scheduled actions for Agente and the agent's menu shows it at once", async ({ browser }) => {
  const agent = await browser.newPage();
  await signIn(agent, LOGINS.agent);
  await expect(mainNav(agent).getByRole("link", { name: "Agendamentos" })).toHaveCount(0);

  const admin = await browser.newPage();
  await signIn(admin, LOGINS.admin);
  await admin.goto("/admin/roles");
  await admin.getByRole("link", { name: "Agente", exact: true }).click();
  const toggle = admin.getByRole("switch", { name: /Habilitar agendamento/ });
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await toggle.click();
  await admin.getByRole("button", { name: "Salvar" }).click();
  await expect(admin.getByText("Alterações salvas.")).toBeVisible();
  await expect(admin).toHaveURL(/\/admin\/roles$/);

  // Same session, no new sign-in: permissions are read on every request.
  await agent.reload();
  await mainNav(agent).getByRole("link", { name: "Agendamentos" }).click();
  await expect(agent).toHaveURL(/\/agendamentos/);
  await expect(agent.getByRole("heading", { name: "Agendamentos" })).toBeVisible();
});

test("the streamed worklist answers 403 to a receptionist and an agenda card of another company 404", async ({ page, browser }) => {
  // An agenda of Conecta Fibra, which the São Paulo agent may not open.
  const other = await browser.newPage();
  await signIn(other, "supervisora.net@atende.dev");
  await other.goto("/atendimento?agenda=periodo&de=2000-01-01&ate=2099-12-31");
  const href = await other.getByTestId("worklist-row").first().getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/atendimento\/[0-9a-f-]{36}$/);
  await other.close();

  const receptionist = await browser.newPage();
  await signIn(receptionist, LOGINS.receptionist);
  const forbidden = await receptionist.goto("/atendimento");
  expect(forbidden?.status()).toBe(403);
  await expect(receptionist.getByRole("heading", { name: "Acesso negado" })).toBeVisible();
  await receptionist.close();

  await signIn(page, LOGINS.agent);
  const missing = await page.goto(href!);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Página não encontrada" })).toBeVisible();
  // The agent's own worklist still opens.
  expect((await page.goto("/atendimento"))?.status()).toBe(200);
});

test("a customer page of another company answers 404 to a supervisor who may open customers", async ({ page, browser }) => {
  // A customer of Conecta Fibra (the only company of its supervisor).
  const other = await browser.newPage();
  await signIn(other, "supervisora.net@atende.dev");
  await other.goto("/clientes");
  const href = await other.getByRole("table").getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/clientes\/[0-9a-f-]{36}$/);
  // It opens for its own company.
  expect((await other.goto(href!))?.status()).toBe(200);
  await other.close();

  // The São Paulo supervisor works São Paulo and Campinas, not Conecta Fibra.
  await signIn(page, LOGINS.supervisor);
  const missing = await page.goto(href!);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Página não encontrada" })).toBeVisible();
});
