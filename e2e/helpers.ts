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
