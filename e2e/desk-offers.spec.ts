import { expect, test, type Browser, type Page } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";
import { customerPhone, lastFromCompany, pickFirst } from "./simulator-phone";

// The live desk (issue 13): two agents Pronto, the customer writes, one is offered the ticket, declines,
// the other gets it and accepts, and the chat opens.

async function agentDesk(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await page.goto("/conversas");
  // Everyone starts Não pronto at sign-in.
  await expect(page.getByTestId("presence-state")).toHaveText("Não pronto");
  await page.getByRole("button", { name: "Ficar Pronto" }).click();
  await expect(page.getByTestId("presence-state")).toHaveText("Pronto");
  await expect(page.getByTestId("live-indicator")).toHaveText("ao vivo");
  return { context, page };
}

/** Which of the pages shows an offer card (exactly one must). */
async function offered(pages: Page[]) {
  let holder: Page | undefined;
  await expect(async () => {
    const counts = await Promise.all(pages.map((p) => p.getByTestId("offer-card").count()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    holder = pages[counts.indexOf(1)];
  }).toPass({ timeout: 15_000 });
  return holder!;
}

test("presence → offer → Recusar → the other agent → Aceitar → the chat", async ({ browser }) => {
  const ana = await agentDesk(browser, LOGINS.agent);
  const bruno = await agentDesk(browser, "bruno@atende.dev");
  const simulator = await browser.newContext();
  const customer = await customerPhone(simulator, "5511912347001");
  await customer.getByRole("textbox", { name: "Mensagem" }).fill("Quero agendar uma revisão");
  await customer.getByRole("button", { name: "Enviar" }).click();
  // The bot's menu first; "Falar com um atendente" puts the customer in the human queue.
  const menu = await lastFromCompany(customer, "Como podemos ajudar?");
  await pickFirst(menu, "Ver opções", /Agendar serviço|Minhas OS/);

  const first = await offered([ana.page, bruno.page]);
  const card = first.getByTestId("offer-card");
  await expect(card.getByTestId("offer-entry")).toHaveText("WhatsApp · (11) 91234-7001");
  await expect(card.getByTestId("offer-queue")).toHaveText("Oficina — Agendamentos");
  await expect(card.getByTestId("offer-subject")).toBeVisible();
  // The waiting time runs.
  const wait = card.getByTestId("offer-wait");
  const before = await wait.textContent();
  await expect(wait).not.toHaveText(before ?? "", { timeout: 3_000 });

  await card.getByRole("button", { name: "Recusar" }).click();
  await expect(first.getByTestId("offer-card")).toHaveCount(0);
  const other = first === ana.page ? bruno.page : ana.page;
  const next = other.getByTestId("offer-card");
  await expect(next).toBeVisible({ timeout: 10_000 });
  await next.getByRole("button", { name: "Aceitar" }).click();
  await expect(other).toHaveURL(/\/conversas\?t=/);
  await expect(other.getByTestId("chat-messages").getByText("Quero agendar uma revisão").first()).toBeVisible();
  await expect(other.getByTestId("my-tickets").getByText("(11) 91234-7001").first()).toBeVisible();
  await expect(first.getByTestId("offer-card")).toHaveCount(0);

  // Pausing takes a reason from the company's list, and the time in the state restarts.
  await first.getByLabel("Motivo da pausa").selectOption({ label: "Almoço" });
  await first.getByRole("button", { name: "Pausar" }).click();
  await expect(first.getByTestId("presence-state")).toHaveText("Não pronto — Almoço");
  await expect(first.getByTestId("presence-elapsed")).toHaveText(/^00:0\d$/);

  // Transfer: a Não pronto colleague is listed but cannot be chosen; once Pronto, he gets an offer with the reason.
  const firstName = first === ana.page ? "Ana Agente" : "Bruno";
  const target = other.getByLabel("Para");
  const option = target.locator("option", { hasText: firstName });
  await expect(option).toBeDisabled();
  await expect(option).toContainText("Não pronto");
  await first.getByRole("button", { name: "Ficar Pronto" }).click();
  await expect(first.getByTestId("presence-state")).toHaveText("Pronto");
  await expect(option).toBeEnabled({ timeout: 10_000 });
  await target.selectOption({ label: (await option.textContent())! });
  await other.getByLabel("Motivo (opcional)").fill("Cliente quer falar de peças");
  await other.getByRole("button", { name: "Transferir" }).click();
  await expect(other.getByTestId("transfer-outcome")).toContainText("Aguardando");
  const transfer = first.getByTestId("offer-card");
  await expect(transfer).toContainText("Transferência de");
  await expect(transfer).toContainText("Cliente quer falar de peças");
  await transfer.getByRole("button", { name: "Aceitar" }).click();
  await expect(first).toHaveURL(/\/conversas\?t=/);
  await expect(first.getByTestId("chat-messages").getByText("Quero agendar uma revisão").first()).toBeVisible();
  await expect(other.getByTestId("my-tickets").getByText("(11) 91234-7001")).toHaveCount(0);

  // An internal note shows in the timeline in its own style and never reaches the customer's phone.
  await first.getByLabel("Nota interna").fill("Cliente prefere contato à tarde");
  await first.getByRole("button", { name: "Adicionar nota" }).click();
  await expect(first.getByTestId("chat-messages").locator("[data-note]")).toContainText("Cliente prefere contato à tarde");
  await expect(first.getByTestId("chat-messages").locator("[data-note]")).toContainText("Nota interna");
  await customer.page().reload();
  await expect(customer.page().getByText("Quero agendar uma revisão").first()).toBeVisible();
  await expect(customer.page().getByText("Cliente prefere contato à tarde")).toHaveCount(0);
  await Promise.all([ana.context.close(), bruno.context.close(), simulator.close()]);
});
