import { expect, test, type Page } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

// Issue 11, items 8, 10, 11, 18 and 19: what a new admin found in the forms.

function consoleErrors(page: Page) {
  const messages: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") messages.push(m.text());
  });
  return messages;
}

test("Novo time starts in the header's company and lists that company's users, each once", async ({ page }) => {
  const messages = consoleErrors(page);
  await signIn(page, LOGINS.admin);
  await page.getByLabel("Trocar de empresa").selectOption({ label: "Conecta Fibra Internet" });
  await expect(page.getByText("Empresa alterada para Conecta Fibra Internet.")).toBeVisible();

  await page.goto("/admin/teams/new");
  const company = page.getByRole("combobox", { name: "Empresa", exact: true });
  await expect(company.locator("option:checked")).toHaveText("Conecta Fibra Internet");
  const members = page.getByRole("group", { name: "Membros" });
  await expect(members.getByRole("checkbox", { name: "Gisele Gomes" })).toBeVisible();
  await expect(members.getByRole("checkbox", { name: "Ana Agente" })).toHaveCount(0);
  // Adriana works in all three companies: once, not once per company.
  await expect(members.getByRole("checkbox", { name: "Adriana Administradora" })).toHaveCount(1);

  await company.selectOption({ label: "Horizonte Veículos — Oficina São Paulo" });
  await expect(members.getByRole("checkbox", { name: "Ana Agente" })).toBeVisible();
  await expect(members.getByRole("checkbox", { name: "Gisele Gomes" })).toHaveCount(0);
  const names = await members.getByRole("checkbox").evaluateAll((boxes) => boxes.map((b) => b.getAttribute("value")));
  expect(new Set(names).size).toBe(names.length);
  expect(messages.filter((m) => m.includes("same key"))).toEqual([]);

  await page.getByLabel("Trocar de empresa").selectOption({ label: "Horizonte Veículos — Oficina São Paulo" });
  await expect(page.getByText("Empresa alterada para Horizonte Veículos — Oficina São Paulo.")).toBeVisible();
});

test("an empty template form and an empty holiday say each error once", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/templates/new");
  await page.getByRole("button", { name: "Salvar" }).click();
  const nameError = page.getByRole("alert").filter({ hasText: "Use o nome do modelo" });
  await expect(nameError).toHaveText("Use o nome do modelo: letras minúsculas, números e _.");

  await page.goto("/admin/calendar");
  await page.getByRole("button", { name: "Adicionar feriado" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Informe uma data válida." })).toHaveText("Informe uma data válida.");
});

test("a new user's password hint does not talk about keeping the current one", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/users/new");
  await expect(page.getByText("Mínimo de 8 caracteres.", { exact: true })).toBeVisible();
  await expect(page.getByText("Deixe em branco para manter a atual")).toHaveCount(0);

  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Ana Agente" }).click();
  await expect(page.getByText("Mínimo de 8 caracteres. Deixe em branco para manter a atual.")).toBeVisible();
});

test("a toast covers neither the bell nor the user menu", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/templates/new");
  await page.getByRole("button", { name: "Salvar" }).click();
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Corrija os campos destacados." });
  await expect(toast).toBeVisible();
  const box = (await toast.boundingBox())!;
  for (const control of [page.getByRole("button", { name: "Notificações" }), page.getByRole("button", { name: "Menu do usuário" })]) {
    const other = (await control.boundingBox())!;
    const overlaps = box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height;
    expect(overlaps).toBe(false);
  }
  // Over the sidebar's empty foot, not over the page.
  const sidebar = (await page.locator("aside").boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(sidebar.x + sidebar.width);
});

test("a 403 page logs no script-tag warning", async ({ page }) => {
  const messages = consoleErrors(page);
  await signIn(page, LOGINS.agent);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(messages.filter((m) => m.includes("script tag"))).toEqual([]);
});

test("a program's templates are chosen from the company's approved ones (issue 11, item 9)", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/programs");
  await page.getByRole("link", { name: "Revisão a cada 12 meses ou 10.000 km" }).click();
  const invitation = page.getByRole("combobox", { name: "Modelo do convite" });
  await expect(invitation).toHaveValue("convite_revisao");
  const names = await invitation.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(names).toContain("reagendar_no_show");
  expect(names).toContain("");
  // Pending and rejected templates cannot be sent: they are not offered.
  expect(names).not.toContain("promocao_black_friday");
  expect(names).not.toContain("cobranca_atraso");
});
