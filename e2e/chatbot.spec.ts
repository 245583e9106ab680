import { expect, test, type Page } from "@playwright/test";
import { ALL_DAY, LOGINS, runJobNow, setSendingHours, signIn } from "./helpers";
import { bookFirstFreeTime, customerPhone, lastFromCompany } from "./simulator-phone";

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
  await setSendingHours(page, "Horizonte Veículos — Oficina São Paulo", ALL_DAY);
  await runJobNow(page, "dispatch-confirmations", /Confirmação de agendamento: \d+ considerados, [1-9]\d* enviados/);

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
