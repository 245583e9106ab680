import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

// Issue 11, item 7: after "Pediu para ligar" for tomorrow 10:30 only the card showed the time; the row
// showed none and the agenda was not under Amanhã.
test("a call-back asked for tomorrow is under Amanhã, with its time on the row", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  await page.goto("/atendimento?agenda=ultimos7&total=ativos_pendentes");
  const link = page.getByTestId("worklist-row").first().getByRole("link");
  const customer = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(customer);

  const zone = "America/Sao_Paulo";
  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(tomorrow); // yyyy-mm-dd
  const [y, m, d] = day.split("-");
  await page.getByRole("radio", { name: "Pediu para ligar" }).check();
  await page.getByLabel("Ligar de volta em").fill(`${day}T10:30`);
  await page.getByRole("button", { name: "Registrar" }).click();
  await expect(page.getByTestId("agenda-status")).toHaveText("Pediu para ligar");
  await expect(page.getByText(`Retorno combinado para ${d}/${m}/${y} 10:30`)).toBeVisible();

  await page.goto("/atendimento?agenda=amanha&total=pediu_ligar");
  const row = page.getByTestId("worklist-row").filter({ hasText: customer });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("callback-at")).toHaveText(`Retorno ${d}/${m} 10:30`);
  await expect(row).toContainText(`${d}/${m}/${y}`);
});
