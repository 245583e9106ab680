import { expect, test, type Locator, type Page } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

let booked: { card: string; phone: string } | undefined;

/** Opens agendas until one whose customer can receive WhatsApp takes the invitation; returns its number. */
async function inviteSomeone(page: Page, except: string[] = []) {
  await page.goto("/atendimento?agenda=mes&total=ativos_pendentes");
  await expect(page.getByTestId("worklist-row").first()).toBeVisible();
  const links = await page.getByTestId("worklist-row").getByRole("link").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  for (const href of links.filter((l) => !except.includes(l)).slice(0, 15)) {
    await page.goto(href);
    await page.getByRole("button", { name: "Enviar convite pelo WhatsApp" }).click();
    const toast = page.locator("[data-sonner-toast]").last();
    await expect(toast).toBeVisible();
    if (!(await toast.textContent())?.includes("Convite enviado pelo WhatsApp.")) continue;
    const mobile = (await page.getByText(/^\(\d{2}\) 9\d{4}-\d{4}/).first().textContent())!;
    return { card: href, phone: `55${mobile.replace(/\D/g, "")}` };
  }
  throw new Error(`no agenda could take the invitation (${links.length} tried)`);
}

async function lastFromCompany(phone: Locator, text: string | RegExp) {
  const message = phone.locator('[data-from="company"]').filter({ hasText: text }).last();
  await expect(message).toBeVisible({ timeout: 15_000 });
  return message;
}

async function pickFirst(message: Locator, listButton: string, skip: RegExp = /^$/) {
  const rows = message.getByRole("listitem").getByRole("button").filter({ hasNotText: skip });
  // The simulator refreshes every 2 s; open the list again if a refresh closed it.
  await expect(async () => {
    if (!(await rows.first().isVisible())) await message.getByRole("button", { name: listButton }).click();
    await expect(rows.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await rows.first().click();
}

async function customerPhone(browser: import("@playwright/test").Browser, number: string) {
  const customerPage = await browser.newPage();
  await signIn(customerPage, LOGINS.supervisor);
  await customerPage.goto("/simulador");
  await customerPage.getByLabel("Número da empresa").selectOption({ label: "Horizonte SP — WhatsApp" });
  await customerPage.getByLabel("Número do cliente").fill(number);
  await customerPage.getByRole("button", { name: "Abrir conversa" }).click();
  return customerPage.getByRole("region", { name: /Celular do cliente/ });
}

const STEPS = {
  asset: "Qual veículo/plano?",
  day: "Escolha o melhor dia:",
  time: /Horários livres em/,
  confirm: /Confirma o agendamento para/,
  done: /Seu agendamento está marcado para/,
};

/** A company message with this text that arrived after `before` others like it (older ones stay on screen). */
async function newFromCompany(phone: Locator, text: string | RegExp, before: number) {
  const matching = phone.locator('[data-from="company"]').filter({ hasText: text });
  await expect(async () => expect(await matching.count()).toBeGreaterThan(before)).toPass({ timeout: 15_000 });
  return matching.last();
}

/** Taps whatever starts the booking, then picks the first vehicle, day and time, and confirms. */
async function bookFirstFreeTime(phone: Locator, start: () => Promise<void>) {
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
  await newFromCompany(phone, STEPS.done, before.done);
}

test("an agent sends the invitation by hand; the customer books by tapping in the simulator; the agenda shows Agendou", async ({ page, browser }) => {
  await signIn(page, LOGINS.supervisor);
  const { card, phone: number } = await inviteSomeone(page);
  booked = { card, phone: number };
  const phone = await customerPhone(browser, number);

  const invitation = await lastFromCompany(phone, /revisão do seu/);
  await bookFirstFreeTime(phone, () => invitation.getByRole("button", { name: "Quero agendar" }).click());

  await page.goto(card);
  await expect(page.getByTestId("agenda-status")).toHaveText("Agendou");
  await expect(page.getByTestId("appointments")).toContainText(/Agendado|Confirmado/);
});

test("the confirmation job asks the customer, who taps Remarcar and books another time", async ({ page, browser }) => {
  expect(booked, "the booking test ran first").toBeTruthy();
  // Sending hours all day, so the dispatch does not depend on when the suite runs.
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/companies");
  await page.getByRole("link", { name: "Horizonte Veículos — Oficina São Paulo" }).click();
  await page.getByLabel("Envios automáticos a partir de").fill("00:00");
  await page.getByLabel("Envios automáticos até").fill("23:59");
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page).toHaveURL(/\/admin\/companies$/);

  await page.goto("/automacao");
  const job = page.getByTestId("job-dispatch-confirmations");
  await job.getByRole("button", { name: /Executar agora/ }).click();
  await expect(page.getByText(/Confirmação de agendamento: \d+ considerados, [1-9]\d* enviados/)).toBeVisible();

  const phone = await customerPhone(browser, booked!.phone);
  const confirmation = await lastFromCompany(phone, /confirmamos seu agendamento/);
  await bookFirstFreeTime(phone, () => confirmation.getByRole("button", { name: "Remarcar" }).click());

  await page.goto(booked!.card);
  await expect(page.getByTestId("appointments")).toContainText("Remarcado");
  await expect(page.getByTestId("appointments")).toContainText(/Agendado|Confirmado/);
});

test("'Prefiro que me liguem' puts the Ligar badge on the agenda", async ({ page, browser }) => {
  await signIn(page, LOGINS.supervisor);
  const { card, phone: number } = await inviteSomeone(page, booked ? [booked.card] : []);
  const phone = await customerPhone(browser, number);
  const invitation = await lastFromCompany(phone, /revisão do seu/);
  await invitation.getByRole("button", { name: "Prefiro que me liguem" }).click();
  await lastFromCompany(phone, "Um de nossos atendentes vai ligar para você");

  await page.goto(card);
  await expect(page.getByTestId("agenda-status")).toHaveText("Pediu para ligar");
  await expect(page.getByText("cliente pediu para ligar")).toBeVisible();
});
