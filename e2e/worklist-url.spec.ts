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

test("Período: blank dates leave the URL and the results; a reversed range is refused, not swapped", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  // A range with no agendas, so the results show whether the dates still apply.
  await page.goto("/atendimento?agenda=periodo&de=2020-01-20&ate=2020-01-25");
  await expect(page.getByText("Nenhuma agenda com estes filtros.")).toBeVisible();

  await page.getByLabel("De", { exact: true }).fill("");
  await page.getByLabel("Até", { exact: true }).fill("");
  await page.getByRole("button", { name: "Aplicar" }).click();
  await expect(page).toHaveURL(/agenda=periodo/);
  await expect(page).not.toHaveURL(/de=|ate=/);
  await expect(page.getByTestId("worklist-row").first()).toBeVisible();
  await expect(page.getByLabel("De", { exact: true })).toHaveValue("");

  await page.getByLabel("De", { exact: true }).fill("2026-11-25");
  await page.getByLabel("Até", { exact: true }).fill("2026-11-20");
  await page.getByRole("button", { name: "Aplicar" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "A data final (Até) é anterior à inicial (De)." })).toBeVisible();
  await expect(page.getByLabel("Até", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).not.toHaveURL(/de=|ate=/);

  // The same range typed into the URL says so and shows the default period.
  await page.goto("/atendimento?agenda=periodo&de=2026-11-25&ate=2026-11-20");
  await expect(page.getByTestId("reversed-range")).toHaveText("Período invertido no filtro (De depois de Até); mostrando o período padrão.");
  await expect(page.getByLabel("Agenda", { exact: true })).toHaveValue("hoje");
});

test("arrow keys on a filter move the choice without reloading; Enter applies it once", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  await page.goto("/atendimento");
  await expect(page.getByTestId("worklist")).toBeVisible();
  const loads: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers["rsc"] === "1" && !headers["next-router-prefetch"]) loads.push(request.url());
  });

  const agenda = page.getByLabel("Agenda", { exact: true });
  await agenda.focus();
  for (let i = 0; i < 3; i++) await agenda.press("ArrowDown");
  await expect(agenda).toHaveValue("ultimos7");
  await page.waitForTimeout(1000);
  expect(loads, "a reload at each highlighted option").toEqual([]);
  await expect(page).not.toHaveURL(/agenda=/);

  await agenda.press("Enter");
  await expect(page).toHaveURL(/agenda=ultimos7/);
  await expect(page.getByLabel("Agenda", { exact: true })).toHaveValue("ultimos7");
  expect(loads).toHaveLength(1);

  // Leaving the field applies a choice moved by the keyboard too.
  const origin = page.getByLabel("Origem", { exact: true });
  await origin.focus();
  await origin.press("ArrowDown");
  await page.waitForTimeout(500);
  expect(loads).toHaveLength(1);
  await origin.press("Tab");
  await expect(page).toHaveURL(/origem=automatica/);
});

test("Busca finds a customer's agendas by name and keeps the search in the URL", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  await page.goto("/atendimento?agenda=mes");
  const name = (await page.getByTestId("worklist-row").first().getByRole("link").textContent())!.trim();
  await page.getByLabel("Busca").fill(name.toLowerCase());
  await page.getByLabel("Busca").press("Enter");
  await expect(page).toHaveURL(/busca=/);
  const rows = page.getByTestId("worklist-row");
  await expect(rows.first()).toContainText(name);
  for (const text of await rows.allTextContents()) expect(text).toContain(name);
  await expect(page.getByLabel("Busca")).toHaveValue(name.toLowerCase());
});
