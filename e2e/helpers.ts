import { expect, type Page } from "@playwright/test";

export const PASSWORD = "atende123";

export const LOGINS = {
  admin: "admin@atende.dev",
  supervisor: "supervisor@atende.dev",
  agent: "agente@atende.dev",
  receptionist: "recepcao@atende.dev",
} as const;

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("button", { name: "Menu do usuário" })).toBeVisible();
}

export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Navegação principal" });
}

export async function menuItems(page: Page) {
  return (await mainNav(page).getByRole("link").allTextContents()).map((s) => s.trim());
}

/**
 * The widest sending hours the company form takes (the end must come after the start), so the jobs send
 * whatever time the suite runs — all but 23:59, as the end is exclusive.
 */
export const ALL_DAY = { from: "00:00", to: "23:59" };

/**
 * Sets a company's automatic sending hours (Administração → Empresas, as an admin) and returns the
 * ones it had, to put back afterwards.
 */
export async function setSendingHours(page: Page, company: string, hours: { from: string; to: string }) {
  await page.goto("/admin/companies");
  await page.getByRole("link", { name: company }).click();
  const from = page.getByLabel("Envios automáticos a partir de");
  const to = page.getByLabel("Envios automáticos até");
  const previous = { from: await from.inputValue(), to: await to.inputValue() };
  await from.fill(hours.from);
  await to.fill(hours.to);
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page).toHaveURL(/\/admin\/companies$/);
  return previous;
}

/** Runs a job with "Executar agora" on Automação and waits for the toast with its counts. */
export async function runJobNow(page: Page, job: string, toast: RegExp) {
  await page.goto("/automacao");
  await page.getByTestId(`job-${job}`).getByRole("button", { name: /Executar agora/ }).click();
  await expect(page.getByText(toast)).toBeVisible();
}
