import { expect, test } from "@playwright/test";
import { LOGINS, menuItems, signIn } from "./helpers";

test("an anonymous visitor is sent to the login page", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fusers/);
  await expect(page.getByRole("heading", { name: "Entrar no Atende" })).toBeVisible();
});

test("a wrong password shows a clear message and keeps the user on the login page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(LOGINS.supervisor);
  await page.getByLabel("Senha").fill("senha-errada");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "E-mail ou senha incorretos." })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("an empty form shows field errors", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByText("Informe um e-mail válido.")).toBeVisible();
  await expect(page.getByText("Informe a senha.")).toBeVisible();
});

const expected: Record<keyof typeof LOGINS, string[]> = {
  admin: [
    "Tela de Atendimento",
    "Conversas",
    "Histórico",
    "Atendimento Telefônico",
    "Agendamentos",
    "Recepção",
    "Dashboard",
    "Automação",
    "Clientes",
    "Administração",
  ],
  supervisor: [
    "Tela de Atendimento",
    "Conversas",
    "Histórico",
    "Atendimento Telefônico",
    "Dashboard",
    "Automação",
    "Clientes",
    "Administração",
  ],
  agent: ["Tela de Atendimento", "Conversas", "Histórico", "Atendimento Telefônico", "Clientes"],
  receptionist: ["Recepção"],
};

for (const role of Object.keys(LOGINS) as (keyof typeof LOGINS)[]) {
  test(`${role} sees exactly the sections of the role`, async ({ page }) => {
    await signIn(page, LOGINS[role]);
    expect(await menuItems(page)).toEqual(expected[role]);
  });
}

test("signing out returns to the login page and protects the app again", async ({ page }) => {
  await signIn(page, LOGINS.agent);
  await page.getByRole("button", { name: "Menu do usuário" }).click();
  await page.getByRole("menuitem", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/clientes");
  await expect(page).toHaveURL(/\/login/);
});

test("after logout the old session cookie no longer opens the app or answers a session", async ({ page, browser }) => {
  await signIn(page, LOGINS.agent);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("authjs.session-token"))).toBe(true);
  await page.getByRole("button", { name: "Menu do usuário" }).click();
  await page.getByRole("menuitem", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Someone who copied the cookie before the logout.
  const stale = await browser.newContext();
  await stale.addCookies(cookies);
  const session = await stale.request.get("/api/auth/session");
  expect(await session.json()).toBeNull();
  const other = await stale.newPage();
  await other.goto("/clientes");
  await expect(other).toHaveURL(/\/login/);
  await stale.close();
});

test("a new password set by an admin signs the user out of the sessions they had open", async ({ page, browser }) => {
  const user = await browser.newPage();
  await signIn(user, "iara@atende.dev");

  await signIn(page, LOGINS.admin);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Iara Inácio" }).click();
  // The same password again: a password change all the same.
  await page.getByLabel("Senha").fill("atende123");
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);

  await user.goto("/clientes");
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, "iara@atende.dev");
  await user.close();
});
