import { expect, test } from "@playwright/test";
import { LOGINS, mainNav, signIn } from "./helpers";

test("an admin sets the capacity per slot to 5 and adds a holiday", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin");
  await page.getByRole("link", { name: /Calendário/ }).first().click();
  await expect(page).toHaveURL(/\/admin\/calendar$/);
  await expect(page.getByText("Horizonte Veículos — Oficina São Paulo: dias e horários")).toBeVisible();

  const capacity = page.getByLabel("Capacidade por horário");
  await expect(capacity).toHaveValue("3");
  await capacity.fill("0");
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Informe de 1 a 100 atendimentos por horário.")).toBeVisible();
  await capacity.fill("5");
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Alterações salvas.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Capacidade por horário")).toHaveValue("5");
  // The other rules were kept: Monday to Saturday, 08:00–17:00.
  await expect(page.getByRole("checkbox", { name: "Sáb" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Dom" })).not.toBeChecked();
  await expect(page.getByLabel("Fecha às")).toHaveValue("17:00");

  await page.getByRole("textbox", { name: "Data", exact: true }).fill("2027-04-21");
  await page.getByLabel("Nome do feriado").fill("Tiradentes");
  await page.getByRole("button", { name: "Adicionar feriado" }).click();
  await expect(page.getByText("Cadastro criado.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "21/04/2027" })).toContainText("Tiradentes");

  // The same day twice is refused.
  await page.getByRole("textbox", { name: "Data", exact: true }).fill("2027-04-21");
  await page.getByLabel("Nome do feriado").fill("Tiradentes de novo");
  await page.getByRole("button", { name: "Adicionar feriado" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Já existe um feriado nesta data." }).first()).toBeVisible();
});

test("a supervisor edits a program's days without reply and sees it saved", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  await mainNav(page).getByRole("link", { name: "Administração" }).click();
  await page.getByRole("link", { name: /Programações/ }).first().click();
  await expect(page).toHaveURL(/\/admin\/programs$/);

  await page.getByRole("link", { name: "Revisão a cada 12 meses ou 10.000 km" }).click();
  await expect(page.getByRole("heading", { name: "Editar programação" })).toBeVisible();
  const noReply = page.getByLabel("Dias sem resposta");
  await expect(noReply).toHaveValue("3");
  await noReply.fill("7");
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Alterações salvas.")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/programs$/);
  const row = page.getByRole("row").filter({ hasText: "Revisão a cada 12 meses ou 10.000 km" });
  await expect(row.getByRole("cell").nth(4)).toHaveText("7");

  await row.getByRole("link").click();
  await expect(page.getByLabel("Dias sem resposta")).toHaveValue("7");
});
