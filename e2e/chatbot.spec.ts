import { expect, test, type Locator, type Page } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

/** Opens agendas until one whose customer can receive WhatsApp takes the invitation; returns its number. */
async function inviteSomeone(page: Page) {
  await page.goto("/atendimento?agenda=mes&total=ativos_pendentes");
  const links = await page.getByTestId("worklist-row").getByRole("link").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  for (const href of links.slice(0, 15)) {
    await page.goto(href);
    await page.getByRole("button", { name: "Enviar convite pelo WhatsApp" }).click();
    const toast = page.locator("[data-sonner-toast]").last();
    await expect(toast).toBeVisible();
    if (!(await toast.textContent())?.includes("Convite enviado pelo WhatsApp.")) continue;
    const mobile = (await page.getByText(/^\(\d{2}\) 9\d{4}-\d{4}/).first().textContent())!;
    return { card: href, phone: `55${mobile.replace(/\D/g, "")}` };
  }
  throw new Error("no agenda could take the invitation");
}

async function lastFromCompany(phone: Locator, text: string | RegExp) {
  const message = phone.locator('[data-from="company"]').filter({ hasText: text }).last();
  await expect(message).toBeVisible({ timeout: 15_000 });
  return message;
}

async function pickFirst(message: Locator, listButton: string, skip: RegExp = /^$/) {
  await message.getByRole("button", { name: listButton }).click();
  const rows = message.getByRole("listitem").getByRole("button").filter({ hasNotText: skip });
  await rows.first().click();
}

test("an agent sends the invitation by hand; the customer books by tapping in the simulator; the agenda shows Agendou", async ({ page, browser }) => {
  await signIn(page, LOGINS.supervisor);
  const { card, phone: number } = await inviteSomeone(page);

  const customerPage = await browser.newPage();
  await signIn(customerPage, LOGINS.supervisor);
  await customerPage.goto("/simulador");
  await customerPage.getByLabel("Número da empresa").selectOption({ label: "Horizonte SP — WhatsApp" });
  await customerPage.getByLabel("Número do cliente").fill(number);
  await customerPage.getByRole("button", { name: "Abrir conversa" }).click();
  const phone = customerPage.getByRole("region", { name: /Celular do cliente/ });

  const invitation = await lastFromCompany(phone, /revisão do seu/);
  await invitation.getByRole("button", { name: "Quero agendar" }).click();

  const next = phone.locator('[data-from="company"]').filter({ hasText: /Qual veículo\/plano\?|Escolha o melhor dia:/ }).last();
  await expect(next).toBeVisible({ timeout: 15_000 });
  if (await next.getByText("Qual veículo/plano?").isVisible()) {
    await pickFirst(next, "Escolher");
  }
  await pickFirst(await lastFromCompany(phone, "Escolha o melhor dia:"), "Ver dias");
  await pickFirst(await lastFromCompany(phone, /Horários livres em/), "Ver horários", /Mais horários|Outro dia/);
  const confirm = await lastFromCompany(phone, /Confirma o agendamento para/);
  await confirm.getByRole("button", { name: "Confirmar" }).click();
  await lastFromCompany(phone, /Seu agendamento está marcado para/);

  await page.goto(card);
  await expect(page.getByTestId("agenda-status")).toHaveText("Agendou");
  await expect(page.getByTestId("appointments")).toContainText(/Agendado|Confirmado/);
});
