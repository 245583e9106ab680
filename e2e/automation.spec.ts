import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

test("a supervisor runs a job now from Automação and sees the run with its counts", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  await page.goto("/automacao");
  const job = page.getByTestId("job-window-checks");
  await expect(job.getByText("Ainda não rodou.")).toBeVisible();
  await job.getByRole("button", { name: /Executar agora/ }).click();
  await expect(page.getByText(/Sem resposta e janela de 24 h: \d+ considerados/)).toBeVisible();
  const run = job.getByTestId("job-run").first();
  await expect(run).toContainText("Executar agora");
  await expect(run).toContainText("Concluído");
});

test("an agent without dashboard.view gets the 403 page on Automação", async ({ page }) => {
  await signIn(page, LOGINS.agent);
  const response = await page.goto("/automacao");
  expect(response?.status()).toBe(403);
});
