import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

test("an admin creates an approved template with {{1}} mapped to the customer's name and sees it listed", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Administração" }).getByRole("link", { name: "Modelos" }).click();
  await expect(page).toHaveURL(/\/admin\/templates$/);
  // The seeded templates are there, with their status.
  await expect(page.getByRole("row", { name: /convite_revisao/ }).getByText("Aprovado")).toBeVisible();
  await expect(page.getByRole("row", { name: /promocao_black_friday/ }).getByText("Pendente")).toBeVisible();

  await page.getByRole("link", { name: "Novo modelo" }).click();
  await page.getByRole("textbox", { name: "Nome", exact: true }).fill("lembrete_revisao_e2e");
  await page.getByLabel("Categoria").selectOption({ label: "Utilidade" });
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption({ label: "Aprovado" });
  await expect(page.getByText("O texto não tem variáveis.")).toBeVisible();
  await page.getByRole("textbox", { name: "Texto", exact: true }).fill("Olá {{1}}, sua revisão está agendada para amanhã.");
  // The variable is detected as it is typed and gets its source select.
  await page.getByRole("combobox", { name: "Variável {{1}}" }).selectOption({ label: "Nome do cliente" });
  await page.getByLabel("Botão 1").fill("Confirmar");
  await page.getByRole("button", { name: "Salvar" }).click();

  await expect(page).toHaveURL(/\/admin\/templates$/);
  const row = page.getByRole("row", { name: /lembrete_revisao_e2e/ });
  await expect(row.getByText("Aprovado")).toBeVisible();
  await expect(row.getByText("{{1}} = Nome do cliente")).toBeVisible();
  await expect(row.getByText("Confirmar")).toBeVisible();
});

test("a template name that breaks the Cloud API rules is refused on the field", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/templates/new");
  await page.getByRole("textbox", { name: "Nome", exact: true }).fill("Lembrete Revisão");
  await page.getByRole("textbox", { name: "Texto", exact: true }).fill("Olá {{1}} e {{3}}");
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Use o nome do modelo: letras minúsculas, números e _.")).toBeVisible();
  await expect(page.getByText("Numere as variáveis em sequência", { exact: false })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Nome", exact: true })).toHaveValue("Lembrete Revisão");
});
