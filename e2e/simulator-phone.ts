import { expect, type Browser, type BrowserContext, type Locator } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

/** The customer's phone in the simulator, on a page of its own, talking to the São Paulo number. */
export async function customerPhone(browser: Browser | BrowserContext, number: string) {
  const customerPage = await browser.newPage();
  await signIn(customerPage, LOGINS.supervisor);
  await customerPage.goto("/simulador");
  await customerPage.getByLabel("Número da empresa").selectOption({ label: "Horizonte SP — WhatsApp" });
  await customerPage.getByLabel("Número do cliente").fill(number);
  await customerPage.getByRole("button", { name: "Abrir conversa" }).click();
  return customerPage.getByRole("region", { name: /Celular do cliente/ });
}

export async function lastFromCompany(phone: Locator, text: string | RegExp) {
  const message = phone.locator('[data-from="company"]').filter({ hasText: text }).last();
  await expect(message).toBeVisible({ timeout: 15_000 });
  return message;
}

/** A company message with this text that arrived after `before` others like it (older ones stay on screen). */
export async function newFromCompany(phone: Locator, text: string | RegExp, before: number) {
  const matching = phone.locator('[data-from="company"]').filter({ hasText: text });
  await expect(async () => expect(await matching.count()).toBeGreaterThan(before)).toPass({ timeout: 15_000 });
  return matching.last();
}

export async function pickFirst(message: Locator, listButton: string, skip: RegExp = /^$/) {
  const rows = message.getByRole("listitem").getByRole("button").filter({ hasNotText: skip });
  // The simulator refreshes when the conversation changes (live events); open the list again if a refresh closed it.
  await expect(async () => {
    if (!(await rows.first().isVisible())) await message.getByRole("button", { name: listButton }).click();
    await expect(rows.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await rows.first().click();
}

const STEPS = {
  asset: "Qual veículo/plano?",
  day: "Escolha o melhor dia:",
  time: /Horários livres em/,
  confirm: /Confirma o agendamento para/,
  done: /Seu agendamento está marcado para/,
};

/**
 * Taps whatever starts the booking, then picks the first vehicle (when asked), day and time, and
 * confirms. Returns the time the bot booked, "dd/MM/yyyy às HH:mm".
 */
export async function bookFirstFreeTime(phone: Locator, start: () => Promise<void>) {
  const count = (text: string | RegExp) => phone.locator('[data-from="company"]').filter({ hasText: text }).count();
  const before = {
    asset: await count(STEPS.asset),
    day: await count(STEPS.day),
    time: await count(STEPS.time),
    confirm: await count(STEPS.confirm),
    done: await count(STEPS.done),
  };
  await start();
  const first = phone.locator('[data-from="company"]').filter({ hasText: /Qual veículo\/plano\?|Escolha o melhor dia:/ });
  await expect(async () => expect(await first.count()).toBeGreaterThan(before.asset + before.day)).toPass({ timeout: 15_000 });
  if ((await count(STEPS.asset)) > before.asset) await pickFirst(await newFromCompany(phone, STEPS.asset, before.asset), "Escolher");
  await pickFirst(await newFromCompany(phone, STEPS.day, before.day), "Ver dias");
  await pickFirst(await newFromCompany(phone, STEPS.time, before.time), "Ver horários", /Mais horários|Outro dia/);
  const confirm = await newFromCompany(phone, STEPS.confirm, before.confirm);
  await confirm.getByRole("button", { name: "Confirmar" }).click();
  const done = await newFromCompany(phone, STEPS.done, before.done);
  return (await done.textContent())!.match(/marcado para (\d{2}\/\d{2}\/\d{4} às \d{2}:\d{2})/)![1];
}
