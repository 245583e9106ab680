import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

test("a worklist URL with an impossible date shows the worklist for the default period, with a notice", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  for (const query of [
    "agenda=periodo&de=2026-02-31&ate=2026-03-05",
    "agenda=periodo&de=2026-12-01&ate=2026-12-32",
    "agenda=periodo&de=9999-99-99",
  ]) {
    await page.goto(`/atendimento?${query}`);
    await expect(page.getByRole("status").filter({ hasText: "Data inválida no filtro; mostrando o período padrão." }), query).toBeVisible();
    await expect(page.getByTestId("worklist"), query).toBeVisible();
    await expect(page.getByTestId("total-pediu_ligar"), query).toBeVisible();
    await expect(page.getByLabel("Agenda", { exact: true }), query).toHaveValue("hoje");
  }

  await page.goto("/atendimento?agenda=periodo&de=2026-02-28&ate=2026-03-05");
  await expect(page.getByTestId("worklist")).toBeVisible();
  await expect(page.getByLabel("Agenda", { exact: true })).toHaveValue("periodo");
  await expect(page.getByText("Data inválida no filtro")).toHaveCount(0);
});
