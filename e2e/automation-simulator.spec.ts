import { expect, test, type Locator, type Page } from "@playwright/test";
import { ALL_DAY, LOGINS, runJobNow, setSendingHours, signIn } from "./helpers";
import { bookFirstFreeTime, customerPhone, lastFromCompany } from "./simulator-phone";

// Automação's jobs message the customer, who answers on the simulator's phone (sandbox provider).
test.describe.configure({ mode: "serial" });

const COMPANY = "Horizonte Veículos — Oficina São Paulo";
const PROGRAM = "Revisão a cada 12 meses ou 10.000 km";

/** What the tests changed in the settings, put back after them so the files that follow see the demo's. */
const undo: ((page: Page) => Promise<void>)[] = [];

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, LOGINS.admin);
  const previous = await setSendingHours(page, COMPANY, ALL_DAY);
  undo.push((p) => setSendingHours(p, COMPANY, previous).then(() => {}));
  await page.close();
});

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page, LOGINS.admin);
  for (const step of undo.reverse()) await step(page);
  await page.close();
});

/** The card links (paths) of the worklist rows a locator matches. */
function cardsOf(rows: Locator) {
  return rows.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
}

/** Every card of a worklist view, page by page (the worklist shows 50 per page). */
async function allCards(page: Page, url: string, count: number) {
  const rows = page.getByTestId("worklist-row");
  const cards: string[] = [];
  for (let n = 1; n <= Math.max(1, Math.ceil(count / 50)); n++) {
    await page.goto(`${url}&pagina=${n}`);
    await expect(rows.first()).toBeVisible();
    cards.push(...(await cardsOf(rows)));
  }
  return cards;
}

/** The customer's mobile on the agenda card, as the simulator wants it (55 + DDD + number). */
async function mobileOnCard(page: Page) {
  const mobile = (await page.getByText(/^\(\d{2}\) 9\d{4}-\d{4}/).first().textContent())!;
  return `55${mobile.replace(/\D/g, "")}`;
}

async function setNoShowTolerance(page: Page, minutes: string) {
  await page.goto("/admin/programs");
  await page.getByRole("link", { name: PROGRAM }).click();
  const tolerance = page.getByLabel("Tolerância para no-show (minutos)");
  const previous = await tolerance.inputValue();
  await tolerance.fill(minutes);
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByText("Alterações salvas.")).toBeVisible();
  return previous;
}

test("the invitation job sends today's automatic invitations; the customer books by tapping; the worklist shows Cliente Agendou", async ({ page, browser }) => {
  await signIn(page, LOGINS.supervisor);
  // The automatic agendas of São Paulo, the supervisor's company, contacted in the last 7 days.
  const worklist = "/atendimento?agenda=ultimos7&origem=automatica";
  const rows = page.getByTestId("worklist-row");
  await page.goto(`${worklist}&total=ativos_pendentes`);
  await expect(rows.first()).toBeVisible();
  // Not tried yet: the agent is told the message is on its way, not to call.
  const waiting = rows.filter({ hasText: "Aguardando o envio automático" });
  await expect(waiting.first()).toBeVisible();
  const notSent = await cardsOf(waiting);
  const bookedBefore = Number(await page.getByTestId("total-agendou-count").textContent());

  await runJobNow(page, "dispatch-invitations", /Disparo de agendamento: \d+ considerados, [1-9]\d* enviados/);

  await page.goto(`${worklist}&total=ativos_pendentes`);
  await expect(rows.first()).toBeVisible();
  const invited = (await cardsOf(rows.filter({ hasText: /Enviado/ }))).filter((card) => notSent.includes(card));
  expect(invited.length, "an agenda that showed 'Não enviado' shows 'Enviado' after the run").toBeGreaterThan(0);
  const card = invited[0];

  await page.goto(card);
  await expect(page.getByTestId("agenda-status")).toHaveText("Pendente");
  const phone = await customerPhone(browser, await mobileOnCard(page));
  const invitation = await lastFromCompany(phone, /A revisão do seu .+ está chegando/);
  await bookFirstFreeTime(phone, () => invitation.getByRole("button", { name: "Quero agendar" }).click());

  await page.goto(worklist);
  await page.getByTestId("total-agendou").click();
  await expect(page.getByTestId("total-agendou")).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("total-agendou-count")).toHaveText(String(bookedBefore + 1));
  const row = rows.filter({ has: page.locator(`a[href="${card}"]`) });
  await expect(row).toContainText("Agendou");
  await expect(row).toContainText("Respondido");
});

test("the no-show sweep asks a customer who missed the booking to come again; the customer picks a new day and time; the agenda shows it", async ({ page, browser }) => {
  await signIn(page, LOGINS.supervisor);
  // The sweep covers every booking: a day's tolerance keeps it off today's front-desk bookings
  // (reception and worklist files) whatever the time. The missed booking of the demo is two days old.
  const tolerance = await setNoShowTolerance(page, "1440");
  undo.push(async (p) => void (await setNoShowTolerance(p, tolerance)));

  const noShows = "/atendimento?agenda=ultimos7&total=no_show";
  const rows = page.getByTestId("worklist-row");
  await page.goto(noShows);
  await expect(rows.first()).toBeVisible();
  const countBefore = Number(await page.getByTestId("total-no_show-count").textContent());
  const before = await allCards(page, noShows, countBefore);

  await runJobNow(page, "no-show-sweep", /No-show: \d+ considerados, [1-9]\d* enviados/);

  await page.goto(noShows);
  await expect(page.getByTestId("total-no_show-count")).toHaveText(String(countBefore + 1));
  const missed = (await allCards(page, noShows, countBefore + 1)).filter((card) => !before.includes(card));
  expect(missed).toHaveLength(1);

  await page.goto(missed[0]);
  await expect(page.getByTestId("agenda-status")).toHaveText("No-show");
  await expect(page.getByTestId("timeline")).toContainText("Agendou → No-show");
  // The card lists all the customer's bookings.
  const appointments = page.getByTestId("appointments").getByRole("listitem");
  await expect(appointments.filter({ hasText: "No-show" }).first()).toBeVisible();
  const bookings = await appointments.count();

  const phone = await customerPhone(browser, await mobileOnCard(page));
  const message = await lastFromCompany(phone, /sentimos sua falta/);
  const when = await bookFirstFreeTime(phone, () => message.getByRole("button", { name: "Quero remarcar" }).click());

  await page.reload();
  await expect(page.getByTestId("agenda-status")).toHaveText("Agendou");
  await expect(appointments).toHaveCount(bookings + 1);
  await expect(appointments.filter({ hasText: when.replace(" às ", " ") })).toContainText("Agendado");
});
