import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("the login page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the app shell has no serious accessibility violations, in light and dark", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin");
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  expect(await seriousViolations(page)).toEqual([]);
});
