import { expect, test, type Page } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

async function count(page: Page, totalizer: string) {
  return Number(await page.getByTestId(`total-${totalizer}-count`).textContent());
}

test("an agent sees only their own agendas and cannot unlock the Agente filter", async ({ browser }) => {
  const supervisor = await browser.newPage();
  await signIn(supervisor, LOGINS.supervisor);
  await supervisor.goto("/atendimento");
  const otherAgentId = await supervisor.getByLabel("Agente", { exact: true }).locator("option", { hasText: "Bruno Barbosa" }).getAttribute("value");
  expect(otherAgentId).toBeTruthy();

  const page = await browser.newPage();
  await signIn(page, LOGINS.agent);
  await page.goto("/atendimento?agenda=mes");
  const agentFilter = page.getByLabel("Agente", { exact: true });
  await expect(agentFilter).toBeDisabled();
  await expect(agentFilter).toHaveValue(/.+/);
  await expect(agentFilter.locator("option:checked")).toHaveText("Ana Agente");
  await expect(page.getByText("Seu cargo vê apenas as suas agendas.")).toBeVisible();
  const agents = await page.getByTestId("worklist-row").locator("td:nth-child(4)").allTextContents();
  expect(agents.length).toBeGreaterThan(0);
  expect(new Set(agents)).toEqual(new Set(["Ana Agente"]));

  // Asking for another agent in the URL changes nothing.
  await page.goto(`/atendimento?agenda=mes&agente=${otherAgentId}`);
  const again = await page.getByTestId("worklist-row").locator("td:nth-child(4)").allTextContents();
  expect(new Set(again)).toEqual(new Set(["Ana Agente"]));
});

test("a supervisor filters, opens a 'Pediu para ligar' agenda, books a slot and the totalizers change", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  await page.goto("/atendimento");
  await page.getByLabel("Campanha", { exact: true }).selectOption({ label: "Revisão Programada 2026" });
  await expect(page).toHaveURL(/campanha=/);
  await page.getByLabel("Agenda", { exact: true }).selectOption("periodo");
  const today = new Date();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  await page.getByLabel("De", { exact: true }).fill(iso(new Date(today.getTime() - 30 * 86_400_000)));
  await page.getByLabel("Até", { exact: true }).fill(iso(new Date(today.getTime() + 10 * 86_400_000)));
  await page.getByRole("button", { name: "Aplicar" }).click();
  await expect(page).toHaveURL(/agenda=periodo/);
  await expect(page).toHaveURL(/de=\d{4}-\d{2}-\d{2}/);

  const askedBefore = await count(page, "pediu_ligar");
  const bookedBefore = await count(page, "agendou");
  expect(askedBefore).toBeGreaterThan(0);

  await page.getByTestId("total-pediu_ligar").click();
  await expect(page).toHaveURL(/total=pediu_ligar/);
  await expect(page.getByTestId("total-pediu_ligar")).toHaveAttribute("aria-current", "true");
  const rows = page.getByTestId("worklist-row");
  await expect(rows.first()).toContainText("Pediu para ligar");
  await expect(rows.first()).toContainText("cliente pediu para ligar");
  await rows.first().getByRole("link").click();

  await expect(page.getByTestId("agenda-status")).toHaveText("Pediu para ligar");
  await page.getByRole("radio", { name: "Agendou" }).check();
  const slot = page.getByLabel("Horário", { exact: true });
  await expect(slot).toBeVisible();
  await page.getByRole("button", { name: "Registrar" }).click();
  await expect(page.getByText("Alterações salvas.")).toBeVisible();
  await expect(page.getByTestId("agenda-status")).toHaveText("Agendou");
  await expect(page.getByTestId("appointments")).toContainText("Agendado");
  await expect(page.getByTestId("timeline")).toContainText("Pediu para ligar → Agendou");

  await page.goBack();
  await page.reload();
  await expect(page.getByTestId("total-pediu_ligar-count")).toHaveText(String(askedBefore - 1));
  await expect(page.getByTestId("total-agendou-count")).toHaveText(String(bookedBefore + 1));
});

test("a refusal needs a reason", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  await page.goto("/atendimento?agenda=ultimos7&total=ativos_pendentes");
  await page.getByTestId("worklist-row").first().getByRole("link").click();
  await page.getByRole("radio", { name: "Recusou" }).check();
  await page.getByRole("button", { name: "Registrar" }).click();
  await expect(page.getByText("Informe o motivo da recusa.")).toBeVisible();
  await page.getByLabel("Motivo da recusa").fill("Vendeu o veículo");
  await page.getByRole("button", { name: "Registrar" }).click();
  await expect(page.getByTestId("agenda-status")).toHaveText("Recusou");
});

test("a receptionist marks a no-show and the agent's No-Show count goes up", async ({ browser }) => {
  const agent = await browser.newPage();
  await signIn(agent, LOGINS.agent);
  // Newest first: the agenda of today is on the first page however many the agent has.
  await agent.goto("/atendimento?total=agendou&ordem=data&dir=desc");
  const noShowBefore = await count(agent, "no_show");
  // The agent's agendas of today that booked: the demo books each of them at the front desk today.
  const today = new Intl.DateTimeFormat("pt-BR", { timeZone: "America/Sao_Paulo" }).format(new Date());
  const booked = (
    await agent.getByTestId("worklist-row").filter({ hasText: today }).getByRole("link").allTextContents()
  ).map((n) => n.trim());

  const reception = await browser.newPage();
  await signIn(reception, LOGINS.receptionist);
  await reception.goto("/recepcao");
  // One of them whose name is on exactly one open row, so the row marked is the agent's booking and
  // not a same-named customer's booking of another agent.
  const todays = (await reception.getByRole("row").filter({ has: reception.getByRole("button", { name: "No-show" }) }).allTextContents());
  const customer = booked.find((name) => todays.filter((row) => row.includes(name)).length === 1);
  expect(customer, "an agent's booked customer is expected at the front desk today").toBeTruthy();
  const rows = reception.getByRole("row").filter({ hasText: customer });
  const open = rows.filter({ has: reception.getByRole("button", { name: "No-show" }) });
  const openBefore = await open.count();
  expect(openBefore).toBeGreaterThan(0);
  await open.first().getByRole("button", { name: "No-show" }).click();
  await reception.getByRole("alertdialog").getByRole("button", { name: "Marcar no-show" }).click();
  await expect(reception.getByText(`No-show de ${customer} registrado.`)).toBeVisible();
  await expect(open).toHaveCount(openBefore - 1);

  await agent.reload();
  await expect(agent.getByTestId("total-no_show-count")).toHaveText(String(noShowBefore + 1));
});
