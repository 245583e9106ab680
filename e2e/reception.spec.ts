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
