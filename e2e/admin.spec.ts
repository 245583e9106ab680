import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

test("an admin creates a user: field errors first, then the user in the list", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/users/new");
  await page.getByRole("textbox", { name: "Nome", exact: true }).fill("Otávio Operador");
  await page.getByLabel("E-mail").fill("otavio-sem-arroba");
  await page.getByLabel("Senha").fill("curta");
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Informe um e-mail válido.")).toBeVisible();
  await expect(page.getByText("A senha deve ter pelo menos 8 caracteres.")).toBeVisible();
  await expect(page.getByText("Selecione o cargo.")).toBeVisible();
  // Nothing typed was lost.
  await expect(page.getByRole("textbox", { name: "Nome", exact: true })).toHaveValue("Otávio Operador");

  await page.getByLabel("E-mail").fill("otavio@atende.dev");
  await page.getByLabel("Senha").fill("senha-forte-123");
  await page.getByLabel("Cargo").selectOption({ label: "Agente" });
  await page.getByLabel("Empresa principal").selectOption({ label: "Horizonte Veículos — Oficina São Paulo" });
  await page.getByRole("checkbox", { name: /PA Revisões/ }).check();
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("link", { name: "Otávio Operador" })).toBeVisible();

  // The new user can sign in with the password the admin chose.
  const fresh = await page.context().browser()!.newPage();
  await signIn(fresh, "otavio@atende.dev", "senha-forte-123");
});

test("a duplicate e-mail is refused with a message on the field", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/users/new");
  await page.getByRole("textbox", { name: "Nome", exact: true }).fill("Cópia");
  await page.getByLabel("E-mail").fill("AGENTE@atende.dev");
  await page.getByLabel("Senha").fill("senha-forte-123");
  await page.getByLabel("Cargo").selectOption({ label: "Agente" });
  await page.getByLabel("Empresa principal").selectOption({ label: "Horizonte Veículos — Oficina São Paulo" });
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Já existe um usuário com este e-mail.").first()).toBeVisible();
});

test("a contact needs one of Cargo, Fone, Fax, Celular or E-mail, and phones are validated", async ({ page }) => {
  await signIn(page, LOGINS.agent);
  await page.goto("/clientes/new");
  await page.getByLabel("Nome ou razão social").fill("Transportes Ribeiro Ltda");
  await page.getByLabel("CPF/CNPJ").fill("11.222.333/0001-00");
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("CPF ou CNPJ inválido.")).toBeVisible();
  await page.getByLabel("CPF/CNPJ").fill("11.222.333/0001-81");
  await page.getByRole("button", { name: "Salvar" }).click();
  // Issue 11, item 15: the new customer opens on its own page, not the list.
  await expect(page).toHaveURL(/\/clientes\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Transportes Ribeiro Ltda" })).toBeVisible();
  await expect(page.getByText("Nenhum contato cadastrado.")).toBeVisible();

  await page.getByRole("button", { name: "Novo contato" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: "Nome", exact: true }).fill("Marcos Ribeiro");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "Informe ao menos um destes" })).toHaveCount(1);
  // The toast says "Corrija os campos destacados": the five fields of the rule are the ones marked.
  for (const field of ["Cargo", "Fone", "Fax", "Celular", "E-mail"]) {
    await expect(dialog.getByLabel(field, { exact: true }), field).toHaveAttribute("aria-invalid", "true");
  }
  await expect(dialog.getByRole("group", { name: "Como falar com o contato (ao menos um)" })).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Nome", exact: true })).not.toHaveAttribute("aria-invalid");

  await dialog.getByLabel("Celular", { exact: true }).fill("(11) 1234");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog.getByText("Celular inválido. Use DDD e número")).toBeVisible();

  await dialog.getByLabel("Celular", { exact: true }).fill("(11) 98765-4321");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("cell", { name: "(11) 98765-4321" })).toBeVisible();
});

test("the company switcher changes the customers shown", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/clientes");
  const firstSp = await page.getByRole("row").nth(1).textContent();
  await page.getByLabel("Trocar de empresa").selectOption({ label: "Conecta Fibra Internet" });
  await expect(page.getByText("Empresa alterada para Conecta Fibra Internet.")).toBeVisible();
  await expect(page.getByRole("row").nth(1)).not.toHaveText(firstSp ?? "");
  await page.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByText(/pontos de roteamento/).first()).toBeVisible();
});

test("no password hash or secret reaches the browser", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: "Ana Agente" }).click();
  await expect(page.getByRole("heading", { name: "Editar usuário" })).toBeVisible();
  const html = await page.content();
  expect(html).not.toMatch(/\$2[aby]\$\d\d\$/);
  expect(html).not.toContain("password_hash");
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(Object.keys(session.user).sort()).toEqual(["email", "id", "name"]);
  expect(JSON.stringify(session)).not.toMatch(/\$2[aby]\$/);
});
