import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

/** Today as the São Paulo workshop sees it, dd/MM/yyyy. */
function todayInSaoPaulo() {
  return new Intl.DateTimeFormat("pt-BR", { timeZone: "America/Sao_Paulo", day: "2-digit", month: "2-digit", year: "numeric" }).format(new Date());
}

test("the receptionist sees today's appointments and checks a customer in", async ({ page }) => {
  await signIn(page, LOGINS.receptionist);
  await page.goto("/recepcao");
  await expect(page.getByRole("heading", { name: "Recepção" })).toBeVisible();
  await expect(page.getByText(`Agendamentos de hoje, ${todayInSaoPaulo()}`)).toBeVisible();

  // The demo seed books about ten customers today at São Paulo, the receptionist's company.
  const checkIn = { name: /^Compareceu/ };
  const open = page.getByRole("row").filter({ has: page.getByRole("button", checkIn) });
  await expect(open.first()).toBeVisible();
  const first = open.first();
  const time = (await first.getByRole("cell").nth(0).textContent())!.trim();
  const customer = (await first.getByRole("cell").nth(1).textContent())!.trim();
  expect(time).toMatch(/^\d\d:\d\d$/);
  await expect(first.locator('[data-slot="badge"]')).toHaveText(/Agendado|Confirmado/);

  await first.getByRole("button", checkIn).click();
  await expect(page.getByText(`Comparecimento de ${customer} registrado.`)).toBeVisible();

  const row = page.getByRole("row").filter({ hasText: time }).filter({ hasText: customer });
  await expect(row.locator('[data-slot="badge"]')).toHaveText("Compareceu");
  await expect(row.getByRole("button")).toHaveCount(0);

  // It stays marked after a reload.
  await page.reload();
  await expect(row.locator('[data-slot="badge"]')).toHaveText("Compareceu");
});

test("a no-show is offered only once the appointment started, and one marked by mistake is undone", async ({ page }) => {
  await signIn(page, LOGINS.receptionist);
  await page.goto("/recepcao");

  // The demo seed books some of today's appointments still to come: no No-show for them yet.
  const toCome = page.getByRole("row").filter({ hasText: /No-show a partir das \d\d:\d\d/ });
  await expect(toCome.first()).toBeVisible();
  await expect(toCome.first().getByRole("button", { name: /^No-show/ })).toHaveCount(0);
  await expect(toCome.first().getByRole("button", { name: /^Compareceu/ })).toBeVisible();

  // A started one (the last, so the other tests' first rows stay theirs).
  const started = page.getByRole("row").filter({ has: page.getByRole("button", { name: /^No-show/ }) });
  const target = started.last();
  const time = (await target.getByRole("cell").nth(0).textContent())!.trim();
  const customer = (await target.getByRole("cell").nth(1).textContent())!.trim();
  const before = (await target.locator('[data-slot="badge"]').textContent())!.trim();
  expect(before).toMatch(/^(Agendado|Confirmado)$/);
  const row = page.getByRole("row").filter({ hasText: time }).filter({ hasText: customer });

  await target.getByRole("button", { name: /^No-show/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Marcar no-show" }).click();
  await expect(page.getByText(`No-show de ${customer} registrado.`)).toBeVisible();
  await expect(row.locator('[data-slot="badge"]')).toHaveText("No-show");

  // Undo asks first; Cancelar leaves the mark.
  await row.getByRole("link", { name: /^Desfazer/ }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`O no-show de ${customer}`);
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  await expect(row.locator('[data-slot="badge"]')).toHaveText("No-show");

  await row.getByRole("link", { name: /^Desfazer/ }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Desfazer marcação" }).click();
  await expect(page.getByText(`Marcação de ${customer} desfeita.`)).toBeVisible();
  await expect(row.locator('[data-slot="badge"]')).toHaveText(before);
  await expect(row.getByRole("button", { name: /^No-show/ })).toBeVisible();
  await expect(row.getByRole("link", { name: /^Desfazer/ })).toHaveCount(0);

  // It stays undone after a reload.
  await page.reload();
  await expect(row.locator('[data-slot="badge"]')).toHaveText(before);
});
