import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

// Issue 11, item 6: the card said "Automática · Revisão Programada 2026" in its header and "Agenda manual:
// sem eventos de programa" under Eventos agrupados.
test("an automatic agenda without grouped events does not call itself manual", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  // Today's front-desk bookings are automatic agendas of the Revisão program with no cycle event.
  await page.goto("/atendimento?agenda=hoje&total=agendou&origem=automatica");
  const hrefs = await page.getByTestId("worklist-row").getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThan(0);
  let withoutEvents = 0;
  for (const href of hrefs.slice(0, 12)) {
    await page.goto(href);
    await expect(page.getByTestId("agenda-status")).toBeVisible();
    await expect(page.getByText(/Automática/).first()).toBeVisible();
    await expect(page.getByText("Agenda manual: sem eventos de programa.")).toHaveCount(0);
    if (await page.getByTestId("no-events").count()) {
      withoutEvents++;
      await expect(page.getByTestId("no-events")).toHaveText("Agenda automática (Revisão a cada 12 meses ou 10.000 km): nenhum evento do programa agrupado nela.");
    }
  }
  expect(withoutEvents).toBeGreaterThan(0);
});

test("phone numbers on the card and the customer page are click-to-call links", async ({ page }) => {
  await signIn(page, LOGINS.supervisor);
  await page.goto("/atendimento?agenda=mes");
  await page.getByTestId("worklist-row").first().getByRole("link").click();
  await expect(page.getByTestId("agenda-status")).toBeVisible();
  const onCard = page.locator('a[href^="tel:+55"]').first();
  await expect(onCard).toBeVisible();
  const number = (await onCard.textContent())!;
  expect(await onCard.getAttribute("href")).toBe(`tel:+55${number.replace(/\D/g, "")}`);
  await expect(onCard).toHaveAttribute("title", `Ligar para ${number}`);

  await page.goto("/clientes");
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page.locator('a[href^="tel:+55"]').first()).toBeVisible();
});
